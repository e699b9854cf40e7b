package org.cleave.core.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cleave.core.model.Exit;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;

/**
 * Test-only reference for P2: every (exit set, order ideal) pair evaluated by the evaluator itself.
 * Variant (a): least objective among feasible plans. Variant (b): greatest accuracy among
 * feasible plans, then least latency.
 */
public final class ExitsBruteForce {
    private ExitsBruteForce() {
    }

    /**
     * The reference optimum.
     *
     * @param plan      an optimal plan, empty when no plan is feasible
     * @param objective its objective (NaN when infeasible)
     * @param latency   its expected latency (NaN when infeasible)
     * @param pairs     how many (exit set, ideal) pairs were evaluated
     */
    public record Optimum(Optional<ExitPlan> plan, double objective, double latency, long pairs) {
        public boolean feasible() {
            return plan.isPresent();
        }
    }

    /** All exit subsets of {@code problem}'s model allowed by its variant (size ≤ 1 for right-sizing). */
    public static List<List<String>> exitSets(ExitsProblem problem) {
        List<Exit> exits = problem.graph().exits();
        List<List<String>> sets = new ArrayList<>();
        for (int mask = 0; mask < (1 << exits.size()); mask++) {
            if (problem.variant() instanceof ExitsProblem.RightSizing && Integer.bitCount(mask) > 1) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < exits.size(); j++) {
                if ((mask & (1 << j)) != 0) {
                    ids.add(exits.get(j).id());
                }
            }
            sets.add(ids);
        }
        return sets;
    }

    /** The brute-force optimum of {@code problem}. */
    public static Optimum solve(ExitsProblem problem) {
        boolean maximise = problem.variant() instanceof ExitsProblem.RightSizing;
        ExitPlan[] best = {null};
        double[] bestObj = {Double.NaN};
        double[] bestLat = {Double.NaN};
        long[] pairs = {0};
        for (List<String> set : exitSets(problem)) {
            OrderIdeals.forEach(problem.graph(), Long.MAX_VALUE, () -> false, onEdge -> {
                pairs[0]++;
                ExitPlan plan = new ExitPlan(set, Placement.of(onEdge));
                ExitsCost c = problem.evaluate(plan);
                if (!c.feasible()) {
                    return;
                }
                boolean better;
                if (best[0] == null) {
                    better = true;
                } else if (maximise) {
                    better = c.objective() > bestObj[0]
                            || (c.objective() == bestObj[0] && c.latencySeconds() < bestLat[0]);
                } else {
                    better = c.objective() < bestObj[0];
                }
                if (better) {
                    best[0] = plan;
                    bestObj[0] = c.objective();
                    bestLat[0] = c.latencySeconds();
                }
            });
        }
        return new Optimum(Optional.ofNullable(best[0]), bestObj[0], bestLat[0], pairs[0]);
    }
}
