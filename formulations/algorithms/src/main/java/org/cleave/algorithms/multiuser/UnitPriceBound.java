package org.cleave.algorithms.multiuser;

import org.cleave.core.multiuser.AllocationTable;

/**
 * The Lagrangian bound of P4 with unit prices λ_F, λ_B ≥ 0 on the two capacities, over the
 * {@link AllocationTable} entries, and a feasible incumbent priced from it; used by the dynamic
 * program to skip what cannot beat the incumbent.
 *
 * <p>With g_i(λ) = min_e (c_{i,e} + λ_F·f_e + λ_B·b_e), every plan with Σ f ≤ K_F and Σ b ≤ K_B
 * costs Σ_i c_i = Σ_i (c_i + λ·u_i) − λ·Σ_i u_i ≥ Σ_i g_i(λ) − λ_F·K_F − λ_B·K_B = L(λ): a lower
 * bound for any λ ≥ 0 (weak duality), so a poor maximiser only weakens it. L is concave and
 * piecewise linear; it is raised by alternating bisections on the sign of each coordinate's
 * subgradient (Σ f*_i − K_F, Σ b*_i − K_B); a bisection step prices only the users whose choice
 * differs at the two ends of its bracket, so most steps touch a few users. More precisely, the reduced cost
 * r_{i,e} = c_{i,e} + λ·u_e − g_i(λ) ≥ 0 of a choice adds to the bound: a plan using entries e_i
 * costs at least L(λ) + Σ_i r_{i,e_i}, and after users 1..t with cost D and units (f, b) at least
 * D + Σ_{j>t} g_j(λ) − λ_F·(K_F − f) − λ_B·(K_B − b).
 *
 * <p>Incumbent: each user's priced choice, repaired greedily until it fits (the least cost increase
 * per overloaded unit freed; failing that, prices raised until the choices fit), then the units left
 * handed out one at a time to the largest decrease of the user's best-response cost h_i, then
 * single-unit transfers between two users while one strictly lowers the total. O(N·E) per price
 * evaluation (E entries per user) and O(N²) per transfer.
 */
final class UnitPriceBound {
    private static final int BISECTION_STEPS = 40;
    private static final int ALTERNATIONS = 3;

    private final AllocationTable table;
    private final int n;
    private final int kf;
    private final int kb;
    final double computePrice;
    final double bandwidthPrice;
    /** g_i at the prices. */
    final double[] priced;
    /** L at the prices (−∞ if no entry exists for some user). */
    final double bound;

    UnitPriceBound(AllocationTable table) {
        this.table = table;
        this.n = table.users();
        this.kf = table.problem().computeUnits();
        this.kb = table.problem().bandwidthUnits();
        double spread = 0;
        for (int i = 0; i < n; i++) {
            double lo = Double.POSITIVE_INFINITY;
            for (int e = 0; e < table.entries(i); e++) {
                lo = Math.min(lo, table.cost(i, e));
            }
            spread = Math.max(spread, table.maxCost(i) - lo);
        }
        double top = 2 * spread + Double.MIN_NORMAL;
        double[] lambda = {0, 0};
        double bestValue = value(lambda, null);
        double[] best = lambda.clone();
        int[] units = new int[2];
        for (int round = 0; round < ALTERNATIONS; round++) {
            for (int r = 0; r < 2; r++) {
                int capacity = r == 0 ? kf : kb;
                double[] probe = lambda.clone();
                probe[r] = 0;
                value(probe, units);
                if (units[r] <= capacity) {
                    lambda[r] = 0;
                } else {
                    double[] bracket = bisect(probe, r, capacity, top);
                    double lo = bracket[0];
                    double hi = bracket[1];
                    probe[r] = lo;
                    double atLo = value(probe, null);
                    probe[r] = hi;
                    double atHi = value(probe, null);
                    lambda[r] = atLo > atHi ? lo : hi;
                }
                double v = value(lambda, null);
                if (v > bestValue) {
                    bestValue = v;
                    best = lambda.clone();
                }
            }
        }
        computePrice = best[0];
        bandwidthPrice = best[1];
        priced = new double[n];
        bound = value(best, null, priced);
    }

