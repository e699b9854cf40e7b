package org.cleave.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The P5 evaluator against timelines computed by hand, against P1 in preloaded mode, and the
 * parallel-never-loses property. Units chosen so that hand arithmetic is easy: device 1e9 FLOP/s,
 * edge 1e10 FLOP/s, uplink 8000 bit/s (1 byte = 1 ms), downlink 80000 bit/s, latency 0.5 s.
 */
class UploadEvaluatorTest {
    private static final double EPS = 1e-12;
    private static final Device DEVICE = new Device(1e9, 2, 3, 1);
    private static final EdgeServer EDGE = new EdgeServer(1e10);
    private static final Link LINK = new Link(8000, 80000, 0.5);

    /** in(1000 B) → a(2e9 FLOPs, 500 B, 1000 B params) → b(1e9, 100 B, 2000 B) → c(5e9, 100 B, 3000 B). */
    static DnnGraph chain() {
        return DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 2e9, 500, 1000))
                .addLayer(new Layer("b", 1e9, 100, 2000)).addLayer(new Layer("c", 5e9, 100, 3000))
                .addArc("in", "a").addArc("a", "b").addArc("b", "c").build();
    }

    /** in(1000 B) → a(1e9, 200 B, 500 B), in → b(2e9, 300 B, 1000 B), a → c, b → c(3e9, 50 B, 4000 B). */
    static DnnGraph dag() {
        return DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 1e9, 200, 500))
                .addLayer(new Layer("b", 2e9, 300, 1000)).addLayer(new Layer("c", 3e9, 50, 4000))
                .addArc("in", "a").addArc("in", "b").addArc("a", "c").addArc("b", "c").build();
    }

    /** in(100 B) → a(4e9, 1000 B, 0) → b(1e9, 10 B, 3000 B) → r(1e8, 10 B, no params) → d(2e9, 8 B, 1500 B). */
    static DnnGraph blocking() {
        return DnnGraph.builder().addLayer(Layer.input("in", 100)).addLayer(new Layer("a", 4e9, 1000, 0))
                .addLayer(new Layer("b", 1e9, 10, 3000)).addLayer(new Layer("r", 1e8, 10, 0))
                .addLayer(new Layer("d", 2e9, 8, 1500))
                .addArc("in", "a").addArc("a", "b").addArc("b", "r").addArc("r", "d").build();
    }

    private static UploadProblem problem(DnnGraph g, UploadMode mode) {
        return new UploadProblem(g, DEVICE, EDGE, LINK, new CostWeights(1, 0.5), 0, mode);
    }

    private static final TimelineEvent.Activity C = TimelineEvent.Activity.COMPUTE;
    private static final TimelineEvent.Activity F = TimelineEvent.Activity.FEATURE_UPLOAD;
    private static final TimelineEvent.Activity P = TimelineEvent.Activity.PARAMETER_UPLOAD;
    private static final TimelineEvent.Activity R = TimelineEvent.Activity.RESULT_DOWNLOAD;

    private static TimelineEvent ev(TimelineEvent.Activity a, String layer, Resource r, double s, double e) {
        return new TimelineEvent(a, layer, r, s, e);
    }

    private static void assertTimeline(List<TimelineEvent> expected, List<TimelineEvent> actual) {
        assertEquals(expected.size(), actual.size(), () -> "timeline " + actual);
        for (int i = 0; i < expected.size(); i++) {
            TimelineEvent x = expected.get(i);
            TimelineEvent y = actual.get(i);
            String label = "event " + i + ": expected " + x + " got " + y;
            assertEquals(x.activity(), y.activity(), label);
            assertEquals(x.layerId(), y.layerId(), label);
            assertEquals(x.resource(), y.resource(), label);
            assertEquals(x.startSeconds(), y.startSeconds(), EPS, label);
            assertEquals(x.endSeconds(), y.endSeconds(), EPS, label);
        }
    }

    @Test
    void chainParallelByHand() {
        DnnGraph g = chain();
        UploadCost c = problem(g, UploadMode.PARALLEL).evaluate(Placement.ofEdgeLayers(g, List.of("b", "c")));
        // params of b go from 0 to 2; at 2 the feature of a is ready (tie: the feature goes first),
        // then c's params 2.5–5.5; b runs once the feature is in, c once its params are in.
        assertTimeline(List.of(
                ev(C, "a", Resource.DEVICE, 0, 2),
                ev(P, "b", Resource.UPLINK, 0, 2),
                ev(F, "a", Resource.UPLINK, 2, 2.5),
                ev(P, "c", Resource.UPLINK, 2.5, 5.5),
                ev(C, "b", Resource.EDGE, 2.5, 2.6),
                ev(C, "c", Resource.EDGE, 5.5, 6.0),
                ev(R, "c", Resource.DOWNLINK, 6.0, 6.01)), c.timeline());
        assertEquals(6.51, c.latencySeconds(), EPS);
        assertEquals(5.5, c.uplinkBusySeconds(), EPS);
        assertEquals(5.0, c.parameterSeconds(), EPS);
        assertEquals(0.51, c.idleSeconds(), EPS);          // [0, 6.01] minus [0, 5.5]
        assertEquals(4 + 16.5 + 0.51, c.energyJoules(), EPS);
        assertEquals(6.51 + 0.5 * 21.01, c.objective(), EPS);
        assertEquals(List.of("a"), c.sentTensors());
    }

    @Test
    void chainSerialByHand() {
        DnnGraph g = chain();
        UploadCost c = problem(g, UploadMode.SERIAL).evaluate(Placement.ofEdgeLayers(g, List.of("b", "c")));
        assertTimeline(List.of(
                ev(C, "a", Resource.DEVICE, 0, 2),
                ev(F, "a", Resource.UPLINK, 2, 2.5),
                ev(P, "b", Resource.UPLINK, 2.5, 4.5),
                ev(C, "b", Resource.EDGE, 4.5, 4.6),
                ev(P, "c", Resource.UPLINK, 4.6, 7.6),
                ev(C, "c", Resource.EDGE, 7.6, 8.1),
                ev(R, "c", Resource.DOWNLINK, 8.1, 8.11)), c.timeline());
        assertEquals(8.61, c.latencySeconds(), EPS);
        assertEquals(0.61, c.idleSeconds(), EPS);
    }

    @Test
    void chainPreloadedByHandEqualsP1() {
        DnnGraph g = chain();
        Placement plan = Placement.ofEdgeLayers(g, List.of("b", "c"));
        UploadProblem p = problem(g, UploadMode.PRELOADED);
        UploadCost c = p.evaluate(plan);
        assertTimeline(List.of(
                ev(C, "a", Resource.DEVICE, 0, 2),
                ev(F, "a", Resource.UPLINK, 2, 2.5),
                ev(C, "b", Resource.EDGE, 2.5, 2.6),
                ev(C, "c", Resource.EDGE, 2.6, 3.1),
                ev(R, "c", Resource.DOWNLINK, 3.1, 3.11)), c.timeline());
        assertEquals(3.61, c.latencySeconds(), EPS);
        PartitionCost p1 = p.asPartitionProblem().evaluate(plan);
        assertEquals(p1.latencySeconds(), c.latencySeconds(), EPS);
        assertEquals(p1.energyJoules(), c.energyJoules(), EPS);
    }

    @Test
    void dagParallelAndSerialByHand() {
        DnnGraph g = dag();
        Placement plan = Placement.ofEdgeLayers(g, List.of("b", "c"));
        UploadCost par = problem(g, UploadMode.PARALLEL).evaluate(plan);
        // features "in" (for b) and "a" (for c) are both ready at D = 1: topological order.
        assertTimeline(List.of(
                ev(C, "a", Resource.DEVICE, 0, 1),
                ev(P, "b", Resource.UPLINK, 0, 1),
                ev(F, "in", Resource.UPLINK, 1, 2),
                ev(F, "a", Resource.UPLINK, 2, 2.2),
                ev(P, "c", Resource.UPLINK, 2.2, 6.2),
                ev(C, "b", Resource.EDGE, 2.2, 2.4),
                ev(C, "c", Resource.EDGE, 6.2, 6.5),
                ev(R, "c", Resource.DOWNLINK, 6.5, 6.505)), par.timeline());
        assertEquals(7.005, par.latencySeconds(), EPS);
        assertEquals(List.of("in", "a"), par.sentTensors());
        assertEquals(0.305, par.idleSeconds(), EPS);
        UploadCost ser = problem(g, UploadMode.SERIAL).evaluate(plan);
        assertTimeline(List.of(
                ev(C, "a", Resource.DEVICE, 0, 1),
                ev(F, "in", Resource.UPLINK, 1, 2),
                ev(F, "a", Resource.UPLINK, 2, 2.2),
                ev(P, "b", Resource.UPLINK, 2.2, 3.2),
                ev(C, "b", Resource.EDGE, 3.2, 3.4),
                ev(P, "c", Resource.UPLINK, 3.4, 7.4),
                ev(C, "c", Resource.EDGE, 7.4, 7.7),
                ev(R, "c", Resource.DOWNLINK, 7.7, 7.705)), ser.timeline());
        assertEquals(8.205, ser.latencySeconds(), EPS);
    }

    @Test
    void aStartedParameterUploadBlocksTheFeatureAndLayersWithoutParametersNeedNoUpload() {
        DnnGraph g = blocking();
        Placement plan = Placement.ofEdgeLayers(g, List.of("b", "r", "d"));
        UploadCost par = problem(g, UploadMode.PARALLEL).evaluate(plan);
        assertTimeline(List.of(
                ev(C, "a", Resource.DEVICE, 0, 4),
                ev(P, "b", Resource.UPLINK, 0, 3),
                ev(P, "d", Resource.UPLINK, 3, 4.5),   // started before D = 4: not pre-empted
                ev(F, "a", Resource.UPLINK, 4.5, 5.5),
                ev(C, "b", Resource.EDGE, 5.5, 5.6),
                ev(C, "r", Resource.EDGE, 5.6, 5.61),
                ev(C, "d", Resource.EDGE, 5.61, 5.81),
                ev(R, "d", Resource.DOWNLINK, 5.81, 5.8108)), par.timeline());
        assertEquals(6.3108, par.latencySeconds(), EPS);
        UploadCost ser = problem(g, UploadMode.SERIAL).evaluate(plan);
        assertTimeline(List.of(
                ev(C, "a", Resource.DEVICE, 0, 4),
                ev(F, "a", Resource.UPLINK, 4, 5),
                ev(P, "b", Resource.UPLINK, 5, 8),
                ev(C, "b", Resource.EDGE, 8, 8.1),
                ev(C, "r", Resource.EDGE, 8.1, 8.11),
                ev(P, "d", Resource.UPLINK, 8.11, 9.61),
                ev(C, "d", Resource.EDGE, 9.61, 9.81),
                ev(R, "d", Resource.DOWNLINK, 9.81, 9.8108)), ser.timeline());
        assertEquals(10.3108, ser.latencySeconds(), EPS);
    }

    @Test
    void deviceOnlyHasNoCommunication() {
        DnnGraph g = chain();
        UploadCost c = problem(g, UploadMode.PARALLEL).evaluate(Placement.allDevice(g.size()));
        assertEquals(8.0, c.latencySeconds(), EPS);
        assertEquals(0, c.uplinkBusySeconds());
        assertEquals(0, c.linkLatencySeconds());
        assertEquals(16.0, c.energyJoules(), EPS);
    }

    @Test
    void rejectsANonMonotonePlanNamingTheArc() {
        DnnGraph g = chain();
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> problem(g, UploadMode.PARALLEL).evaluate(Placement.ofEdgeLayers(g, List.of("a"))));
        assertTrue(e.getMessage().contains("\"a\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UploadMode.fromKey("eager"));
    }

    static java.util.stream.LongStream seeds() {
        return Seeds.of(51, 200);
    }

    private static List<Placement> allPlacements(DnnGraph g) {
        List<Placement> all = new ArrayList<>();
        OrderIdeals.forEach(g, Long.MAX_VALUE, () -> false, x -> all.add(Placement.of(x)));
        return all;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void preloadedReproducesP1OnEveryPlacement(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        UploadProblem p = RandomUploadInstances.random(seed, shape, 1 + (int) (seed % 9), UploadMode.PRELOADED,
                RandomPartitionInstances.WeightMode.ANY);
        for (Placement x : allPlacements(p.graph())) {
            UploadCost c = p.evaluate(x);
            PartitionCost p1 = p.asPartitionProblem().evaluate(x);
            assertTrue(Verifier.close(p1.latencySeconds(), c.latencySeconds(), 1e-12), seed + " " + x);
            assertTrue(Verifier.close(p1.energyJoules(), c.energyJoules(), 1e-12), seed + " " + x);
            assertTrue(Verifier.close(p1.objective(), c.objective(), 1e-12), seed + " " + x);
            assertEquals(p1.sentTensors(), c.sentTensors());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parallelNeverLosesToSerialAndPreloadedNeverLosesToParallel(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        UploadProblem p = RandomUploadInstances.random(seed, shape, 1 + (int) (seed % 9), UploadMode.PARALLEL,
                RandomPartitionInstances.WeightMode.LATENCY);
        for (Placement x : allPlacements(p.graph())) {
            double par = p.evaluate(x).latencySeconds();
            double ser = p.withMode(UploadMode.SERIAL).evaluate(x).latencySeconds();
            double pre = p.withMode(UploadMode.PRELOADED).evaluate(x).latencySeconds();
            assertTrue(par <= ser * (1 + 1e-12), seed + " " + x + ": parallel " + par + " > serial " + ser);
            assertTrue(pre <= par * (1 + 1e-12), seed + " " + x + ": preloaded " + pre + " > parallel " + par);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void timelinesAreConsistent(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        UploadMode mode = UploadMode.values()[(int) (seed % 3)];
        UploadProblem p = RandomUploadInstances.random(seed, shape, 1 + (int) (seed % 9), mode,
                RandomPartitionInstances.WeightMode.ANY);
        for (Placement x : allPlacements(p.graph())) {
            UploadCost c = p.evaluate(x);
            for (Resource r : Resource.values()) {
                double free = 0;
                for (TimelineEvent e : c.timeline()) {
                    if (e.resource() == r) {
                        assertTrue(e.startSeconds() >= free - 1e-12 * Math.max(1, free), "overlap on " + r + ": " + e);
                        free = e.endSeconds();
                    }
                }
            }
            for (TimelineEvent e : c.timeline()) {
                assertTrue(e.endSeconds() <= c.latencySeconds() * (1 + 1e-12), e.toString());
            }
        }
    }
}
