package org.cleave.core.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.junit.jupiter.api.Test;

class PartitionEvaluatorTest {
    private static final double EPS = 1e-12;

    // in(1000 B) -> a(2e9 FLOPs, 500 B) -> b(1e9 FLOPs, 100 B)
    private static final DnnGraph CHAIN = DnnGraph.builder().addLayer(Layer.input("in", 1000))
            .addLayer(new Layer("a", 2e9, 500, 0)).addLayer(new Layer("b", 1e9, 100, 0))
            .addArc("in", "a").addArc("a", "b").build();
    private static final Device DEVICE = new Device(1e9, 2, 3, 1);
    private static final EdgeServer EDGE = new EdgeServer(1e10);
    private static final Link LINK = new Link(8000, 80000, 0.5);

    @Test
    void matchesAHandComputedBreakdown() {
        PartitionProblem p = new PartitionProblem(CHAIN, DEVICE, EDGE, LINK, new CostWeights(1, 0.5), 0);
        PartitionCost c = p.evaluate(Placement.ofEdgeLayers(CHAIN, List.of("b")));
        assertEquals(2.0, c.deviceComputeSeconds(), EPS);
        assertEquals(0.5, c.uploadSeconds(), EPS);       // 500 B = 4000 bit at 8000 bit/s
        assertEquals(0.1, c.edgeComputeSeconds(), EPS);  // 1e9 / 1e10
        assertEquals(0.01, c.downloadSeconds(), EPS);    // 800 bit at 80000 bit/s
        assertEquals(0.5, c.linkLatencySeconds(), EPS);
        assertEquals(3.11, c.latencySeconds(), EPS);
        assertEquals(4.0, c.computeJoules(), EPS);
        assertEquals(1.5, c.transmitJoules(), EPS);
        assertEquals(0.11, c.idleJoules(), EPS);
        assertEquals(5.61, c.energyJoules(), EPS);
        assertEquals(3.11 + 0.5 * 5.61, c.objective(), EPS);
        assertEquals(List.of("a"), c.sentTensors());
    }

    @Test
    void deviceOnlyHasNoCommunicationAndLoadSlowsTheDevice() {
        PartitionProblem p = new PartitionProblem(CHAIN, DEVICE, EDGE, LINK, CostWeights.LATENCY, 0.5);
        PartitionCost c = p.evaluate(Placement.allDevice(3));
        assertEquals(6.0, c.latencySeconds(), EPS); // 3 s of compute at half the rate
        assertEquals(0, c.linkLatencySeconds());
        assertEquals(List.of(), c.sentTensors());
    }

    @Test
    void measuredTimesWinOverFlops() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000))
                .addLayer(new Layer("a", 2e9, 500, 0).withMeasuredSeconds(java.util.OptionalDouble.of(0.25),
                        java.util.OptionalDouble.of(0.125)))
                .addArc("in", "a").build();
        PartitionProblem p = new PartitionProblem(g, DEVICE, EDGE, LINK);
        assertEquals(0.25, p.evaluate(Placement.allDevice(2)).latencySeconds(), EPS);
        assertEquals(0.125, p.evaluate(Placement.allButInputOnEdge(2)).edgeComputeSeconds(), EPS);
    }

    @Test
    void aTensorConsumedByThreeEdgeLayersIsSentOnce() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 1e9, 1000, 0))
                .addLayer(new Layer("b", 1e9, 10, 0)).addLayer(new Layer("c", 1e9, 10, 0))
                .addLayer(new Layer("d", 1e9, 10, 0)).addLayer(new Layer("e", 1e9, 10, 0))
                .addArc("in", "a").addArc("a", "b").addArc("a", "c").addArc("a", "d")
                .addArc("b", "e").addArc("c", "e").addArc("d", "e").build();
        PartitionProblem p = new PartitionProblem(g, DEVICE, EDGE, LINK);
        PartitionCost c = p.evaluate(Placement.ofEdgeLayers(g, List.of("b", "c", "d", "e")));
        assertEquals(List.of("a"), c.sentTensors());
        assertEquals(1.0, c.uploadSeconds(), EPS); // 8000 bit once, not three times
    }

    @Test
    void rejectsNonMonotonePlacements() {
        PartitionProblem p = new PartitionProblem(CHAIN, DEVICE, EDGE, LINK);
        String m = assertThrows(InvalidModelException.class,
                () -> p.evaluate(Placement.ofEdgeLayers(CHAIN, List.of("a")))).getMessage();
        assertTrue(m.contains("not monotone") && m.contains("\"a\"") && m.contains("\"b\""), m);
        m = assertThrows(InvalidModelException.class,
                () -> p.evaluate(Placement.ofEdgeLayers(CHAIN, List.of("in", "a", "b")))).getMessage();
        assertTrue(m.contains("input \"in\" must run on the device"), m);
    }

    @Test
    void coefficientsReproduceTheEvaluator() {
        PartitionProblem p = new PartitionProblem(CHAIN, DEVICE, EDGE, LINK, new CostWeights(1, 0.5), 0.2);
        PartitionCoefficients k = PartitionCoefficients.of(p);
        double viaCoefficients = k.deviceCost(0) + k.deviceCost(1) + k.sendCost(1) + k.edgeCost(2);
        assertEquals(p.evaluate(Placement.ofEdgeLayers(CHAIN, List.of("b"))).objective(), viaCoefficients, 1e-12);
    }
}
