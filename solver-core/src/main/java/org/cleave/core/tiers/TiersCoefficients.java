package org.cleave.core.tiers;

import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;
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
        TierPrices price = TierPrices.of(problem.weights(), problem.device());
        double[] device = new double[n];
        double[] edge = new double[n];
        double[] cloud = new double[n];
        double[] send1 = new double[n];
        double[] send2 = new double[n];
        for (int v = 0; v < n; v++) {
            Layer layer = g.layer(v);
            device[v] = price.deviceSecond() * problem.device().seconds(layer, problem.deviceLoad());
            edge[v] = price.idleSecond() * problem.edge().seconds(layer);
            cloud[v] = price.idleSecond() * problem.cloud().seconds(layer);
            send1[v] = price.uploadSecond() * problem.link1().uploadSeconds(layer.outputBytes());
            send2[v] = price.idleSecond() * problem.link2().uploadSeconds(layer.outputBytes());
        }
        int out = g.outputIndex();
        double result = g.output().outputBytes();
        double back1 = price.idleSecond() * problem.link1().downloadSeconds(result)
                + price.latencySecond() * problem.link1().latencySeconds();
        double back2 = price.idleSecond() * problem.link2().downloadSeconds(result)
                + price.latencySecond() * problem.link2().latencySeconds();
        edge[out] += back1;
        cloud[out] += back1 + back2;
        return new TiersCoefficients(device, edge, cloud, send1, send2);
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
