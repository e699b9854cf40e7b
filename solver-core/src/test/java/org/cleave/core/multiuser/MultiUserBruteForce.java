package org.cleave.core.multiuser;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only reference: the P4 optimum by evaluating, with the evaluator itself, every plan whose
 * units fit the capacities (no solver arithmetic, no pruning by cost).
 */
public final class MultiUserBruteForce {
    private MultiUserBruteForce() {
    }

    /** The optimum (+∞ when infeasible), one optimal plan (null when infeasible) and the plans evaluated. */
    public record Optimum(double objective, MultiUserPlan plan, long plans) {
        public boolean feasible() {
            return plan != null;
        }
    }

    /** Brute-force P4 optimum. */
    public static Optimum solve(MultiUserProblem p) {
        double[] best = {Double.POSITIVE_INFINITY};
        MultiUserPlan[] plan = {null};
        long[] count = {0};
        dfs(p, 0, 0, 0, new ArrayList<>(), best, plan, count);
        return new Optimum(best[0], plan[0], count[0]);
    }

    private static void dfs(MultiUserProblem p, int i, int usedF, int usedB, List<UserChoice> current, double[] best,
                            MultiUserPlan[] plan, long[] count) {
        if (i == p.size()) {
            count[0]++;
            MultiUserPlan candidate = new MultiUserPlan(current);
            MultiUserCost cost = p.evaluate(candidate);
            if (cost.feasible() && cost.objective() < best[0]) {
                best[0] = cost.objective();
                plan[0] = candidate;
            }
            return;
        }
        for (int o = 0; o < p.user(i).options().size(); o++) {
            for (int f = 0; usedF + f <= p.computeUnits(); f++) {
                for (int b = 0; usedB + b <= p.bandwidthUnits(); b++) {
                    current.add(new UserChoice(o, f, b));
                    dfs(p, i + 1, usedF + f, usedB + b, current, best, plan, count);
                    current.remove(current.size() - 1);
                }
            }
        }
    }
}
