package org.cleave.algorithms.upload;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.solve.Deadline;
import org.cleave.core.upload.MultiUserUploadProblem;

/**
 * Per-user cost tables of the multi-user P5 problem: for user i and units (k_F, k_B) ∈ [1, K_F] ×
 * [1, K_B], the best of its monotone placements (enumerated, so exact) and its cost; (0, 0) is
 * device-only. Every cost comes from the problem's own evaluator ({@code userCost}).
 */
final class UserOptions {
    /** Largest number of placements per user. */
    static final long MAX_IDEALS = 1L << 14;

    final double[][][] cost;      // [user][kF][kB]
    final boolean[][][][] plan;   // [user][kF][kB] -> placement

    private UserOptions(double[][][] cost, boolean[][][][] plan) {
        this.cost = cost;
        this.plan = plan;
    }

    static UserOptions of(MultiUserUploadProblem p, Deadline deadline) {
        int n = p.users().size();
        int kf = p.computeUnits();
        int kb = p.bandwidthUnits();
        double[][][] cost = new double[n][kf + 1][kb + 1];
        boolean[][][][] plan = new boolean[n][kf + 1][kb + 1][];
        for (int i = 0; i < n; i++) {
            var g = p.users().get(i).graph();
            if (OrderIdeals.count(g, MAX_IDEALS) > MAX_IDEALS) {
                throw new InvalidModelException("users[" + i + "].model", "has more than " + MAX_IDEALS
                        + " monotone placements; the exact multi-user tables enumerate them all");
            }
            List<boolean[]> xs = new ArrayList<>();
            OrderIdeals.forEach(g, MAX_IDEALS, () -> false, x -> xs.add(x.clone()));
            boolean[] deviceOnly = new boolean[g.size()];
            for (double[] row : cost[i]) {
                java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
            }
            cost[i][0][0] = p.userCost(i, deviceOnly, 0, 0, false).objective();
            plan[i][0][0] = deviceOnly;
            for (int f = 1; f <= kf; f++) {
                for (int b = 1; b <= kb; b++) {
                    for (boolean[] x : xs) {
                        double c = p.userCost(i, x, f, b, false).objective();
                        if (c < cost[i][f][b]) {
                            cost[i][f][b] = c;
                            plan[i][f][b] = x;
                        }
                    }
                }
                if (deadline.expired()) {
                    throw new IllegalStateException("time limit reached while tabulating user " + i);
                }
            }
        }
        return new UserOptions(cost, plan);
    }
}
