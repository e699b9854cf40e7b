package org.cleave.algorithms.multiuser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.UserChoice;

/**
 * The plain P4 dynamic program as it was before the bounds (kept as an independent reference for
 * the differential test and as the baseline of the dp benchmark in {@code benchmarks}): each
 * user's table built through {@link MultiUserProblem#admissible} and
 * {@link MultiUserProblem#userCost}, Pareto entries, and the full two-dimensional min-plus
 * recursion D_i(f, b) = min_e c_e + D_{i−1}(f − f_e, b − b_e) over "at most f, b units" cells,
 * O(Σ_i E_i·(K_F+1)(K_B+1)). No pruning by bounds, no user ordering.
 */
public final class ReferenceDynamicProgram {
    private ReferenceDynamicProgram() {
    }

    /** The optimal plan, or null if the problem is infeasible. */
    public static MultiUserPlan solve(MultiUserProblem problem) {
        int n = problem.size();
        int kf = problem.computeUnits();
        int kb = problem.bandwidthUnits();
        int[][] option = new int[n][];
        int[][] fs = new int[n][];
        int[][] bs = new int[n][];
        double[][] cs = new double[n][];
        for (int i = 0; i < n; i++) {
            double[][] h = new double[kf + 1][kb + 1];
            int[][] arg = new int[kf + 1][kb + 1];
            for (int f = 0; f <= kf; f++) {
                for (int b = 0; b <= kb; b++) {
                    h[f][b] = Double.POSITIVE_INFINITY;
                    arg[f][b] = -1;
                    for (int o = 0; o < problem.user(i).options().size(); o++) {
                        if (problem.admissible(i, o, f, b)) {
                            double c = problem.userCost(i, o, f, b).objective();
                            if (c < h[f][b]) {
                                h[f][b] = c;
                                arg[f][b] = o;
                            }
                        }
                    }
                }
            }
            double[][] m = new double[kf + 1][kb + 1];
            List<int[]> kept = new ArrayList<>();
            for (int f = 0; f <= kf; f++) {
                for (int b = 0; b <= kb; b++) {
                    double below = Math.min(f > 0 ? m[f - 1][b] : Double.POSITIVE_INFINITY,
                            b > 0 ? m[f][b - 1] : Double.POSITIVE_INFINITY);
                    m[f][b] = Math.min(below, h[f][b]);
                    if (h[f][b] < below) {
                        kept.add(new int[] {f, b});
                    }
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            option[i] = new int[kept.size()];
            fs[i] = new int[kept.size()];
            bs[i] = new int[kept.size()];
            cs[i] = new double[kept.size()];
            for (int e = 0; e < kept.size(); e++) {
                int[] fb = kept.get(e);
                option[i][e] = arg[fb[0]][fb[1]];
                fs[i][e] = fb[0];
                bs[i][e] = fb[1];
                cs[i][e] = h[fb[0]][fb[1]];
            }
        }
        int kb1 = kb + 1;
        int cells = (kf + 1) * kb1;
        double[] prev = new double[cells];
        double[] next = new double[cells];
        int[][] argmin = new int[n][cells];
        for (int i = 0; i < n; i++) {
            Arrays.fill(next, Double.POSITIVE_INFINITY);
            Arrays.fill(argmin[i], -1);
            for (int e = 0; e < fs[i].length; e++) {
                int fe = fs[i][e];
                int be = bs[i][e];
                double ce = cs[i][e];
                for (int f = fe; f <= kf; f++) {
                    int row = f * kb1;
                    int from = (f - fe) * kb1 - be;
                    for (int b = be; b < kb1; b++) {
                        double v = ce + prev[from + b];
                        if (v < next[row + b]) {
                            next[row + b] = v;
                            argmin[i][row + b] = e;
                        }
                    }
                }
            }
            double[] t = prev;
            prev = next;
            next = t;
        }
        if (prev[cells - 1] == Double.POSITIVE_INFINITY) {
            return null;
        }
        List<UserChoice> choices = new ArrayList<>(Arrays.asList(new UserChoice[n]));
        int f = kf;
        int b = kb;
        for (int i = n - 1; i >= 0; i--) {
            int e = argmin[i][f * kb1 + b];
            choices.set(i, new UserChoice(option[i][e], fs[i][e], bs[i][e]));
            f -= fs[i][e];
            b -= bs[i][e];
        }
        return new MultiUserPlan(choices);
    }
}
