package org.cleave.algorithms.stopping;

import org.cleave.core.stopping.StoppingEvaluator;
import org.cleave.core.stopping.StoppingProblem;

/**
 * Closed-form placement for equal-neuron MLPs under the one-stage look-ahead rule (derivation in
 * {@code docs/stopping.md}).
 *
 * <p>An equal-layer problem has the same tensor size d at every stage 0..L−1 (input width = hidden
 * width), the same device cost C, edge time t^e and parameter bytes per layer. Write
 * {@code β = w_T·t^e}, {@code c = C − β} (net cost of one more local layer), {@code π} the placement
 * cost of one layer per inference, {@code δ = D_k − β(L−k)} (the optimal deferral value without
 * its edge part; the same at every stage because S_k(h) = a/r(h) + β(L−k)).
 * At every stage k < min(m, L−1) OSLA offloads above the same threshold τ with
 * {@code a/r(τ) = c + δ} and computes below it. With {@code q = F(τ)} and
 * {@code z = (q·c + a·G(τ))/(1 − q)} the stage values u_k = U_k − β(L−k) satisfy
 * {@code u_k = q·u_{k+1} + (1−q)·z} with u_m = δ, so
 * <pre>
 *   J(m) = βL + z + q^m·(δ − z) + m·π            (0 <= m < L)
 *   J(L) = βL + z + q^{L−1}·(u_{L−1} − z) + L·π,  u_{L−1} = E[min(S_{L−1}(H), C)] − β
 * </pre>
 * On 0 <= m <= L−1, J is convex in m (δ > z) with stationary point
 * {@code m̂ = ln(π / ((δ − z)·ln(1/q))) / ln q}; m* is the best of ⌊m̂⌋, ⌈m̂⌉ (clamped), 0, 1,
 * L−1 and L. {@link Regime} says whether backward induction waits ({@code ω <= c}) or computes
 * below its thresholds; in the COMPUTE regime OSLA's decisions equal backward induction's at
 * stages m−1 and m (m < L), in the WAIT regime only at stage m.
 * The constants δ, τ, q, G(τ) are one-dimensional integrals/roots of the fading law taken from
 * {@link StoppingEvaluator}; everything else is closed form. O(1) integrals.
 */
public final class EqualLayerPlacement {
    private static final double SAME = 1e-12;

    private EqualLayerPlacement() {
    }

    /** Which OSLA regime an equal-layer problem is in. */
    public enum Regime {
        /** ω <= C − β: waiting is cheaper than computing a layer. */
        WAIT,
        /** ω > C − β: the device computes while the channel is bad. */
        COMPUTE
    }

    /**
     * The closed-form placement.
     *
     * @param deviceLayers m*
     * @param objective    J(m*) from the closed form
     * @param regime       the regime
     */
    public record Placement(int deviceLayers, double objective, Regime regime) {
    }

    private static boolean same(double x, double y) {
        return Math.abs(x - y) <= SAME * Math.max(Math.abs(x), Math.abs(y));
    }

    /** Whether every stage and layer of {@code p} is alike (an equal-neuron MLP). */
    public static boolean isEqualLayered(StoppingProblem p) {
        int n = p.layerCount();
        for (int k = 1; k < n; k++) {
            if (!same(p.tensorBytes(k), p.tensorBytes(0))) {
                return false;
            }
        }
        for (int j = 2; j <= n; j++) {
            var a = p.layers().get(j - 1);
            var b = p.layers().get(0);
            if (!same(p.computeCost(j), p.computeCost(1)) || !same(a.edgeSeconds(), b.edgeSeconds())
                    || !same(a.paramBytes(), b.paramBytes())) {
                return false;
            }
        }
        return true;
    }

    private static void requireEqual(StoppingProblem p) {
        if (!isEqualLayered(p)) {
            throw new IllegalArgumentException("the closed form needs equal layers: the same tensor bytes at"
                    + " stages 0..L-1 and the same device cost, edge time and parameter bytes per layer");
        }
    }

    /** J(m) of the OSLA plan by the closed form. */
    public static double oslaObjective(StoppingProblem p, int m) {
        requireEqual(p);
        return new Constants(p).objective(m);
    }

    /** The closed-form m* and its objective. */
    public static Placement closedForm(StoppingProblem p) {
        requireEqual(p);
        Constants k = new Constants(p);
        int n = p.layerCount();
        java.util.TreeSet<Integer> cand = new java.util.TreeSet<>(java.util.List.of(0, Math.min(1, n), n - 1, n));
        if (k.q > 0 && k.q < 1 && k.delta > k.z && k.pi > 0) {
            double hat = Math.log(k.pi / ((k.delta - k.z) * Math.log(1 / k.q))) / Math.log(k.q);
            if (Double.isFinite(hat)) {
                cand.add((int) Math.max(0, Math.min(n - 1, Math.floor(hat))));
                cand.add((int) Math.max(0, Math.min(n - 1, Math.ceil(hat))));
            }
        }
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int m : cand) {
            double v = k.objective(m);
            if (best < 0 || v < bestValue) {
                best = m;
                bestValue = v;
            }
        }
        return new Placement(best, bestValue, k.regime);
    }

    /** The constants of the closed form. */
    private static final class Constants {
        final StoppingProblem p;
        final int n;
        final double beta;
        final double c;
        final double omega;
        final double pi;
        final double delta;
        final double deferral0;
        final Regime regime;
        final double q;
        final double z;

        Constants(StoppingProblem p) {
            this.p = p;
            StoppingEvaluator ev = p.evaluator();
            n = p.layerCount();
            beta = p.weights().latencyWeight() * p.layers().get(0).edgeSeconds();
            c = p.computeCost(1) - beta;
            omega = p.waitCost();
            pi = p.placementCostPerInference(1);
            deferral0 = ev.deferral(0).value();
            delta = deferral0 - p.edgeRestCost(0);
            regime = omega <= c ? Regime.WAIT : Regime.COMPUTE;
            double tau = ev.threshold(0, p.edgeRestCost(0) + c + delta);
            q = ev.below(tau);
            z = q < 1 ? (q * c + p.transferCoefficient(0) * ev.gainIntegral(tau)) / (1 - q) : Double.NaN;
        }

        /** u_{L−1} − β for m = L: the last stage offloads or finishes locally. */
        private double lastStageOffset() {
            return p.evaluator().expectedMin(n - 1, p.computeCost(n)) - beta;
        }

        /** u_0 given the offset u_s at stage s reached after s compute stages. */
        private double propagate(int s, double us) {
            if (q == 1) {
                return s * c + us;
            }
            return z + Math.pow(q, s) * (us - z);
        }

        double objective(int m) {
            double u0;
            if (m < n) {
                u0 = propagate(m, delta);
            } else {
                u0 = propagate(n - 1, lastStageOffset());
            }
            return beta * n + u0 + m * pi;
        }
    }
}
