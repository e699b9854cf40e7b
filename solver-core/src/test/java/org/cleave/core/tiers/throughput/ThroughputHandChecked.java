package org.cleave.core.tiers.throughput;

import java.util.OptionalDouble;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.TierPlacement;

/**
 * A small P3-3T DAG whose optimum uses all three tiers, checked by hand. Layers in → a → b → c with
 * a skip arc a → c; device 1 GFLOP/s, edge 2 GFLOP/s, cloud 4 GFLOP/s; both uplinks 8 Gbit/s.
 * <pre>
 *   layer  FLOPs   output      t_d    t_e    t_c    8b/R (either link)
 *   in     0       2e9 B       0      0      0      2 s
 *   a      1e9     1e8 B       1 s    0.5    0.25   0.1 s
 *   b      2e9     1e8 B       2      1 s    0.5    0.1 s
 *   c      4e9     1e3 B       4      2      1 s    —
 * </pre>
 * Plan in, a | b | c: D = t_d(a) = 1, U₁ = a's tensor once (consumers b and c beyond the device) =
 * 0.1, G = t_e(b) = 1, U₂ = b's tensor + a's tensor relayed to c = 0.2, C = t_c(c) = 1; period 1 s,
 * bottleneck the device (first of the tied stages D = G = C = 1).
 *
 * <p>It is optimal and the only optimum: a plan with a off the device sends the input (U₁ = 2 s); with
 * a on the device, b and c on one tier give D = 7, G = 3 or C = 1.5 (+ D = 1) when both are on the
 * device, edge or cloud; b on the device gives D ≥ 3; b in the cloud forces c there (C = 1.5). So
 * the best two-tier plan is in, a | b, c in the cloud (device | cloud, the edge relaying a's tensor):
 * period 1.5 s; P3 on device | edge alone reaches 3 s (in, a | b, c on the edge: G = 3; or in, a, b |
 * c: D = 3).
 */
public final class ThroughputHandChecked {
    /** The optimal period in seconds. */
    public static final double OPTIMUM = 1.0;
    /** The best two-tier period (device | cloud). */
    public static final double BEST_TWO_TIER = 1.5;
    /** P3's optimum on device | edge over link 1. */
    public static final double DEVICE_EDGE = 3.0;
    /** in, a on the device, b on the edge, c in the cloud. */
    public static final TierPlacement OPTIMAL_PLAN = new TierPlacement(new int[] {0, 0, 1, 2});

    private ThroughputHandChecked() {
    }

    /** The graph in → a → b → c, a → c. */
    public static DnnGraph graph() {
        return DnnGraph.builder().addLayer(Layer.input("in", 2e9)).addLayer(new Layer("a", 1e9, 1e8, 0))
                .addLayer(new Layer("b", 2e9, 1e8, 0)).addLayer(new Layer("c", 4e9, 1e3, 0))
                .addArc("in", "a").addArc("a", "b").addArc("b", "c").addArc("a", "c").build();
    }

    /** The instance, without a frame rate. */
    public static TiersThroughputProblem problem() {
        return new TiersThroughputProblem(graph(), new Device(1e9, 2, 1, 0.5), new EdgeServer(2e9),
                new CloudServer(4e9), new Link(8e9, 8e9, 0.01), new Link(8e9, 8e9, 0.02), 0, OptionalDouble.empty());
    }
}
