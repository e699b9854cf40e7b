package org.cleave.core.stopping;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * An independent reference for P6 tests: backward induction whose expectations
 * {@code E[min(S_k(H), K)]} are integrated by Commons Math's adaptive
 * {@link IterativeLegendreGaussIntegrator} in the variable u = ln(h/θ), with θ found by bisection
 * on S_k(h) = K (not the closed form), and deferral values by bisection. Slow; for tests only.
 */
public final class ReferenceStopping {
    private ReferenceStopping() {
    }

    /** ∫_θ^∞ f(h)/r(h) dh by adaptive Gauss–Legendre in u = ln(h/θ). */
    public static double gainIntegral(StoppingProblem p, double theta) {
        ContinuousDistribution d = p.channel().fading().distribution();
        double upper = Math.log1p(d.inverseSurvivalProbability(1e-18) / theta);
        if (!(upper > 0) || d.survivalProbability(theta) == 0) {
            return 0;
        }
        IterativeLegendreGaussIntegrator integ = new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-300, 1, 14);
        int pieces = 48;
        double sum = 0;
        for (int i = 0; i < pieces; i++) {
            double a = upper * i / pieces;
            double b = upper * (i + 1) / pieces;
            sum += integ.integrate(Integer.MAX_VALUE, u -> {
                double h = theta * Math.exp(u);
                return h * d.density(h) / p.channel().rateBitsPerSecond(h);
            }, a, b);
        }
        return sum;
    }

    private static double crossing(StoppingProblem p, int k, double value) {
        if (!(value > p.edgeRestCost(k))) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0;
        double hi = 1e-300;
        while (p.offloadCost(k, hi) > value) {
            hi *= 2;
            if (hi > 1e300) {
                return Double.POSITIVE_INFINITY;
            }
        }
        lo = hi / 2;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (p.offloadCost(k, mid) > value) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** E[min(S_k(H), K)]. */
    public static double expectedMin(StoppingProblem p, int k, double value) {
        double theta = crossing(p, k, value);
        if (theta == Double.POSITIVE_INFINITY) {
            return value;
        }
        ContinuousDistribution d = p.channel().fading().distribution();
        return d.cumulativeProbability(theta) * value + p.transferCoefficient(k) * gainIntegral(p, theta)
                + p.edgeRestCost(k) * d.survivalProbability(theta);
    }

    private static double deferral(StoppingProblem p, int k) {
        double omega = p.waitCost();
        double lo = p.edgeRestCost(k);
        double hi = lo + omega;
        while (expectedMin(p, k, omega + hi) - hi > 0) {
            hi = lo + 2 * (hi - lo);
        }
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (expectedMin(p, k, omega + mid) - mid > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The optimal expected cost per inference for placement m. */
    public static double optimalInferenceCost(StoppingProblem p, int m) {
        int n = p.layerCount();
        double v = m < n ? deferral(p, m) : 0;
        for (int k = Math.min(m, n) - 1; k >= 0; k--) {
            double q = p.computeCost(k + 1) + v;
            double e = expectedMin(p, k, q);
            v = e + p.waitCost() < q ? deferral(p, k) : e;
        }
        return v;
    }

    private static final java.util.Map<StoppingProblem, Double> OPTIMA = new java.util.concurrent.ConcurrentHashMap<>();

    /** The optimal objective over all placements (cached per problem). */
    public static double optimum(StoppingProblem p) {
        return OPTIMA.computeIfAbsent(p, ReferenceStopping::computeOptimum);
    }

    private static double computeOptimum(StoppingProblem p) {
        double best = Double.POSITIVE_INFINITY;
        for (int m = 0; m <= p.layerCount(); m++) {
            best = Math.min(best, optimalInferenceCost(p, m) + p.placementCostPerInference(m));
        }
        return best;
    }
}
