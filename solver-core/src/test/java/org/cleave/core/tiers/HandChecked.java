package org.cleave.core.tiers;

import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;

/**
 * A 5-layer DAG (in → a, a → b, a → c, b → d, c → d) whose latency optimum uses all three tiers:
 * in, a on the device; b, c on the edge; d in the cloud. Round numbers so the arithmetic can be
 * written out (seconds):
 * <pre>
 *   rates: device 1e9 FLOP/s, edge 1e10, cloud 1e11
 *   link 1: 8e7 bit/s both ways (1e7 B/s), latency 0.005;  link 2 (WAN): 8e6 bit/s (1e6 B/s), latency 0.02
 *   layer  flops  outputBytes   device   edge    cloud   over link 1  over link 2
 *   in     0      1e6           0        0       0       0.1          1
 *   a      1e7    1e5           0.01     0.001   1e-4    0.01         0.1
 *   b, c   1e8    1e3           0.1      0.01    0.001   1e-4         1e-3
 *   d      1e11   1e2           100      10      1       1e-5         1e-4
 * </pre>
 * Optimal plan (in, a | b, c | d): device 0.01 (a) + link 1 0.01 (a's tensor, once for its two edge
 * consumers) + edge 0.02 (b, c) + link 2 0.002 (b and c) + cloud 1 (d) + result 1e-4 (link 2 down)
 * + 1e-5 (link 1 down) + latency 0.005 + 0.02 = 1.06711. The next best plans: b, c in the cloud too
 * (a's tensor over the WAN: 0.01 + 0.01 + 0.1 + 0.002 + 1 + 1.1e-4 + 0.025 = 1.14711); a on the edge
 * too (the raw input over link 1: 0.1 + 0.001 + 0.02 + 0.002 + 1 + 1.1e-4 + 0.025 = 1.14811); b, c on
 * the device (0.21 + 2e-4 + 0.002 + 1 + 1.1e-4 + 0.025 = 1.23731); d anywhere but the cloud costs
 * ≥ 10. Any two-tier plan is therefore ≥ 1.14711.
 */
public final class HandChecked {
    /** The optimum, 1.06711 s. */
    public static final double OPTIMUM = 0.01 + 0.01 + 0.02 + 0.002 + 1 + 1e-4 + 1e-5 + 0.005 + 0.02;
    /** The optimal plan: in, a device; b, c edge; d cloud. */
    public static final TierPlacement OPTIMAL_PLAN = new TierPlacement(new int[] {0, 0, 1, 1, 2});

    private HandChecked() {
    }

    /** The graph. */
    public static DnnGraph graph() {
        return DnnGraph.builder().addLayer(Layer.input("in", 1e6)).addLayer(new Layer("a", 1e7, 1e5, 0))
                .addLayer(new Layer("b", 1e8, 1e3, 0)).addLayer(new Layer("c", 1e8, 1e3, 0))
                .addLayer(new Layer("d", 1e11, 1e2, 0)).addArc("in", "a").addArc("a", "b").addArc("a", "c")
                .addArc("b", "d").addArc("c", "d").build();
    }

    /** The problem (latency only, no load). */
    public static TiersProblem problem() {
        return new TiersProblem(graph(), new Device(1e9, 2, 1, 0.5), new EdgeServer(1e10), new CloudServer(1e11),
                new Link(8e7, 8e7, 0.005), new Link(8e6, 8e6, 0.02));
    }
}
