package org.cleave.core.multiuser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each user's useful (option, k_F, k_B) choices with their costs, shared by the exact solvers, and
 * the dense table of each user's best response behind them.
 *
 * <p>For user i let h_i(f, b) be the least {@link MultiUserProblem#userCost cost} over the options
 * {@link MultiUserProblem#admissible admissible} with f compute and b bandwidth units (+∞ if none),
 * attained by the option of least index among the {@link #contenders contenders} on ties (none of the
 * other options attains it anywhere). An entry (f, b) is kept only when h_i(f, b) is strictly below
 * h_i(f', b') for every other f' ≤ f, b' ≤ b: otherwise taking (f', b') uses no more units at no
 * higher cost, so dropping the entry loses no optimum (exact Pareto pruning). Entries are listed
 * by increasing f, then b.
 *
 * <p>Building is primitive arithmetic: the edge and upload times of each option are tabulated once per unit count, and each (o, f, b) then takes
 * the same floating-point operations, in the same order, as {@link MultiUserEvaluator#userCost}, so
 * every tabulated cost has exactly the evaluator's bits (a test checks this). Options that cannot
 * attain h_i anywhere are skipped once, not per cell ({@link #contenders}: below the accuracy floor,
 * beaten everywhere by a device-only fallback, or dominated by another option), so the cost is
 * O(N·(|O| + C·(K_F+1)(K_B+1))) with C contenders per user: on 100 zoo users with four early exits
 * (688 options each) and K_F = K_B = 64, C is one to three. Memory O(N·(K_F+1)(K_B+1)).
 */
public final class AllocationTable {
    private final MultiUserProblem problem;
    private final int bandwidthCells;
    private final double[][] best;
    private final int[][] bestOption;
    private final int[][] option;
    private final int[][] computeUnits;
    private final int[][] bandwidthUnits;
    private final double[][] cost;

    private AllocationTable(MultiUserProblem problem, double[][] best, int[][] bestOption, int[][] option,
                            int[][] computeUnits, int[][] bandwidthUnits, double[][] cost) {
        this.problem = problem;
        this.bandwidthCells = problem.bandwidthUnits() + 1;
        this.best = best;
        this.bestOption = bestOption;
        this.option = option;
        this.computeUnits = computeUnits;
        this.bandwidthUnits = bandwidthUnits;
        this.cost = cost;
    }

    /** Most cells (K_F + 1)(K_B + 1)·N of a table: 50,000,000 (about 1 GB of working memory at most). */
    public static final long MAX_CELLS = 50_000_000L;

    /** Builds the table of {@code problem}; refuses more than {@link #MAX_CELLS} cells before allocating. */
    public static AllocationTable build(MultiUserProblem problem) {
        int n = problem.size();
        int kf = problem.computeUnits();
        int kb = problem.bandwidthUnits();
        int kb1 = kb + 1;
        if ((long) (kf + 1) * kb1 * n > MAX_CELLS) {
            throw new IllegalArgumentException("computeUnits, bandwidthUnits: (K_F + 1)(K_B + 1) x users = (" + kf
                    + " + 1)(" + kb + " + 1) x " + n + " table cells, more than the " + MAX_CELLS + " this exact"
                    + " allocation table holds; use fewer units");
        }
        int cells = (kf + 1) * kb1;
        double[][] best = new double[n][];
        int[][] bestOption = new int[n][];
        int[][] option = new int[n][];
        int[][] fs = new int[n][];
        int[][] bs = new int[n][];
        double[][] cs = new double[n][];
        double flops = problem.edge().flopsPerSecond();
        for (int i = 0; i < n; i++) {
            User user = problem.user(i);
            double[] h = new double[cells];
            int[] arg = new int[cells];
            java.util.Arrays.fill(h, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(arg, -1);
            double uplink = user.link().uplinkBitsPerSecond();
            double downlink = user.link().downlinkBitsPerSecond();
            double latency = user.link().latencySeconds();
            double transmitWatts = user.device().transmitWatts();
            double idleWatts = user.device().idleWatts();
            boolean timed = user.deadlineSeconds().isPresent();
            double deadline = timed ? user.deadlineSeconds().getAsDouble() : Double.POSITIVE_INFINITY;
            double[] edge = new double[kf + 1];
            double[] up = new double[kb + 1];
            for (int o : contenders(problem, i)) {
                PlanOption p = user.options().get(o);
                // the evaluator's expressions, term by term (MultiUserEvaluator.userCost); cellCost repeats them
                for (int f = 0; f <= kf; f++) {
                    edge[f] = p.edgeFlops() == 0 ? 0 : p.edgeFlops() / (f * flops / kf);
                }
                for (int b = 0; b <= kb; b++) {
                    up[b] = p.uploadBits() == 0 ? 0 : p.uploadBits() / (b * uplink / kb);
                }
                double down = p.downloadBits() / downlink;
                double linkLatency = p.offloadProbability() * latency;
                double device = p.deviceSeconds();
                double deviceJoules = p.deviceJoules();
                int f0 = p.needsCompute() ? 1 : 0;
                int b0 = p.needsBandwidth() ? 1 : 0;
                for (int f = f0; f <= kf; f++) {
                    double ef = edge[f];
                    double idle = idleWatts * (ef + down);
                    int row = f * kb1;
                    for (int b = b0; b <= kb; b++) {
                        double ub = up[b];
                        double t = device + ub + ef + down + linkLatency;
                        if (timed && !(t <= deadline)) {
                            continue;
                        }
                        double e = deviceJoules + transmitWatts * ub + idle;
                        double c = Double.isInfinite(t) ? Double.POSITIVE_INFINITY : problem.weights().combine(t, e);
                        if (c < h[row + b]) {
                            h[row + b] = c;
                            arg[row + b] = o;
                        }
                    }
                }
            }
            // prefix minimum over the dominated region; keep strict improvements only
            double[] m = new double[cells];
            int count = 0;
            int[] kept = new int[cells];
            for (int f = 0; f <= kf; f++) {
                for (int b = 0; b <= kb; b++) {
                    int c = f * kb1 + b;
                    double below = Math.min(f > 0 ? m[c - kb1] : Double.POSITIVE_INFINITY,
                            b > 0 ? m[c - 1] : Double.POSITIVE_INFINITY);
                    m[c] = Math.min(below, h[c]);
                    if (h[c] < below) {
                        kept[count++] = c;
                    }
                }
            }
            best[i] = h;
            bestOption[i] = arg;
            option[i] = new int[count];
            fs[i] = new int[count];
            bs[i] = new int[count];
            cs[i] = new double[count];
            for (int e = 0; e < count; e++) {
                int c = kept[e];
                option[i][e] = arg[c];
                fs[i][e] = c / kb1;
                bs[i][e] = c % kb1;
                cs[i][e] = h[c];
            }
        }
        return new AllocationTable(problem, best, bestOption, option, fs, bs, cs);
    }

    /**
     * The options of user i that can attain h_i anywhere, in increasing index order: those that meet
     * the accuracy floor, can beat user i's constant fallback, and are not dominated.
     *
     * <p>Fallback: let c₀ be the least cost of an admissible option that needs neither resource (it
     * costs c₀ with any units, so h_i ≤ c₀ everywhere; c₀ = +∞ without one). Every cost term is a
     * nonincreasing floating-point function of f and b (a quotient by f·F/K_F or b·W/K_B, a product
     * by a nonnegative power, sums in a fixed order, a nonnegative weighting: IEEE arithmetic is
     * monotone), so option o costs at least c_o(K_F, K_B) and meets a deadline only if it meets it
     * with all units. An option not admissible with all units, or with c_o(K_F, K_B) &gt; c₀, is
     * therefore strictly beaten everywhere and is skipped without touching its cells.
     *
     * <p>Dominance: o is dropped if another option o' has no larger device time, device energy
     * (when energy is weighted), upload bits, edge FLOPs, download bits and offload probability (and
     * a smaller index if all are equal). Every term of the user cost is a nondecreasing
     * floating-point function of these, so o' costs no more than o with any units and meets every
     * deadline o meets: o never beats it. A dominator of a kept option passes the fallback test too,
     * so filtering first drops nothing the dominance test would have kept. Sorted by that tuple (a
     * merge sort of indices), every dominator precedes what it dominates and one pass against the
     * options kept so far suffices; O(|O| + C·log C + C·P), C the options past the fallback test,
     * P those kept. On zoo users with four early exits and device-only optimal, C is a handful of
     * the 688 options.
     */
    static int[] contenders(MultiUserProblem problem, int i) {
        User user = problem.user(i);
        boolean energy = problem.weights().energyWeight() != 0;
        int kf = problem.computeUnits();
        int kb = problem.bandwidthUnits();
        List<PlanOption> options = user.options();
        int size = options.size();
        double fallback = Double.POSITIVE_INFINITY;
        for (int o = 0; o < size; o++) {
            PlanOption p = options.get(o);
            if (!p.needsCompute() && !p.needsBandwidth() && user.accurateEnough(o)) {
                fallback = Math.min(fallback, cellCost(problem, user, p, 0, 0));
            }
        }
        int count = 0;
        int[] candidates = new int[size];
        for (int o = 0; o < size; o++) {
            if (user.accurateEnough(o)) {
                double full = cellCost(problem, user, options.get(o), kf, kb);
                if (full < Double.POSITIVE_INFINITY && full <= fallback) {
                    candidates[count++] = o;
                }
            }
        }
        double[][] key = new double[size][];
        for (int k = 0; k < count; k++) {
            PlanOption p = options.get(candidates[k]);
            key[candidates[k]] = new double[] {p.deviceSeconds(), energy ? p.deviceJoules() : 0, p.uploadBits(),
                    p.edgeFlops(), p.downloadBits(), p.offloadProbability()};
        }
        int[] sorted = java.util.Arrays.copyOf(candidates, count);
        mergeSort(sorted, new int[count], 0, count, key);
        int[] kept = new int[count];
        int keptCount = 0;
        for (int o : sorted) {
            boolean dominated = false;
            for (int k = 0; k < keptCount && !dominated; k++) {
                dominated = noLarger(key[kept[k]], key[o]);
            }
            if (!dominated) {
                kept[keptCount++] = o;
            }
        }
        int[] result = java.util.Arrays.copyOf(kept, keptCount);
        java.util.Arrays.sort(result);
        return result;
    }

    /**
     * User i's cost of option {@code p} with f, b units, by the very expressions of {@link #build}
     * (and of {@link MultiUserEvaluator#userCost}), or +∞ if the option is not admissible there
     * (a needed resource without units, or the deadline missed); the accuracy floor is not checked.
     */
    private static double cellCost(MultiUserProblem problem, User user, PlanOption p, int f, int b) {
        if ((p.needsCompute() && f == 0) || (p.needsBandwidth() && b == 0)) {
            return Double.POSITIVE_INFINITY;
        }
        int kf = problem.computeUnits();
        int kb = problem.bandwidthUnits();
        double ef = p.edgeFlops() == 0 ? 0 : p.edgeFlops() / (f * problem.edge().flopsPerSecond() / kf);
        double ub = p.uploadBits() == 0 ? 0 : p.uploadBits() / (b * user.link().uplinkBitsPerSecond() / kb);
        double down = p.downloadBits() / user.link().downlinkBitsPerSecond();
        double linkLatency = p.offloadProbability() * user.link().latencySeconds();
        double t = p.deviceSeconds() + ub + ef + down + linkLatency;
        if (user.deadlineSeconds().isPresent() && !(t <= user.deadlineSeconds().getAsDouble())) {
            return Double.POSITIVE_INFINITY;
        }
        double e = p.deviceJoules() + user.device().transmitWatts() * ub + user.device().idleWatts() * (ef + down);
        double c = Double.isInfinite(t) ? Double.POSITIVE_INFINITY : problem.weights().combine(t, e);
        return c < Double.POSITIVE_INFINITY ? c : Double.POSITIVE_INFINITY; // NaN never wins either
    }

    /** Stable merge sort of {@code a[from, to)} by {@code key} lexicographically, then index. */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, double[][] key) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, key);
        mergeSort(a, tmp, mid, to, key);
        int l = from;
        int r = mid;
        int k = from;
        while (l < mid && r < to) {
            int c = java.util.Arrays.compare(key[a[l]], key[a[r]]);
            if (c < 0 || (c == 0 && a[l] < a[r])) {
                tmp[k++] = a[l++];
            } else {
                tmp[k++] = a[r++];
            }
        }
        while (l < mid) {
            tmp[k++] = a[l++];
        }
        while (r < to) {
            tmp[k++] = a[r++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }

    private static boolean noLarger(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
        }
        return true;
    }

    /** The problem. */
    public MultiUserProblem problem() {
        return problem;
    }

    /** Number of users. */
    public int users() {
        return option.length;
    }

    /**
     * h_i(f, b): user i's least cost over the options admissible with f compute and b bandwidth
     * units; +∞ if none is, or if f or b is outside 0..K.
     */
    public double bestCost(int i, int f, int b) {
        if (f < 0 || b < 0 || f > problem.computeUnits() || b >= bandwidthCells) {
            return Double.POSITIVE_INFINITY;
        }
        return best[i][f * bandwidthCells + b];
    }

    /**
     * An option attaining {@link #bestCost} (the contender of least index on ties), or -1 if none is
     * admissible.
     */
    public int bestOption(int i, int f, int b) {
        return bestOption[i][f * bandwidthCells + b];
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
    public Optional<String> hopeless() {
        for (int i = 0; i < option.length; i++) {
            if (option[i].length == 0) {
                User u = problem.user(i);
                return Optional.of("user \"" + u.id() + "\" has no option that meets its accuracy floor and"
                        + " deadline even with all " + problem.computeUnits() + " compute and "
                        + problem.bandwidthUnits() + " bandwidth units");
            }
        }
        return Optional.empty();
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
