package org.cleave.core.multiuser;

import java.util.ArrayList;
import java.util.List;

/**
 * Each user's useful (option, k_F, k_B) choices with their costs, shared by the exact solvers.
 *
 * <p>For user i let h_i(f, b) be the least {@link MultiUserProblem#userCost cost} over the options
 * {@link MultiUserProblem#admissible admissible} with f compute and b bandwidth units (the first
 * such option on ties). An entry (f, b) is kept only when h_i(f, b) is strictly below h_i(f', b')
 * for every other f' ≤ f, b' ≤ b: otherwise taking (f', b') uses no more units at no higher cost,
 * so dropping the entry loses no optimum (exact Pareto pruning). Building costs
 * O(N · |O| · (K_F+1)(K_B+1)) evaluations of the user cost.
 */
public final class AllocationTable {
    private final MultiUserProblem problem;
    private final int[][] option;
    private final int[][] computeUnits;
    private final int[][] bandwidthUnits;
    private final double[][] cost;

    private AllocationTable(MultiUserProblem problem, int[][] option, int[][] computeUnits, int[][] bandwidthUnits,
                            double[][] cost) {
        this.problem = problem;
        this.option = option;
        this.computeUnits = computeUnits;
        this.bandwidthUnits = bandwidthUnits;
        this.cost = cost;
    }

    /** Builds the table of {@code problem}. */
    public static AllocationTable build(MultiUserProblem problem) {
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
            int options = problem.user(i).options().size();
            for (int f = 0; f <= kf; f++) {
                for (int b = 0; b <= kb; b++) {
                    h[f][b] = Double.POSITIVE_INFINITY;
                    arg[f][b] = -1;
                    for (int o = 0; o < options; o++) {
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
            // prefix minimum over the dominated region; keep strict improvements only
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
            option[i] = new int[kept.size()];
            fs[i] = new int[kept.size()];
            bs[i] = new int[kept.size()];
            cs[i] = new double[kept.size()];
            for (int e = 0; e < kept.size(); e++) {
                int f = kept.get(e)[0];
                int b = kept.get(e)[1];
                option[i][e] = arg[f][b];
                fs[i][e] = f;
                bs[i][e] = b;
                cs[i][e] = h[f][b];
            }
        }
        return new AllocationTable(problem, option, fs, bs, cs);
    }

    /** The problem. */
    public MultiUserProblem problem() {
        return problem;
    }

    /** Number of users. */
    public int users() {
        return option.length;
    }

    /** Number of kept entries of user {@code i}; 0 means user i can never be served (the problem is infeasible). */
    public int entries(int i) {
        return option[i].length;
    }

    /** Total number of kept entries. */
    public int totalEntries() {
        int t = 0;
        for (int[] o : option) {
            t += o.length;
        }
        return t;
    }

    /**
     * Why the problem is infeasible for want of any admissible choice of some user (a proof of
     * infeasibility), or empty.
     */
    public java.util.Optional<String> hopeless() {
        for (int i = 0; i < option.length; i++) {
            if (option[i].length == 0) {
                User u = problem.user(i);
                return java.util.Optional.of("user \"" + u.id() + "\" has no option that meets its accuracy floor and"
                        + " deadline even with all " + problem.computeUnits() + " compute and "
                        + problem.bandwidthUnits() + " bandwidth units");
            }
        }
        return java.util.Optional.empty();
    }

    /** Σ_i max_e c_{i,e}: an upper bound on the cost of any plan built from the entries (for integer scaling). */
    public double maxCostSum() {
        double sum = 0;
        for (int i = 0; i < option.length; i++) {
            sum += maxCost(i);
        }
        return sum;
    }

    /** Option index of entry {@code e} of user {@code i}. */
    public int option(int i, int e) {
        return option[i][e];
    }

    /** k_F of entry {@code e} of user {@code i}. */
    public int computeUnits(int i, int e) {
        return computeUnits[i][e];
    }

    /** k_B of entry {@code e} of user {@code i}. */
    public int bandwidthUnits(int i, int e) {
        return bandwidthUnits[i][e];
    }

    /** Cost of entry {@code e} of user {@code i}. */
    public double cost(int i, int e) {
        return cost[i][e];
    }

    /** The largest entry cost of user {@code i} (0 without entries). */
    public double maxCost(int i) {
        double m = 0;
        for (double c : cost[i]) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** The plan taking entry {@code entry[i]} for every user i. */
    public MultiUserPlan plan(int[] entry) {
        List<UserChoice> choices = new ArrayList<>(entry.length);
        for (int i = 0; i < entry.length; i++) {
            choices.add(new UserChoice(option[i][entry[i]], computeUnits[i][entry[i]], bandwidthUnits[i][entry[i]]));
        }
        return new MultiUserPlan(choices);
    }
}
