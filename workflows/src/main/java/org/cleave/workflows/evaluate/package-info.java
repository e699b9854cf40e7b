/**
 * Scoring plans against the optimum with the family's own evaluator: feasibility with the violated
 * constraints named, the cost breakdown, the optimum and the relative gap, one
 * {@link org.cleave.workflows.evaluate.PlanScore} per plan and a
 * {@link org.cleave.workflows.evaluate.ScoreSummary} over many.
 * {@link org.cleave.workflows.evaluate.PlanEvaluator} is the in-process entry point (no JSON);
 * {@link org.cleave.workflows.evaluate.PlanFiles} reads plan, label and action files (JSON Lines)
 * and writes the score table, for {@code cleave evaluate}.
 */
package org.cleave.workflows.evaluate;
