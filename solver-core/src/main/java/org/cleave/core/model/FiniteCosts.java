package org.cleave.core.model;

import java.util.Locale;

/**
 * Refuses models whose derived costs overflow. Every number of a model is checked finite on its
 * own, but a finite {@code outputBytes} of 1e308 still makes the upload time 8·b/R infinite, and
 * the solvers would then compare infinities or NaN. This check prices every layer on both tiers
 * and the link: for layer v the device time t_d (with the load ρ), the edge time t_e, and the
 * upload and download times 8·b_v/R; their total Σ_v (t_d + t_e + t_up + t_down) plus the link
 * latency, times (1 + the largest device power in watts), must not exceed {@value #LIMIT} (so
 * that the latency and energy terms of any placement, and their weighted sum, stay finite).
 * The error names the first layer and field that breaks the limit, with its value. O(1) when the
 * total computed from the graph's per-tier sums is below a quarter of the limit (the per-layer
 * totals below are the same real number, summed in another order: the factor 4 covers the rounding
 * of either), else O(n); allocation-free when the model passes (every problem constructor runs it,
 * e.g. once per state of a ground-truth run).
 */
public final class FiniteCosts {
    /** Largest total of derived seconds (times 1 + the largest power in watts) accepted. */
    public static final double LIMIT = 1e300;

    private FiniteCosts() {
    }

    /**
     * Checks the model; {@code graphField} is how the caller names the graph in messages
     * ({@code model} in the instance files).
     *
     * @throws InvalidModelException naming {@code graphField.layers[v].FIELD} and the value
     */
    public static void require(String graphField, DnnGraph graph, Device device, EdgeServer edge, Link link,
                               double deviceLoad) {
        double watts = 1 + Math.max(device.computeWatts(), Math.max(device.transmitWatts(), device.idleWatts()));
        double[] sums = graph.costSums();
        double bound = watts * (link.latencySeconds() + (sums[0] + sums[1] / device.flopsPerSecond()) / (1 - deviceLoad)
                + (sums[2] + sums[3] / edge.flopsPerSecond()) + 8 * sums[4] / link.uplinkBitsPerSecond()
                + 8 * sums[4] / link.downlinkBitsPerSecond());
        if (bound <= LIMIT / 4) {
            return; // the exact total, computed from per-graph sums; every partial sum below is smaller
        }
        double total = link.latencySeconds() * watts;
        for (int v = 0; v < graph.size(); v++) {
            Layer l = graph.layer(v);
            double tDevice = device.seconds(l, deviceLoad) * watts;
            double tEdge = edge.seconds(l) * watts;
            double tLink = (link.uploadSeconds(l.outputBytes()) + link.downloadSeconds(l.outputBytes())) * watts;
            if (!(tLink <= LIMIT) || !(total + tLink <= LIMIT)) {
                throw new InvalidModelException(graphField + ".layers[" + v + "].outputBytes", "value "
                        + l.outputBytes() + " makes the"
                        + " transfer time over the link " + fmt(tLink / watts) + " s, beyond the finite range"
                        + " Cleave computes in (the model's total cost must stay below " + LIMIT + ")");
            }
            if (!(tDevice <= LIMIT) || !(tEdge <= LIMIT) || !(total + tLink + tDevice + tEdge <= LIMIT)) {
                String field = l.measuredDeviceSeconds().isPresent() || l.measuredEdgeSeconds().isPresent()
                        ? (l.measuredDeviceSeconds().isPresent() ? "measuredDeviceSeconds" : "measuredEdgeSeconds")
                        : "flops";
                double value = field.equals("flops") ? l.flops() : field.equals("measuredDeviceSeconds")
                        ? l.measuredDeviceSeconds().getAsDouble() : l.measuredEdgeSeconds().getAsDouble();
                throw new InvalidModelException(graphField + ".layers[" + v + "]." + field, "value " + value
                        + " makes the compute time "
                        + fmt(Math.max(tDevice, tEdge) / watts) + " s, beyond the finite range Cleave computes in"
                        + " (the model's total cost must stay below " + LIMIT + ")");
            }
            total += tLink + tDevice + tEdge;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
