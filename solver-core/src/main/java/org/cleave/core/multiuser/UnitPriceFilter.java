package org.cleave.core.multiuser;

/**
 * A Lagrangian lower bound of P4 with unit prices on the two capacities, and the reduced cost of
 * every {@link AllocationTable} entry at those prices: the exact filter by which a model over the
 * table keeps only entries that can still be part of an optimal plan (reduced-cost fixing).
 *
 * <p>With prices λ_F, λ_B ≥ 0 and g_i(λ) = min_e (c_{i,e} + λ_F·f_e + λ_B·b_e), every plan with
 * Σ f ≤ K_F and Σ b ≤ K_B costs Σ_i c_{i,e_i} ≥ Σ_i g_i(λ) − λ_F·K_F − λ_B·K_B = L(λ) (weak
 * duality), for any λ ≥ 0. More precisely, with the reduced cost
 * r_{i,e} = c_{i,e} + λ_F·f_e + λ_B·b_e − g_i(λ) ≥ 0, a plan taking entries e_i costs at least
 * L(λ) + Σ_i r_{i,e_i}. So a plan that takes any entry with r_{i,e} &gt; Δ costs more than L(λ) + Δ:
 * if the best plan over the entries with r ≤ Δ costs at most L(λ) + Δ, it is optimal over all
 * entries. An upper bound U (any feasible plan) makes Δ = U − L(λ) a filter that loses no optimum.
 *
 * <p>L is concave and piecewise linear in λ; it is raised by alternating bisections on the sign of
 * each coordinate's subgradient (Σ_i f*_i − K_F, Σ_i b*_i − K_B, f*, b* the units of each user's
 * priced choice), {@value #ALTERNATIONS} rounds of {@value #BISECTION_STEPS} steps, keeping the best
 * λ evaluated: a poor maximiser only weakens the bound, never invalidates it. Time
 * O(E·{@value #ALTERNATIONS}·2·{@value #BISECTION_STEPS}) for E table entries; memory O(E).
 * Immutable and thread-safe.
 */
public final class UnitPriceFilter {
    static final int BISECTION_STEPS = 40;
    static final int ALTERNATIONS = 3;

    private final double computePrice;
    private final double bandwidthPrice;
    private final double bound;
    private final double[][] reduced;
    private final double maxReduced;

    private UnitPriceFilter(double computePrice, double bandwidthPrice, double bound, double[][] reduced) {
        this.computePrice = computePrice;
        this.bandwidthPrice = bandwidthPrice;
        this.bound = bound;
        this.reduced = reduced;
        double m = 0;
        for (double[] row : reduced) {
            for (double r : row) {
                m = Math.max(m, r);
            }
        }
        this.maxReduced = m;
    }

    /**
     * The prices, bound and reduced costs of {@code table}; every user must have at least one
     * entry ({@link AllocationTable#hopeless()} empty).
     */
    public static UnitPriceFilter of(AllocationTable table) {
        int n = table.users();
        int kf = table.problem().computeUnits();
        int kb = table.problem().bandwidthUnits();
        double spread = 0;
        for (int i = 0; i < n; i++) {
            if (table.entries(i) == 0) {
                throw new IllegalArgumentException("users[" + i + "]: no admissible entry, the problem is infeasible");
            }
            double lo = Double.POSITIVE_INFINITY;
            for (int e = 0; e < table.entries(i); e++) {
                lo = Math.min(lo, table.cost(i, e));
            }
            spread = Math.max(spread, table.maxCost(i) - lo);
        }
        // at a price above the largest cost spread per unit every user takes its fewest units
        double top = 2 * spread + Double.MIN_NORMAL;
        double[] lambda = {0, 0};
        int[] units = new int[2];
        double best = value(table, lambda, units, kf, kb);
        double[] bestLambda = lambda.clone();
        for (int round = 0; round < ALTERNATIONS; round++) {
            for (int r = 0; r < 2; r++) {
                int capacity = r == 0 ? kf : kb;
                double[] probe = bestLambda.clone();
                probe[r] = 0;
                double v = value(table, probe, units, kf, kb);
                if (v > best) {
                    best = v;
                    bestLambda = probe.clone();
                }
                if (units[r] <= capacity) {
                    continue; // the constraint is slack at price 0: 0 maximises this coordinate
                }
                double lo = 0;
                double hi = top;
                for (int step = 0; step < BISECTION_STEPS; step++) {
                    probe[r] = 0.5 * (lo + hi);
                    v = value(table, probe, units, kf, kb);
                    if (v > best) {
                        best = v;
                        bestLambda = probe.clone();
                    }
                    if (units[r] > capacity) {
                        lo = probe[r];
                    } else {
                        hi = probe[r];
                    }
                }
            }
        }
        double[][] reduced = new double[n][];
        for (int i = 0; i < n; i++) {
            reduced[i] = new double[table.entries(i)];
            double g = Double.POSITIVE_INFINITY;
            for (int e = 0; e < table.entries(i); e++) {
                reduced[i][e] = priced(table, i, e, bestLambda);
                g = Math.min(g, reduced[i][e]);
            }
            for (int e = 0; e < table.entries(i); e++) {
                reduced[i][e] = Math.max(0, reduced[i][e] - g);
            }
        }
        return new UnitPriceFilter(bestLambda[0], bestLambda[1], best, reduced);
    }

    private static double priced(AllocationTable table, int i, int e, double[] lambda) {
        return table.cost(i, e) + lambda[0] * table.computeUnits(i, e) + lambda[1] * table.bandwidthUnits(i, e);
    }

    /** L(λ), and the units of the priced choices in {@code units}. */
    private static double value(AllocationTable table, double[] lambda, int[] units, int kf, int kb) {
        double sum = 0;
        int f = 0;
        int b = 0;
        for (int i = 0; i < table.users(); i++) {
            double g = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int e = 0; e < table.entries(i); e++) {
                double p = priced(table, i, e, lambda);
                // ties to fewer units, so the subgradient is the smallest one at a kink
                if (p < g || (p == g && table.computeUnits(i, e) + table.bandwidthUnits(i, e)
                        < table.computeUnits(i, arg) + table.bandwidthUnits(i, arg))) {
                    g = p;
                    arg = e;
                }
            }
            sum += g;
            f += table.computeUnits(i, arg);
            b += table.bandwidthUnits(i, arg);
        }
        units[0] = f;
        units[1] = b;
        return sum - lambda[0] * kf - lambda[1] * kb;
    }

    /** λ_F, the price of a compute unit. */
    public double computePrice() {
        return computePrice;
    }

    /** λ_B, the price of a bandwidth unit. */
    public double bandwidthPrice() {
        return bandwidthPrice;
    }

    /** L(λ): a lower bound on the cost of every plan (up to floating-point rounding of the sums). */
    public double bound() {
        return bound;
    }

    /** r_{i,e} ≥ 0: every plan taking entry {@code e} of user {@code i} costs at least {@link #bound()} + r_{i,e}. */
    public double reducedCost(int i, int e) {
        return reduced[i][e];
    }

    /** The largest reduced cost: a filter Δ at least this keeps every entry. */
    public double maxReducedCost() {
        return maxReduced;
    }

    /** Number of entries with r_{i,e} ≤ {@code delta}. */
    public int kept(double delta) {
        int count = 0;
        for (double[] row : reduced) {
            for (double r : row) {
                if (r <= delta) {
                    count++;
                }
            }
        }
        return count;
    }
}
