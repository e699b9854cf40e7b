package org.cleave.core.stopping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * {@code G(θ) = G(t_j) + ∫_θ^{t_j}} with t_j the first grid point ≥ θ and the remainder by an
 * 8-point Gauss–Legendre rule. Every interval [a, b] so integrated has b − a ≤ a/4 and
 * b − a ≤ s: the pole of 1/r(h) at h = 0 lies at least 9 half-widths from its centre (8 points
 * converge like 17.9^-16 ≈ 10^-20) and the density's exponential factor changes by at most e over
 * it. Outside the grid (θ &lt; t_0 or θ &gt; t_T) the panel rule integrates directly: a 16-point
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
 * <p>Complexity: O(m) per plan with 8 integrand evaluations and a binary search over about 300
 * grid points per G; building the table once costs about 16 × 300 evaluations. The evaluator is
 * safe to share between threads (the table is filled under a lock and published through a
 * volatile index).
 */
public final class StoppingEvaluator {
    /** Documented relative error bound of every expected cost computed here. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    private static final int POINTS = 16;
    private static final double[] NODES;
    private static final double[] WEIGHTS;
    private static final int SHORT_POINTS = 8;
    private static final double[] SHORT_NODES;
    private static final double[] SHORT_WEIGHTS;
    /** Grid points per halving of θ below 4 scale units. */
    private static final int PER_OCTAVE = 4;
    /** Octaves of the geometric part of the grid, below 4 scale units. */
    private static final int OCTAVES = 60;
    /** At most this many unit steps in the linear part of the grid. */
    private static final int MAX_LINEAR = 4096;
    private static final double LN2 = Math.log(2);
    /** Conditional tail mass beyond the truncation point. */
    private static final double TAIL_MASS = 1e-17;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(POINTS);
        NODES = new double[POINTS];
        WEIGHTS = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
        GaussIntegrator shortRule = new GaussIntegratorFactory().legendreHighPrecision(SHORT_POINTS);
        SHORT_NODES = new double[SHORT_POINTS];
        SHORT_WEIGHTS = new double[SHORT_POINTS];
        for (int i = 0; i < SHORT_POINTS; i++) {
            SHORT_NODES[i] = shortRule.getPoint(i);
            SHORT_WEIGHTS[i] = shortRule.getWeight(i);
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
        return threshold == Double.POSITIVE_INFINITY ? 1 : distribution.cumulativeProbability(threshold);
    }

    /** 1 − F(θ) = P(H >= θ); 0 for θ = +∞. */
    public double above(double threshold) {
        return threshold == Double.POSITIVE_INFINITY ? 0 : distribution.survivalProbability(threshold);
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
        return grid[j] > threshold ? g + shortPanel(threshold, grid[j]) : g;
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

    /** ∫_a^b f(h)/r(h) dh by the 8-point rule, for a short interval next to the grid. */
    private double shortPanel(double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        double s = 0;
        for (int i = 0; i < SHORT_POINTS; i++) {
            double h = mid + half * SHORT_NODES[i];
            s += SHORT_WEIGHTS[i] * density(h) / log1p(snrPerGain * h);
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
        double theta = Math.expm1(bits * LN2) / snrPerGain;
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
