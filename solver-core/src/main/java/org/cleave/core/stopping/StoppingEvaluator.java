package org.cleave.core.stopping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.cleave.core.model.InvalidModelException;

/**
 * The one evaluator of P6: the exact expected cost of a threshold policy ({@link StoppingPlan}),
 * and the numerical primitives every P6 solver builds on (so that solvers and evaluator share one
 * integration and agree to the last bit on the quantities they share).
 *
 * <p><b>Expected cost of a plan.</b> With F the CDF of h, {@code G(θ) = ∫_θ^∞ f(h)/r(h) dh} and the
 * tail cost {@code A_k(θ) = E[S_k(H); H >= θ] = a_k·G(θ) + b_k·(1 − F(θ))}, the expected cost to go
 * U_k from stage k is computed backwards:
 * <pre>
 *   U_L = 0                                              (m = L: result ready on the device)
 *   rule (θ, COMPUTE): U_k = F(θ)·(C_{k+1} + U_{k+1}) + A_k(θ)
 *   rule (θ, WAIT):    U_k = (F(θ)·ω + A_k(θ)) / (1 − F(θ))   (a geometric number of waits)
 * </pre>
 * and {@code J = U_0 + placement cost per inference}. Each line is exact; the only approximation
 * is G.
 *
 * <p><b>Integration and its tolerance.</b> G does not depend on the stage, only on θ, so it is
 * tabulated once per problem on a fixed grid t_0 &lt; t_1 &lt; … &lt; t_T in units of the law's
 * scale s (ḡ for Rayleigh, ḡ/k for Nakagami-k): geometric with ratio 2^{1/4} from 4s·2^-60 up to
 * 4s, then every s up to t_T ≥ the law's 1 − 10^-17 quantile (at least 64s). G(t_T) is integrated
 * by the panel rule below; G(t_j) = G(t_{j+1}) + ∫_{t_j}^{t_{j+1}} by a 16-point Gauss–Legendre
 * rule, filled lazily downwards as smaller θ are asked for (the same sums in the same order
 * whatever the order of the requests, so the bits do not depend on it). Then for t_0 ≤ θ ≤ t_T,
 * {@code G(θ) = G(t_j) + ∫_θ^{t_j}} with t_j the first grid point ≥ θ and the remainder from an
 * 18-point Chebyshev interpolant of the integrand on [t_{j−1}, t_j], integrated exactly as a
 * polynomial in θ and tabulated per interval on first use (so a request costs a binary search
 * and one Clenshaw sum, no exp or log). Every interval [a, b] so treated has b − a ≤ a/4 and
 * b − a ≤ s: the pole of 1/r(h) at h = 0 lies at least 9 half-widths from its centre (the
 * interpolant converges like ρ^-18 on Bernstein ellipses up to ρ = 17.9) and the density's
 * exponential factor changes by at most e over it. For Rayleigh fading F and 1 − F are computed
 * in closed form (1 − e^{−θ/ḡ} by expm1 below ln 2). Outside the grid (θ &lt; t_0 or θ &gt; t_T) the panel rule integrates directly: a 16-point
 * rule on panels [θ, 2θ], [2θ, 4θ], ... whose width is capped at 8s, up to θ + q where q is the
 * law's 1 − 10^-17 quantile (the doubling panels resolve the pole; the truncation drops less than
 * 10^-17 of the remaining mass because gamma laws with shape >= 1 are new-better-than-used).
 * Nodes and weights come from Commons Math's {@link GaussIntegratorFactory}. All terms are
 * positive, so no cancellation occurs. The relative error of G, hence of every expected cost, is
 * documented as at most {@value #RELATIVE_TOLERANCE}; {@code StoppingEvaluatorTest} checks it
 * against an independent adaptive Commons Math integration across the grid, at grid points and
 * outside it, for Rayleigh and Nakagami laws. The computation is deterministic: the same plan
 * always gets the same bits.
 *
 * <p>Complexity: O(m) per plan with a binary search over about 300 grid points and an 18-term
 * Clenshaw sum per G; building the table once costs about 16 × 300 evaluations, and each grid
 * interval first used inside costs 18 more and an 18 × 18 cosine transform. The evaluator is
 * safe to share between threads (the table is filled under a lock and published through a
 * volatile index).
 */
