package org.cleave.core.tiers;

import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.TierPrices;

/**
 * P1-3T's objective split into per-layer linear coefficients, for solvers: with a monotone plan τ
 * and a single sink,
 * <pre>
 *   cost(τ) = Σ_v cost_v(τ(v)) + Σ_{u ∈ S₁(τ)} send1[u] + Σ_{u ∈ S₂(τ)} send2[u]
 * </pre>
 * with cost_v(0) = device[v] = (w_T + w_E·P_c)·t_d(v), cost_v(1) = edge[v] = (w_T + w_E·P_idle)·t_e(v),
 * cost_v(2) = cloud[v] = (w_T + w_E·P_idle)·t_c(v), send1[u] = (w_T + w_E·P_tx)·8·b_u / R₁↑ and
 * send2[u] = (w_T + w_E·P_idle)·8·b_u / R₂↑ (the prices of {@link TierPrices}). The result's return
 * and the link latencies depend only on the output's tier and are folded into it:
 * edge[out] += idle·8·b_out/R₁↓ + w_T·ℓ₁ and cloud[out] += idle·(8·b_out/R₁↓ + 8·b_out/R₂↓) + w_T·(ℓ₁ + ℓ₂).
 * Immutable; O(|V|) to build.
 */
public final class TiersCoefficients {
    private final double[] device;
    private final double[] edge;
    private final double[] cloud;
    private final double[] send1;
    private final double[] send2;

    private TiersCoefficients(double[] device, double[] edge, double[] cloud, double[] send1, double[] send2) {
        this.device = device;
        this.edge = edge;
        this.cloud = cloud;
        this.send1 = send1;
        this.send2 = send2;
    }

    /** The coefficients of {@code problem}. */
    public static TiersCoefficients of(TiersProblem problem) {
        DnnGraph g = problem.graph();
        int n = g.size();
        double[] deviceSeconds = new double[n];
        double[] edgeSeconds = new double[n];
        double[] cloudSeconds = new double[n];
        double[] outputBits = new double[n];
        layerTimes(problem, deviceSeconds, edgeSeconds, cloudSeconds, outputBits);
        double[] device = new double[n];
        double[] edge = new double[n];
        double[] cloud = new double[n];
        double[] send1 = new double[n];
        double[] send2 = new double[n];
        fill(TierPrices.of(problem.weights(), problem.device()), deviceSeconds, edgeSeconds, cloudSeconds,
                outputBits, g.outputIndex(), problem.link1(), problem.link2(), device, edge, cloud, send1, send2);
        return new TiersCoefficients(device, edge, cloud, send1, send2);
    }

    /**
     * Coefficients given directly, one entry per layer (copied; all finite and {@code >= 0}): for
     * solvers that cut a cost of this form other than P1-3T's objective — the reach-weighted costs of
     * P2-3T ({@code org.cleave.core.tiers.exits.TiersExpectedLoads}), whose stop terms (result return,
     * latencies) are already folded into the stop layers' edge and cloud costs, or the scaled stage
     * sums of P3-3T's DSH-style heuristic.
     */
    public static TiersCoefficients of(double[] device, double[] edge, double[] cloud, double[] send1,
                                       double[] send2) {
        int n = device.length;
        if (edge.length != n || cloud.length != n || send1.length != n || send2.length != n) {
            throw new IllegalArgumentException("coefficients: every array needs " + n + " entries");
        }
        return new TiersCoefficients(device.clone(), edge.clone(), cloud.clone(), send1.clone(), send2.clone());
    }

    /**
     * Per-layer times of {@code problem} that do not depend on the links: seconds on each tier (the
     * device's under its load) and output bits, written into the given arrays (one entry per layer).
     */
    public static void layerTimes(TiersProblem problem, double[] deviceSeconds, double[] edgeSeconds,
                                  double[] cloudSeconds, double[] outputBits) {
        DnnGraph g = problem.graph();
        for (int v = 0; v < g.size(); v++) {
            Layer layer = g.layer(v);
            deviceSeconds[v] = problem.device().seconds(layer, problem.deviceLoad());
            edgeSeconds[v] = problem.edge().seconds(layer);
            cloudSeconds[v] = problem.cloud().seconds(layer);
            outputBits[v] = 8 * layer.outputBytes();
        }
    }

    /**
     * The coefficients for links {@code link1}, {@code link2}, written into {@code device, edge,
     * cloud, send1, send2} from the link-independent {@link #layerTimes}: the one place the formula of
     * this class's javadoc is computed, by {@link #of} and by the solvers' warm networks, which call it
     * on every new pair of links. O(|V|), allocation-free.
     *
     * @param out the output layer's index (its tier pays the result's return and the link latencies)
     */
    public static void fill(TierPrices price, double[] deviceSeconds, double[] edgeSeconds, double[] cloudSeconds,
                            double[] outputBits, int out, Link link1, Link link2, double[] device, double[] edge,
                            double[] cloud, double[] send1, double[] send2) {
        for (int v = 0; v < deviceSeconds.length; v++) {
            device[v] = price.deviceSecond() * deviceSeconds[v];
            edge[v] = price.idleSecond() * edgeSeconds[v];
            cloud[v] = price.idleSecond() * cloudSeconds[v];
            send1[v] = price.uploadSecond() * outputBits[v] / link1.uplinkBitsPerSecond();
            send2[v] = price.idleSecond() * outputBits[v] / link2.uplinkBitsPerSecond();
        }
        double back1 = price.idleSecond() * outputBits[out] / link1.downlinkBitsPerSecond()
                + price.latencySecond() * link1.latencySeconds();
        double back2 = price.idleSecond() * outputBits[out] / link2.downlinkBitsPerSecond()
                + price.latencySecond() * link2.latencySeconds();
        edge[out] += back1;
        cloud[out] += back1 + back2;
    }

    /** Weighted cost of running layer {@code v} on tier {@code tier} (0, 1, 2; the output's includes the return). */
    public double tierCost(int v, int tier) {
        return switch (tier) {
            case 0 -> device[v];
            case 1 -> edge[v];
            default -> cloud[v];
        };
    }

    /** Weighted cost of sending layer {@code u}'s output over link 1. */
    public double send1(int u) {
        return send1[u];
    }

    /** Weighted cost of sending layer {@code u}'s output over link 2. */
    public double send2(int u) {
        return send2[u];
    }

    /** Number of layers. */
    public int size() {
        return device.length;
    }

    /**
     * The cost of a monotone plan given by tier indices, from the coefficients, in O(|V| + |A|);
     * equals {@link TiersEvaluator}'s objective up to the order of summation.
     */
    public double cost(DnnGraph g, int[] tiers) {
        double total = 0;
        for (int v = 0; v < tiers.length; v++) {
            int t = tiers[v];
            total += tierCost(v, t);
            int farthest = t;
            for (int k = 0; k < g.outDegree(v); k++) {
                farthest = Math.max(farthest, tiers[g.successor(v, k)]);
            }
            if (t == 0 && farthest >= 1) {
                total += send1[v];
            }
            if (t <= 1 && farthest == 2) {
                total += send2[v];
            }
        }
        return total;
    }
}