    /**
     * Bisection of [0, top] on λ_r (the other price as in {@code probe}) for where the priced
     * choices' total of resource r drops to {@code capacity}; returns {lo, hi}. Only users whose
     * priced choice differs at the two ends of the bracket are priced again: for one varying price
     * the entry minimising c + λ·u is the lowest line of a concave envelope, so a choice that is the
     * same at both ends (first minimiser on ties) is the same in between. This steers the search only;
     * every bound is computed from all users, so it stays valid whatever the floating-point ties do.
     */
    private double[] bisect(double[] probe, int r, int capacity, double top) {
        int[] atLo = new int[n];
        int[] atHi = new int[n];
        int[] atMid = new int[n];
        int[] active = new int[n];
        probe[r] = 0;
        for (int i = 0; i < n; i++) {
            atLo[i] = argmin(i, probe[0], probe[1]);
        }
        probe[r] = top;
        for (int i = 0; i < n; i++) {
            atHi[i] = argmin(i, probe[0], probe[1]);
        }
        int frozen = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (atLo[i] == atHi[i]) {
                frozen += units(i, atLo[i], r);
            } else {
                active[count++] = i;
            }
        }
        double lo = 0;
        double hi = top;
        for (int s = 0; s < BISECTION_STEPS; s++) {
            probe[r] = 0.5 * (lo + hi);
            int sum = frozen;
            for (int k = 0; k < count; k++) {
                int i = active[k];
                atMid[i] = argmin(i, probe[0], probe[1]);
                sum += units(i, atMid[i], r);
            }
            boolean over = sum > capacity;
            if (over) {
                lo = probe[r];
            } else {
                hi = probe[r];
            }
            int still = 0;
            for (int k = 0; k < count; k++) {
                int i = active[k];
                if (over) {
                    atLo[i] = atMid[i];
                } else {
                    atHi[i] = atMid[i];
                }
                if (atLo[i] == atHi[i]) {
                    frozen += units(i, atLo[i], r);
                } else {
                    active[still++] = i;
                }
            }
            count = still;
        }
        return new double[] {lo, hi};
    }

    private int units(int i, int e, int r) {
        return r == 0 ? table.computeUnits(i, e) : table.bandwidthUnits(i, e);
    }

    private double value(double[] lambda, int[] units) {
        return value(lambda, units, null);
    }

    /** L(λ); {@code units} gets Σ f*, Σ b* of the minimisers, {@code g} the g_i (both optional). */
    private double value(double[] lambda, int[] units, double[] g) {
        double sum = 0;
        int sf = 0;
        int sb = 0;
        for (int i = 0; i < n; i++) {
            int arg = argmin(i, lambda[0], lambda[1]);
            if (arg < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double gi = table.cost(i, arg) + lambda[0] * table.computeUnits(i, arg)
                    + lambda[1] * table.bandwidthUnits(i, arg);
            sum += gi;
            sf += table.computeUnits(i, arg);
            sb += table.bandwidthUnits(i, arg);
            if (g != null) {
                g[i] = gi;
            }
        }
        if (units != null) {
            units[0] = sf;
            units[1] = sb;
        }
        return sum - lambda[0] * kf - lambda[1] * kb;
    }

    /** The entry minimising c + λ_F·f + λ_B·b (fewest units on ties), or -1 without entries. */
    private int argmin(int i, double lf, double lb) {
        int arg = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < table.entries(i); e++) {
            double v = table.cost(i, e) + lf * table.computeUnits(i, e) + lb * table.bandwidthUnits(i, e);
            if (v < best) {
                best = v;
                arg = e;
            }
        }
        return arg;
    }

    /**
     * A feasible allocation ({@code f[i], b[i]} units, each user served by its best option there),
     * or null if raising the prices never made the priced choices fit.
     */
    int[][] incumbent() {
        double lf = computePrice;
        double lb = bandwidthPrice;
        int[] f = new int[n];
        int[] b = new int[n];
        int sf0 = 0;
        int sb0 = 0;
        for (int i = 0; i < n; i++) {
            int e = argmin(i, lf, lb);
            f[i] = table.computeUnits(i, e);
            b[i] = table.bandwidthUnits(i, e);
            sf0 += f[i];
            sb0 += b[i];
        }
        if (repair(f, b, sf0 - kf, sb0 - kb)) {
            improve(f, b, kf - sum(f), kb - sum(b));
            return new int[][] {f, b};
        }
        for (int attempt = 0; attempt < 64; attempt++) {
            int sf = 0;
            int sb = 0;
            for (int i = 0; i < n; i++) {
                int e = argmin(i, lf, lb);
                f[i] = table.computeUnits(i, e);
                b[i] = table.bandwidthUnits(i, e);
                sf += f[i];
                sb += b[i];
            }
            if (sf <= kf && sb <= kb) {
                improve(f, b, kf - sf, kb - sb);
                return new int[][] {f, b};
            }
            double scale = Math.max(1e-300, table.maxCostSum());
            if (sf > kf) {
                lf = lf == 0 ? scale * 1e-9 : 2 * lf;
            }
            if (sb > kb) {
                lb = lb == 0 ? scale * 1e-9 : 2 * lb;
            }
        }
        return null;
    }

    /**
     * Makes the priced choices {@code f, b} fit, from {@code overF, overB} units over capacity: each
     * step moves one user to one of its entries with no more of either unit and fewer of an
     * overloaded one, the one with the least cost increase per overloaded unit freed. At most
     * overF + overB steps of O(N·E) each. False (and {@code f, b} unspecified) if it gets stuck.
     * Near the Lagrangian prices this loses little, where raising the prices until every priced
     * choice fits can push all users to their cheapest-in-units entries at once.
     */
    private boolean repair(int[] f, int[] b, int overF, int overB) {
        while (overF > 0 || overB > 0) {
            int who = -1;
            int to = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double now = table.bestCost(i, f[i], b[i]);
                for (int e = 0; e < table.entries(i); e++) {
                    int ef = table.computeUnits(i, e);
                    if (ef > f[i]) {
                        break; // entries are sorted by f
                    }
                    int eb = table.bandwidthUnits(i, e);
                    if (eb > b[i]) {
                        continue;
                    }
                    int freed = (overF > 0 ? Math.min(f[i] - ef, overF) : 0)
                            + (overB > 0 ? Math.min(b[i] - eb, overB) : 0);
                    if (freed == 0) {
                        continue;
                    }
                    double ratio = (table.cost(i, e) - now) / freed;
                    if (ratio < bestRatio) {
                        bestRatio = ratio;
                        who = i;
                        to = e;
                    }
                }
            }
            if (who < 0) {
                return false;
            }
            overF -= f[who] - table.computeUnits(who, to);
            overB -= b[who] - table.bandwidthUnits(who, to);
            f[who] = table.computeUnits(who, to);
            b[who] = table.bandwidthUnits(who, to);
        }
        return true;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    private void improve(int[] f, int[] b, int freeF, int freeB) {
        // hand out the units left, largest decrease first
        while (freeF > 0 || freeB > 0) {
            int who = -1;
            int which = -1;
            double gain = 0;
            for (int i = 0; i < n; i++) {
                double now = table.bestCost(i, f[i], b[i]);
                if (freeF > 0) {
                    double d = table.bestCost(i, f[i] + 1, b[i]) - now;
                    if (d < gain) {
                        gain = d;
                        who = i;
                        which = 0;
                    }
                }
                if (freeB > 0) {
                    double d = table.bestCost(i, f[i], b[i] + 1) - now;
                    if (d < gain) {
                        gain = d;
                        who = i;
                        which = 1;
                    }
                }
            }
            if (who < 0) {
                break;
            }
            if (which == 0) {
                f[who]++;
                freeF--;
            } else {
                b[who]++;
                freeB--;
            }
        }
        // single-unit transfers while one strictly lowers the total
        int cap = 4 * (kf + kb) + 4 * n;
        double[] now = new double[n];
        double[] giveF = new double[n];
        double[] giveB = new double[n];
        double[] takeF = new double[n];
        double[] takeB = new double[n];
        for (int step = 0; step < cap; step++) {
            for (int i = 0; i < n; i++) {
                now[i] = table.bestCost(i, f[i], b[i]);
                giveF[i] = table.bestCost(i, f[i] - 1, b[i]) - now[i];
                giveB[i] = table.bestCost(i, f[i], b[i] - 1) - now[i];
                takeF[i] = table.bestCost(i, f[i] + 1, b[i]) - now[i];
                takeB[i] = table.bestCost(i, f[i], b[i] + 1) - now[i];
            }
            int from = -1;
            int to = -1;
            int which = -1;
            double best = 0;
            for (int r = 0; r < 2; r++) {
                double[] give = r == 0 ? giveF : giveB;
                double[] take = r == 0 ? takeF : takeB;
                int giver = -1;
                int taker = -1;
                int giver2 = -1;
                int taker2 = -1;
                for (int i = 0; i < n; i++) {
                    if (giver < 0 || give[i] < give[giver]) {
                        giver2 = giver;
                        giver = i;
                    } else if (giver2 < 0 || give[i] < give[giver2]) {
                        giver2 = i;
                    }
                    if (taker < 0 || take[i] < take[taker]) {
                        taker2 = taker;
                        taker = i;
                    } else if (taker2 < 0 || take[i] < take[taker2]) {
                        taker2 = i;
                    }
                }
                int[][] pairs = {{giver, taker}, {giver, taker2}, {giver2, taker}};
                for (int[] pair : pairs) {
                    if (pair[0] < 0 || pair[1] < 0 || pair[0] == pair[1]) {
                        continue;
                    }
                    double d = give[pair[0]] + take[pair[1]];
                    if (d < best - 1e-12 * Math.abs(now[pair[0]] + now[pair[1]])) {
                        best = d;
                        from = pair[0];
                        to = pair[1];
                        which = r;
                    }
                }
            }
            if (from < 0) {
                return;
            }
            if (which == 0) {
                f[from]--;
                f[to]++;
            } else {
                b[from]--;
                b[to]++;
            }
        }
    }
}
