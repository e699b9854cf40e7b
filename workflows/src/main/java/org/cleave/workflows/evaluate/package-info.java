/**
 * Scoring plans against the optimum with the family's own evaluator: feasibility with the violated
 * constraints named, the cost breakdown, the optimum and the relative gap, one
 * {@link org.cleave.workflows.evaluate.PlanScore} per plan and a
 * {@link org.cleave.workflows.evaluate.ScoreSummary} over many.
 * {@link org.cleave.workflows.evaluate.PlanEvaluator} is the in-process entry point (no JSON);
 * {@link org.cleave.workflows.evaluate.PlanFiles} reads plan, label and action files (JSON Lines)
 * and writes the score table, for {@code cleave evaluate}.
 *
 * <p>P7 (online splitting) has no plan to score against one optimum but a <i>schedule</i>, the
 * split chosen for every sample of a trace: {@link org.cleave.workflows.evaluate.ScheduleEvaluator}
 * scores it per sample against the best fixed split in hindsight and the per-sample oracle
 * ({@link org.cleave.workflows.evaluate.ScheduleScore}), and
 * {@link org.cleave.workflows.evaluate.ScheduleFiles} reads and writes schedules (JSON Lines) and
 * the per-sample table, for {@code cleave evaluate --online}.
 */
package org.cleave.workflows.evaluate;