public final class StoppingEvaluator {
    /** Documented relative error bound of every expected cost computed here. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    private static final int POINTS = 16;
    private static final double[] NODES;
    private static final double[] WEIGHTS;
    /** Grid points per halving of θ below 4 scale units. */
    private static final int PER_OCTAVE = 4;
    /** Octaves of the geometric part of the grid, below 4 scale units. */
    private static final int OCTAVES = 60;
    /** At most this many unit steps in the linear part of the grid. */
    private static final int MAX_LINEAR = 4096;
    private static final double LN2 = Math.log(2);
    /** Conditional tail mass beyond the truncation point. */
    private static final double TAIL_MASS = 1e-17;

    /** Chebyshev points (first kind) per interval for the remainder inside the grid. */
    private static final int CHEB_POINTS = 18;
    private static final double[] CHEB_NODES = new double[CHEB_POINTS];
    /** cos(k·(i + 1/2)·π/n), row k. */
    private static final double[] CHEB_COS = new double[CHEB_POINTS * CHEB_POINTS];

    static {
        for (int i = 0; i < CHEB_POINTS; i++) {
            CHEB_NODES[i] = Math.cos(Math.PI * (i + 0.5) / CHEB_POINTS);
            for (int k = 0; k < CHEB_POINTS; k++) {
                CHEB_COS[k * CHEB_POINTS + i] = Math.cos(Math.PI * k * (i + 0.5) / CHEB_POINTS);
            }
        }
    }

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(POINTS);
        NODES = new double[POINTS];
        WEIGHTS = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    /**
     * The optimal deferral at one stage: wait while h < threshold, then offload.
     *
     * @param threshold the gain threshold
     * @param value     its expected cost to go, the least achievable by waiting and offloading only
     */
    public record Deferral(double threshold, double value) {
    }

    private final StoppingProblem problem;
    private final ContinuousDistribution distribution;
    private final double snrPerGain;
    private final double bandwidthHertz;
    private final double tailSpan;
    private final double maxPanel;
    private final double rayleighMean;
    /** The grid t_0 &lt; … &lt; t_T of the table of G. */
    private final double[] grid;
    /** G(t_j), valid for j >= {@link #filledFrom}. */
    private final double[] tabulated;
    private volatile int filledFrom;
    /**
     * Per grid interval [t_{j−1}, t_j] (index j), filled on first use: the Chebyshev coefficients
     * of ∫_θ^{t_j} f/r dh as a polynomial in θ (see {@link #chebyshevPanel}); the last entry is the
     * value at θ = t_{j−1}. Filled races compute the same bits, so no lock is needed.
     */
    private final AtomicReferenceArray<double[]> remainders;
    /** 1/ḡ for Rayleigh fading (F and 1 − F in closed form), NaN otherwise. */
    private final double rayleighRate;

    StoppingEvaluator(StoppingProblem problem) {
        this.problem = problem;
        Fading fading = problem.channel().fading();
        this.distribution = fading.distribution();
        this.snrPerGain = problem.channel().snrPerGain();
        this.bandwidthHertz = problem.channel().bandwidthHertz();
        this.tailSpan = distribution.inverseSurvivalProbability(TAIL_MASS);
        double scale = fading instanceof Fading.Nakagami n ? fading.meanGain() / n.shape() : fading.meanGain();
        this.maxPanel = 8 * scale;
        this.rayleighMean = fading instanceof Fading.Rayleigh ? fading.meanGain() : Double.NaN;
        int geometric = OCTAVES * PER_OCTAVE;
        int linear = (int) Math.min(MAX_LINEAR, Math.max(60, Math.ceil(tailSpan / scale)));
        this.grid = new double[geometric + linear + 1];
        for (int j = 0; j < geometric; j++) {
            grid[j] = 4 * scale * Math.pow(2, -(double) (geometric - j) / PER_OCTAVE);
        }
        for (int j = 0; j <= linear; j++) {
            grid[geometric + j] = (4 + j) * scale;
        }
        this.tabulated = new double[grid.length];
        this.filledFrom = grid.length;
        this.remainders = new AtomicReferenceArray<>(grid.length);
        this.rayleighRate = 1 / rayleighMean;
    }

