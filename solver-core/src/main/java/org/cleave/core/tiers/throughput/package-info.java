/**
 * P3-3T, heavy-load throughput on three tiers: {@link org.cleave.core.tiers.throughput.TiersThroughputProblem}
 * (frames stream through five stages, device — link 1 — edge — link 2 — cloud; the period is the
 * slowest stage), its evaluator {@link org.cleave.core.tiers.throughput.TiersThroughputEvaluator}, its
 * breakdown {@link org.cleave.core.tiers.throughput.TiersThroughputCost} and the per-layer stage times
 * {@link org.cleave.core.tiers.throughput.TiersStageTimes} that the evaluator and the solvers share.
 * Plans are P1-3T's {@link org.cleave.core.tiers.TierPlacement}; see docs/tiers.md.
 */
package org.cleave.core.tiers.throughput;
