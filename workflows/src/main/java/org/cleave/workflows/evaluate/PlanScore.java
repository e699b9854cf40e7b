package org.cleave.workflows.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan scored by its family's evaluator.
 *
 * @param index      the plan's position in its input (0-based line of a plans file, or the state
 *                   index of a labelled state)
 * @param feasible   whether the evaluator accepted the plan and found no violated constraint
 * @param violations the violated constraints as the evaluator names them (e.g. {@code expected
 *                   accuracy 0.61 is below minAccuracy 0.7}, {@code compute units: the plan uses 9 of
 *                   K_F = 8}); a plan the evaluator rejects outright (a non-monotone placement) has
 *                   one entry starting {@code plan rejected by the evaluator:}
 * @param objective  the evaluator's objective, NaN for a rejected plan
 * @param breakdown  the cost breakdown ({@link Breakdowns}), empty for a rejected plan
 * @param perUser    per-user vectors of the breakdown ({@link Breakdowns#perUser}, multi-user P5),
 *                   one entry per user; empty for other families and for a rejected plan
 * @param optimum    the optimum it is compared with, NaN when unknown
 * @param gap        the relative gap to the optimum ({@link PlanEvaluator#gap}); NaN for an
 *                   infeasible plan or an unknown optimum
 */
public record PlanScore(long index, boolean feasible, List<String> violations, double objective,
                        Map<String, Double> breakdown, Map<String, double[]> perUser, double optimum, double gap) {
    public PlanScore {
        violations = List.copyOf(violations);
        breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
        perUser = Collections.unmodifiableMap(new LinkedHashMap<>(perUser));
    }

    /** A score without per-user vectors. */
    public PlanScore(long index, boolean feasible, List<String> violations, double objective,
                     Map<String, Double> breakdown, double optimum, double gap) {
        this(index, feasible, violations, objective, breakdown, Map.of(), optimum, gap);
    }

    /** Whether the plan is feasible and within {@link ScoreSummary#OPTIMAL_GAP} of the optimum. */
    public boolean optimal() {
        return feasible && gap <= ScoreSummary.OPTIMAL_GAP;
    }
}