    /** f(h); the Rayleigh density inline (it is the hot loop), others from Commons Statistics. */
    private double density(double gain) {
        if (rayleighMean == rayleighMean) {
            return Math.exp(-gain / rayleighMean) / rayleighMean;
        }
        return distribution.density(gain);
    }

    /** ln(1 + x): {@code Math.log} (an intrinsic) where 1 + x loses nothing that matters, else log1p. */
    private static double log1p(double x) {
        return x < 1e-4 ? Math.log1p(x) : Math.log(1 + x);
    }

    /** F(θ) = P(H < θ); 1 for θ = +∞. */
    public double below(double threshold) {
        if (threshold == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (rayleighRate == rayleighRate) {
            // 1 − e^{−x}: expm1 (not an intrinsic) only for x < 1/16, where the subtraction would
            // lose more than 4 bits; above, 1 − Math.exp(−x) is within 17 ulp
            double x = Math.max(threshold, 0) * rayleighRate;
            return x < 0.0625 ? -Math.expm1(-x) : 1 - Math.exp(-x);
        }
        return distribution.cumulativeProbability(threshold);
    }

    /** 1 − F(θ) = P(H >= θ); 0 for θ = +∞. */
    public double above(double threshold) {
        if (threshold == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (rayleighRate == rayleighRate) {
            return Math.exp(-Math.max(threshold, 0) * rayleighRate);
        }
        return distribution.survivalProbability(threshold);
    }

    /** G(θ) = ∫_θ^∞ f(h)/r(h) dh in s/bit, θ > 0; 0 for θ = +∞. */
    public double gainIntegral(double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, got " + threshold);
        }
        if (threshold == Double.POSITIVE_INFINITY) {
            return 0;
        }
        int top = grid.length - 1;
        if (threshold < grid[0] || threshold > grid[top]) {
            return panelIntegral(threshold);
        }
        int j = java.util.Arrays.binarySearch(grid, threshold);
        if (j < 0) {
            j = -j - 1; // the first grid point above θ
        }
        if (j < filledFrom) {
            fill(j);
        }
        double g = tabulated[j];
        return grid[j] > threshold ? g + chebyshevPanel(j, threshold) : g;
    }

    /**
     * ∫_θ^{t_j} f/r dh for t_{j−1} < θ < t_j: on the interval, with x = (h − c)/w its centre c and
     * half-width w, the integrand is interpolated at the {@value #CHEB_POINTS} Chebyshev points
     * (first kind) by Σ' a_k T_k(x), integrated term by term (∫ T_k = T_{k+1}/(2(k+1)) −
     * T_{k−1}/(2(k−1))) to Q with Q' = the interpolant, and the remainder is w·(Q(1) − Q(x)),
     * evaluated by Clenshaw's recurrence: no exp or log per call. The interval lies ≥ 9
     * half-widths from the pole of 1/r at h = 0, so the interpolant converges geometrically
     * (Bernstein ellipse ρ up to 17.9; at ρ = 8 the error is below 8^-16 ≈ 4e-15 times the
     * integrand's size on the ellipse, where the density's exponential factor is within e^2 of
     * its value on the interval); {@code StoppingEvaluatorTest} checks the result against the
     * adaptive integration inside intervals for Rayleigh and Nakagami laws.
     */
    private double chebyshevPanel(int j, double theta) {
        double[] q = remainders.get(j);
        if (q == null) {
            q = chebyshevRemainder(grid[j - 1], grid[j]);
            remainders.set(j, q);
        }
        double a = grid[j - 1];
        double b = grid[j];
        double x = Math.min(1, Math.max(-1, (2 * theta - a - b) / (b - a)));
        // Clenshaw: Σ_{k=0}^{n} q_k T_k(x)
        int n = CHEB_POINTS;
        double b1 = 0;
        double b2 = 0;
        for (int k = n; k >= 1; k--) {
            double t = 2 * x * b1 - b2 + q[k];
            b2 = b1;
            b1 = t;
        }
        double qx = x * b1 - b2 + q[0];
        return Math.max(0, q[n + 1] - qx);
    }

    /**
     * Coefficients of w·Q in the Chebyshev basis for [a, b] (n + 1 of them, n = points) and, last,
     * w·Q(1) (Q(1) = Σ q_k).
     */
    private double[] chebyshevRemainder(double a, double b) {
        int n = CHEB_POINTS;
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double h = mid + half * CHEB_NODES[i];
            values[i] = density(h) / log1p(snrPerGain * h);
        }
        double[] c = new double[n + 2];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += values[i] * CHEB_COS[k * n + i];
            }
            c[k] = 2.0 * s / n;
        }
        c[0] *= 0.5;
        // antiderivative: C_k = (c_{k−1} − c_{k+1})/(2k), k >= 1, with c_0 as the T_0 coefficient
        double scale = half * LN2 / bandwidthHertz;
        double[] q = new double[n + 2];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            double prev = k == 1 ? 2 * c[0] : c[k - 1];
            q[k] = scale * (prev - c[k + 1]) / (2 * k);
            sum += q[k];
        }
        q[0] = 0;
        q[n + 1] = sum;
        return q;
    }

    /** Fills G(t_i) for i = j..(filled so far), from the top down. */
    private synchronized void fill(int j) {
        int from = filledFrom;
        if (from <= j) {
            return;
        }
        int top = grid.length - 1;
        if (from == grid.length) {
            tabulated[top] = panelIntegral(grid[top]);
            from = top;
        }
        for (int i = from - 1; i >= j; i--) {
            tabulated[i] = tabulated[i + 1] + panel(grid[i], grid[i + 1]);
        }
        filledFrom = j;
    }

    /** G(θ) by the doubling panels (outside the grid, and at its top). */
    private double panelIntegral(double threshold) {
        if (distribution.survivalProbability(threshold) == 0) {
            return 0;
        }
        double end = threshold + tailSpan;
        double a = threshold;
        double sum = 0;
        while (a < end) {
            double b = Math.min(a + Math.min(a, maxPanel), end);
            if (!(b > a)) {
                break;
            }
            sum += panel(a, b);
            a = b;
        }
        return sum;
    }

    private double panel(double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        double s = 0;
        for (int i = 0; i < POINTS; i++) {
            double h = mid + half * NODES[i];
            s += WEIGHTS[i] * density(h) / log1p(snrPerGain * h);
        }
        return half * s * LN2 / bandwidthHertz;
    }

    /** A_k(θ) = E[S_k(H); H >= θ]. */
    public double tailOffloadCost(int stage, double threshold) {
        if (threshold == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return problem.transferCoefficient(stage) * gainIntegral(threshold)
                + problem.edgeRestCost(stage) * above(threshold);
    }

    /**
     * The gain θ with S_k(θ) = K in closed form, {@code θ = (2^{a_k/(W·(K − b_k))} − 1)/(P/(N0·W))}:
     * offloading at stage k beats an alternative worth K exactly when h >= θ. +∞ when no gain makes
     * offloading cheaper than K.
     */
    public double threshold(int stage, double alternativeCost) {
        double b = problem.edgeRestCost(stage);
        if (!(alternativeCost > b)) {
            return Double.POSITIVE_INFINITY;
        }
        double bits = problem.transferCoefficient(stage) / (bandwidthHertz * (alternativeCost - b));
        double x = bits * LN2;
        // 2^bits − 1: Math.exp (an intrinsic) where the subtraction loses at most one bit
        double theta = (x < LN2 ? Math.expm1(x) : Math.exp(x) - 1) / snrPerGain;
        if (!Double.isFinite(theta)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(theta, Double.MIN_NORMAL);
    }

    /** E[min(S_k(H), K)] = F(θ)·K + A_k(θ) with θ = {@link #threshold(int, double)}. */
    public double expectedMin(int stage, double alternativeCost) {
        double theta = threshold(stage, alternativeCost);
        if (theta == Double.POSITIVE_INFINITY) {
            return alternativeCost;
        }
        return below(theta) * alternativeCost + tailOffloadCost(stage, theta);
    }

    /** Expected cost to go of the rule "wait while h < θ, then offload" at stage k. */
    public double waitValue(int stage, double threshold) {
        double up = above(threshold);
        if (!(up > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return (below(threshold) * problem.waitCost() + tailOffloadCost(stage, threshold)) / up;
    }

    /**
     * The optimal deferral at stage k: D_k solves {@code D = E[min(S_k(H), ω + D)]}, its threshold
     * θ solves {@code S_k(θ) = ω + D_k}. Solved by policy iteration, which here is Newton's method on
     * the concave decreasing map {@code D ↦ E[min(S_k(H), ω + D)] − D}: from the median-gain
     * threshold, {@code θ_i = S_k^{-1}(ω + D_i)}, {@code D_{i+1} = waitValue(θ_i)}; the values
     * decrease monotonically and converge quadratically (typically 5–8 integrals). The value returned
     * is {@link #waitValue(int, double)} of the returned threshold (what the evaluator charges).
     */
    public Deferral deferral(int stage) {
        return deferral(stage, distribution.inverseCumulativeProbability(0.5));
    }

    /**
     * {@link #deferral(int)} started from the rule "wait below {@code startThreshold}" (any finite
     * positive threshold; a good one saves iterations).
     */
    public Deferral deferral(int stage, double startThreshold) {
        double omega = problem.waitCost();
        double theta = startThreshold;
        double value = waitValue(stage, theta);
        for (int i = 0; i < 200; i++) {
            double next = threshold(stage, omega + value);
            double nextValue = waitValue(stage, next);
            if (!(nextValue < value)) {
                break;
            }
            boolean converged = value - nextValue <= 1e-15 * Math.abs(nextValue);
            theta = next;
            value = nextValue;
            if (converged) {
                break;
            }
        }
        return new Deferral(theta, value);
    }

    /** The plan's expected cost; see the class comment. */
    public StoppingCost evaluate(StoppingPlan plan) {
        int n = problem.layerCount();
        int m = plan.deviceLayers();
        if (m > n) {
            throw new InvalidModelException("deviceLayers", "must be <= the number of layers " + n + ", got " + m);
        }
        int stages = m < n ? m + 1 : n;
        if (plan.rules().size() != stages) {
            throw new InvalidModelException("rules", "a plan with deviceLayers " + m + " of " + n + " needs "
                    + stages + " stage rules, got " + plan.rules().size());
        }
        double[] u = new double[stages + 1];
        int k = stages - 1;
        if (m < n) {
            StageRule last = plan.rule(m);
            if (last.below() != StageRule.Fallback.WAIT) {
                throw new InvalidModelException("rules[" + m + "].below", "the last placed stage cannot compute"
                        + " further and must WAIT, got " + last.below());
            }
            u[m] = waitValue(m, last.offloadThreshold());
            k = m - 1;
        }
        for (; k >= 0; k--) {
            StageRule r = plan.rule(k);
            double theta = r.offloadThreshold();
            if (r.below() == StageRule.Fallback.WAIT) {
                u[k] = waitValue(k, theta);
            } else {
                u[k] = below(theta) * (problem.computeCost(k + 1) + u[k + 1]) + tailOffloadCost(k, theta);
            }
        }
        double placement = problem.placementCostPerInference(m);
        List<Double> values = new ArrayList<>(stages);
        Arrays.stream(u, 0, m < n ? m + 1 : n + 1).forEach(values::add);
        return new StoppingCost(u[0] + placement, u[0], placement, values);
    }
}
