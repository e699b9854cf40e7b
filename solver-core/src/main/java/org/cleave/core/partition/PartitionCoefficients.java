package org.cleave.core.partition;

import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.TierPrices;

/**
 * P1's objective split into per-layer linear coefficients, for solvers: with a monotone
 * placement x and a single sink,
 * <pre>
 *   cost(x) = Σ_{v: x_v=0} deviceCost[v] + Σ_{v: x_v=1} edgeCost[v] + Σ_{u ∈ S(x)} sendCost[u]
 * </pre>
 * where the result download and the link latency are folded into {@code edgeCost[out]} (the output
 * is on the edge exactly when any layer is). Each entry already carries both weights:
 * deviceCost = (w_T + w_E·P_c)·t_d, edgeCost = (w_T + w_E·P_idle)·t_e,
 * sendCost = (w_T + w_E·P_tx)·8·b / R_up (the prices of {@link TierPrices}). Immutable arrays
 * behind defensive accessors. P2 and P3 build the same shape from expected loads
 * ({@link org.cleave.core.exits.ExpectedLoads#weightedCoefficients}).
 */
public final class PartitionCoefficients {
    private final double[] deviceCost;
    private final double[] edgeCost;
    private final double[] sendCost;

    private PartitionCoefficients(double[] deviceCost, double[] edgeCost, double[] sendCost) {
        this.deviceCost = deviceCost;
        this.edgeCost = edgeCost;
        this.sendCost = sendCost;
    }

    /** The coefficients of {@code problem}. */
    public static PartitionCoefficients of(PartitionProblem problem) {
        DnnGraph g = problem.graph();
        int n = g.size();
        TierPrices price = TierPrices.of(problem.weights(), problem.device());
        double wDevice = price.deviceSecond();
        double wEdge = price.idleSecond();
        double wSend = price.uploadSecond();
        double[] device = new double[n];
        double[] edge = new double[n];
        double[] send = new double[n];
        for (int v = 0; v < n; v++) {
            device[v] = wDevice * problem.device().seconds(g.layer(v), problem.deviceLoad());
            edge[v] = wEdge * problem.edge().seconds(g.layer(v));
            send[v] = wSend * problem.link().uploadSeconds(g.layer(v).outputBytes());
        }
        int out = g.outputIndex();
        edge[out] += wEdge * problem.link().downloadSeconds(g.output().outputBytes())
                + price.latencySecond() * problem.link().latencySeconds();
        return new PartitionCoefficients(device, edge, send);
    }

    /**
     * Coefficients given per layer (copied), e.g. P2's expected loads priced by {@link TierPrices}.
     *
     * @throws InvalidModelException if the arrays differ in length
     */
    public static PartitionCoefficients of(double[] deviceCost, double[] edgeCost, double[] sendCost) {
        if (edgeCost.length != deviceCost.length || sendCost.length != deviceCost.length) {
            throw new InvalidModelException("coefficients", "deviceCost, edgeCost and sendCost need one entry"
                    + " per layer; lengths " + deviceCost.length + ", " + edgeCost.length + ", " + sendCost.length);
        }
        return new PartitionCoefficients(deviceCost.clone(), edgeCost.clone(), sendCost.clone());
    }

    /** Weighted cost of running layer {@code v} on the device. */
    public double deviceCost(int v) {
        return deviceCost[v];
    }

    /** Weighted cost of running layer {@code v} on the edge (for the output: plus download and latency). */
    public double edgeCost(int v) {
        return edgeCost[v];
    }

    /** Weighted cost of sending layer {@code v}'s output up. */
    public double sendCost(int v) {
        return sendCost[v];
    }

    /** A copy of every layer's device cost, indexed by layer. */
    public double[] deviceCosts() {
        return deviceCost.clone();
    }

    /** A copy of every layer's edge cost, indexed by layer. */
    public double[] edgeCosts() {
        return edgeCost.clone();
    }

    /** A copy of every layer's send cost, indexed by layer. */
    public double[] sendCosts() {
        return sendCost.clone();
    }

    /** Number of layers. */
    public int size() {
        return deviceCost.length;
    }
}
