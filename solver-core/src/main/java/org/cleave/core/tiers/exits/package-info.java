/**
 * P2-3T: partition with early exits on three tiers in a line, device — link 1 — edge — link 2 —
 * cloud ({@link org.cleave.core.tiers.exits.TiersExitsProblem}). P2's reach-weighted expected
 * cost ({@link org.cleave.core.exits.ExitsProblem}) generalised exactly as P1-3T
 * ({@link org.cleave.core.tiers.TiersProblem}) generalises P1: its plan
 * ({@link org.cleave.core.tiers.exits.TierExitPlan}), per-layer expected loads
 * ({@link org.cleave.core.tiers.exits.TiersExpectedLoads}), the single evaluator
 * ({@link org.cleave.core.tiers.exits.TiersExitsEvaluator}) and seeded random instances.
 */
package org.cleave.core.tiers.exits;
