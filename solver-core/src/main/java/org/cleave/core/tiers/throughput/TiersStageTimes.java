package org.cleave.core.tiers.throughput;

import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;

/**
 * The per-layer terms of P3-3T's five stages ({@link TiersThroughputProblem}), in seconds per frame:
 * t_d(v) on the device (under its load), t_e(v) on the edge, t_c(v) in the cloud, and the upload
 * times 8·b_v/R₁↑ and 8·b_v/R₂↑ of v's tensor over link 1 and link 2. {@link #stages} sums them for a
 * plan; it is the only place the stage sums are computed, used by the evaluator and by the solvers
 * (so an enumeration does not allocate a breakdown per plan). Immutable; O(|V|) to build.
 */
public final class TiersStageTimes {
    /** Stage indices into the array {@link #stages} fills, in pipeline order. */
    public static final int DEVICE = 0;
    /** Link-1 uplink stage. */
    public static final int LINK1 = 1;
    /** Edge compute stage. */
    public static final int EDGE = 2;
    /** Link-2 uplink stage. */
    public static final int LINK2 = 3;
    /** Cloud compute stage. */
    public static final int CLOUD = 4;

    private final double[] device;
    private final double[] edge;
    private final double[] cloud;
    private final double[] up1;
    private final double[] up2;

    private TiersStageTimes(double[] device, double[] edge, double[] cloud, double[] up1, double[] up2) {
        this.device = device;
        this.edge = edge;
        this.cloud = cloud;
        this.up1 = up1;
        this.up2 = up2;
    }

    /** The terms of {@code p}. */
    public static TiersStageTimes of(TiersThroughputProblem p) {
        DnnGraph g = p.graph();
        int n = g.size();
        double[] device = new double[n];
        double[] edge = new double[n];
        double[] cloud = new double[n];
        double[] up1 = new double[n];
        double[] up2 = new double[n];
        for (int v = 0; v < n; v++) {
            Layer l = g.layer(v);
            device[v] = p.device().seconds(l, p.deviceLoad());
            edge[v] = p.edge().seconds(l);
            cloud[v] = p.cloud().seconds(l);
            up1[v] = p.link1().uploadSeconds(l.outputBytes());
            up2[v] = p.link2().uploadSeconds(l.outputBytes());
        }
        return new TiersStageTimes(device, edge, cloud, up1, up2);
    }

    /** t_d(v): device seconds of layer v under the device load. */
    public double device(int v) {
        return device[v];
    }

    /** t_e(v): edge seconds of layer v. */
    public double edge(int v) {
        return edge[v];
    }

    /** t_c(v): cloud seconds of layer v. */
    public double cloud(int v) {
        return cloud[v];
    }

    /** 8·b_v/R₁↑: seconds to send layer v's output over link 1. */
    public double upload1(int v) {
        return up1[v];
    }

    /** 8·b_v/R₂↑: seconds to send layer v's output over link 2. */
    public double upload2(int v) {
        return up2[v];
    }

    /**
     * Writes the five stage times of the plan {@code tiers} (tier index per layer, assumed monotone)
     * into {@code out[0..4]} (device, link 1, edge, link 2, cloud), summing in topological order;
     * returns their maximum, the period. O(|V| + |A|), allocation-free. A layer u is sent over link 1
     * when τ(u) = device and some consumer is beyond the device, over link 2 when τ(u) ≤ edge and some
     * consumer is in the cloud (both for a device tensor relayed to the cloud), once per link.
     */
    public double stages(DnnGraph g, int[] tiers, double[] out) {
        double d = 0;
        double l1 = 0;
        double e = 0;
        double l2 = 0;
        double c = 0;
        for (int v = 0; v < tiers.length; v++) {
            int t = tiers[v];
            switch (t) {
                case 0 -> d += device[v];
                case 1 -> e += edge[v];
                default -> c += cloud[v];
            }
            int farthest = t;
            for (int k = 0; k < g.outDegree(v); k++) {
                farthest = Math.max(farthest, tiers[g.successor(v, k)]);
            }
            if (t == 0 && farthest >= 1) {
                l1 += up1[v];
            }
            if (t <= 1 && farthest == 2) {
                l2 += up2[v];
            }
        }
        out[DEVICE] = d;
        out[LINK1] = l1;
        out[EDGE] = e;
        out[LINK2] = l2;
        out[CLOUD] = c;
        return Math.max(Math.max(d, l1), Math.max(Math.max(e, l2), c));
    }

    /** The period of the plan {@code tiers}: the largest of its five {@link #stages}. */
    public double period(DnnGraph g, int[] tiers) {
        return stages(g, tiers, new double[5]);
    }
}
