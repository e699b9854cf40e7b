/**
 * P1-3T, exact device–edge–cloud partition of a DAG: {@link org.cleave.core.tiers.TiersProblem}
 * (three tiers in a line, device — link 1 — edge — link 2 — cloud, monotone placements), its plan
 * {@link org.cleave.core.tiers.TierPlacement}, its evaluator
 * {@link org.cleave.core.tiers.TiersEvaluator} and breakdown {@link org.cleave.core.tiers.TiersCost},
 * per-layer coefficients for solvers, the enumeration of monotone three-tier plans
 * ({@link org.cleave.core.tiers.TierAssignments}) and seeded random instances. The exact min-cut
 * follows Ishikawa, "Exact optimization for Markov random fields with convex priors", IEEE TPAMI
 * 25(10), 2003 (doi:10.1109/TPAMI.2003.1233908); see docs/tiers.md.
 */
package org.cleave.core.tiers;
