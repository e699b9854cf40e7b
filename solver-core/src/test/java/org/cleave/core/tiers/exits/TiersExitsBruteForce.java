package org.cleave.core.tiers.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cleave.core.model.Exit;
import org.cleave.core.tiers.TierAssignments;
import org.cleave.core.tiers.TierPlacement;

/**
 * Test-only reference for P2-3T: every (exit set, monotone three-tier plan) pair evaluated by the
 * evaluator itself through {@link TiersExitsProblem#evaluate}; the least objective among feasible
 * plans.
 */
public final class TiersExitsBruteForce {
    private TiersExitsBruteForce() {
    }

    /**
     * The reference optimum.
     *
     * @param plan      an optimal plan, empty when no plan is feasible
     * @param objective its objective (NaN when infeasible)
     * @param pairs     how many (exit set, plan) pairs were evaluated
     */
    public record Optimum(Optional<TierExitPlan> plan, double objective, long pairs) {
        public boolean feasible() {
            return plan.isPresent();
        }
    }

    /** Every subset of the model's exits, each by depth. */
    public static List<List<String>> exitSets(TiersExitsProblem problem) {
        List<Exit> exits = problem.graph().exits();
        List<List<String>> sets = new ArrayList<>();
        for (int mask = 0; mask < (1 << exits.size()); mask++) {
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
    public static Optimum solve(TiersExitsProblem problem) {
        TierExitPlan[] best = {null};
        double[] bestObj = {Double.NaN};
        long[] pairs = {0};
        for (List<String> set : exitSets(problem)) {
            TierAssignments.forEach(problem.graph(), Long.MAX_VALUE, () -> false, tiers -> {
                pairs[0]++;
                TierExitPlan plan = new TierExitPlan(set, new TierPlacement(tiers));
                TiersExitsCost c = problem.evaluate(plan);
                if (c.feasible() && (best[0] == null || c.objective() < bestObj[0])) {
                    best[0] = plan;
                    bestObj[0] = c.objective();
                }
            });
        }
        return new Optimum(Optional.ofNullable(best[0]), bestObj[0], pairs[0]);
    }
}
