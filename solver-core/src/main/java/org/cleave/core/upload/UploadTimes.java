package org.cleave.core.upload;

import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;

/**
 * The per-layer durations a P5 schedule is made of, in seconds: device time t_d(v) (scaled by
 * {@code 1/(1 - deviceLoad)}), edge time t_e(v) divided by the share of the edge the user holds,
 * feature upload 8·outputBytes(v)/R_up, parameter upload 8·paramBytes(v)/R_up, the result
 * download 8·outputBytes(out)/R_down and the link's one-way latency. Immutable; built once per
 * problem (or per user and unit allocation) so that solvers evaluate many plans cheaply.
 */
public final class UploadTimes {
    private final double[] deviceSeconds;
    private final double[] edgeSeconds;
    private final double[] featureSeconds;
    private final double[] paramSeconds;
    private final double downloadSeconds;
    private final double latencySeconds;

    private UploadTimes(double[] deviceSeconds, double[] edgeSeconds, double[] featureSeconds, double[] paramSeconds,
                        double downloadSeconds, double latencySeconds) {
        this.deviceSeconds = deviceSeconds;
        this.edgeSeconds = edgeSeconds;
        this.featureSeconds = featureSeconds;
        this.paramSeconds = paramSeconds;
        this.downloadSeconds = downloadSeconds;
        this.latencySeconds = latencySeconds;
    }

    /** The times of a single-user problem (the whole edge server). */
    public static UploadTimes of(UploadProblem p) {
        return of(p.graph(), p.device(), p.deviceLoad(), p.edge(), 1.0, p.link());
    }

    /**
     * The times of {@code graph} when the user holds the fraction {@code edgeShare} ∈ (0, 1] of
     * {@code edge}'s compute (edge times are divided by it, measured edge times included) and the
     * uplink rate of {@code link}.
     */
    public static UploadTimes of(DnnGraph graph, Device device, double deviceLoad, EdgeServer edge, double edgeShare,
                                 Link link) {
        Checks.load("deviceLoad", deviceLoad);
        if (!(edgeShare > 0 && edgeShare <= 1)) {
            throw new IllegalArgumentException("edgeShare: must be in (0, 1], got " + edgeShare);
        }
        int n = graph.size();
        double[] d = new double[n];
        double[] e = new double[n];
        double[] f = new double[n];
        double[] w = new double[n];
        for (int v = 0; v < n; v++) {
            d[v] = device.seconds(graph.layer(v), deviceLoad);
            e[v] = edge.seconds(graph.layer(v)) / edgeShare;
            f[v] = link.uploadSeconds(graph.layer(v).outputBytes());
            w[v] = link.uploadSeconds(graph.layer(v).paramBytes());
        }
        return new UploadTimes(d, e, f, w, link.downloadSeconds(graph.output().outputBytes()), link.latencySeconds());
    }

    /** Number of layers. */
    public int size() {
        return deviceSeconds.length;
    }

    /** t_d(v). */
    public double deviceSeconds(int v) {
        return deviceSeconds[v];
    }

    /** t_e(v) at the user's share of the edge. */
    public double edgeSeconds(int v) {
        return edgeSeconds[v];
    }

    /** Upload time of v's output tensor. */
    public double featureSeconds(int v) {
        return featureSeconds[v];
    }

    /** Upload time of v's parameters. */
    public double paramSeconds(int v) {
        return paramSeconds[v];
    }

    /** Download time of the output tensor. */
    public double downloadSeconds() {
        return downloadSeconds;
    }

    /** The link's one-way latency. */
    public double latencySeconds() {
        return latencySeconds;
    }
}
