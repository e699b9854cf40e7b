package org.cleave.core.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Sense;
import org.cleave.core.testing.Seeds;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The P2 and P3 evaluators on a hand-computed example, and P2 without exits equals P1. */
class ExitsEvaluatorTest {
    // in (1000 B) -> a (1e8 FLOPs, 2000 B) -> b (1e8 FLOPs, 100 B); exit x after a (1e7 FLOPs, rate 0.6, acc 0.7)
    static final DnnGraph G = DnnGraph.builder().addLayer(Layer.input("in", 1000))
            .addLayer(new Layer("a", 1e8, 2000, 0)).addLayer(new Layer("b", 1e8, 100, 0))
            .addArc("in", "a").addArc("a", "b").addExit(new Exit("x", "a", 1e7, 0.6, 0.7)).build();
    static final Device DEVICE = new Device(1e9, 2, 1, 0.5);
    static final EdgeServer EDGE = new EdgeServer(1e10);
    static final Link LINK = new Link(8e4, 8e5, 0.01);
    static final Placement A_ON_DEVICE = Placement.ofEdgeLayers(G, List.of("b"));

    static ExitsProblem minCost() {
        return new ExitsProblem(G, DEVICE, EDGE, LINK, 0, 0.9,
                new ExitsProblem.MinCost(new CostWeights(1, 0.5), 0.75, OptionalDouble.of(0.2)));
    }

    @Test
    void paysEveryTermWithItsReachProbability() {
        ExitsCost c = minCost().evaluate(new ExitPlan(List.of("x"), A_ON_DEVICE));
        assertEquals(0.11, c.deviceComputeSeconds(), 1e-12, "a (0.1 s) and branch x (0.01 s), reach 1");
        assertEquals(0.08, c.uploadSeconds(), 1e-12, "a's tensor (0.2 s) for the 40 % that go on");
        assertEquals(0.004, c.edgeComputeSeconds(), 1e-12);
        assertEquals(0.0004, c.downloadSeconds(), 1e-12);
        assertEquals(0.004, c.linkLatencySeconds(), 1e-12);
        assertEquals(0.1984, c.latencySeconds(), 1e-12);
        assertEquals(0.3022, c.energyJoules(), 1e-12);
        assertEquals(0.78, c.accuracy(), 1e-12);
        assertEquals(0.1984 + 0.5 * 0.3022, c.objective(), 1e-12);
        assertEquals(List.of(new ExitsCost.Share("x", "a", 0.6, 0.7), new ExitsCost.Share("final", "b", 0.4, 0.9)),
                c.stops().stream().map(s -> new ExitsCost.Share(s.stop(), s.afterLayer(),
                        Math.round(s.share() * 1e12) / 1e12, s.accuracy())).toList());
        assertEquals(List.of("a"), c.sentTensors());
        assertTrue(c.feasible(), c.violations().toString());
        assertEquals(Sense.MINIMIZE, minCost().sense());
    }

    @Test
    void reportsViolatedAccuracyAndLatency() {
        ExitsCost c = minCost().evaluate(new ExitPlan(List.of("x"), Placement.allDevice(3)));
        assertEquals(0.1 + 0.01 + 0.4 * 0.1, c.latencySeconds(), 1e-12);
        assertTrue(c.feasible());
        ExitsProblem strict = minCost().withVariant(new ExitsProblem.MinCost(CostWeights.LATENCY, 0.8,
                OptionalDouble.of(0.1)));
        List<String> v = strict.evaluate(new ExitPlan(List.of("x"), Placement.allDevice(3))).violations();
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.get(0).contains("minAccuracy") && v.get(1).contains("maxLatencySeconds"), v.toString());
    }

    @Test
    void rightSizingTruncatesAtTheExitAndMaximisesAccuracy() {
        ExitsProblem b = minCost().withVariant(new ExitsProblem.RightSizing(0.2));
        assertEquals(Sense.MAXIMIZE, b.sense());
        ExitsCost c = b.evaluate(new ExitPlan(List.of("x"), Placement.allDevice(3)));
        assertEquals(0.11, c.latencySeconds(), 1e-12, "b is never run");
        assertEquals(0.7, c.objective(), 1e-15);
        ExitsCost full = b.evaluate(ExitPlan.withoutExits(Placement.allDevice(3)));
        assertEquals(0.9, full.objective(), 1e-15);
        assertEquals(0.2, full.latencySeconds(), 1e-12);
        assertThrows(InvalidModelException.class, () -> b.evaluate(new ExitPlan(List.of("x", "x"),
                Placement.allDevice(3))));
    }

    @Test
    void throughputStagesUseTheSameExpectedLoads() {
        ThroughputProblem p = new ThroughputProblem(G, DEVICE, EDGE, LINK, 0, 0.9, 0.5, OptionalDouble.of(10));
        ThroughputCost c = p.evaluate(new ExitPlan(List.of("x"), A_ON_DEVICE));
        assertEquals(0.11, c.deviceStageSeconds(), 1e-12);
        assertEquals(0.08, c.uplinkStageSeconds(), 1e-12);
        assertEquals(0.004, c.edgeStageSeconds(), 1e-12);
        assertEquals(0.11, c.periodSeconds(), 1e-12);
        assertEquals(ThroughputCost.Stage.DEVICE, c.bottleneck());
        assertFalse(c.feasible(), "0.11 s does not sustain 10 frames/s");
        assertTrue(c.violations().get(0).contains("frameRatePerSecond"), c.violations().toString());
    }

    @Test
    void rejectsAnExitAfterTheOutputAndUnknownExits() {
        DnnGraph withFinal = G.toBuilder().addExit(new Exit("f", "b", 0, 1, 0.9)).build();
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new ExitsProblem(withFinal, DEVICE,
                EDGE, LINK, 0, 0.9, new ExitsProblem.RightSizing(1)));
        assertTrue(e.getMessage().contains("finalAccuracy"), e.getMessage());
        InvalidModelException u = assertThrows(InvalidModelException.class,
                () -> minCost().evaluate(new ExitPlan(List.of("nope"), Placement.allDevice(3))));
        assertTrue(u.getMessage().contains("unknown exit \"nope\""), u.getMessage());
    }

    @Test
    void liftingAFinalExitChargesItsFlopsOnTheOutputLayer() {
        DnnGraph withFinal = G.toBuilder().addExit(new Exit("f", "b", 5e7, 1, 0.88)).build();
        FinalClassifier f = FinalClassifier.lift(withFinal).orElseThrow();
        assertEquals(0.88, f.accuracy());
        assertEquals(List.of("x"), f.graph().exits().stream().map(Exit::id).toList());
        assertEquals(1.5e8, f.graph().output().flops());
        assertTrue(FinalClassifier.lift(G).isEmpty());
        ExitsProblem p = new ExitsProblem(f.graph(), DEVICE, EDGE, LINK, 0, f.accuracy(),
                new ExitsProblem.RightSizing(1));
        assertEquals(0.25, p.evaluate(ExitPlan.withoutExits(Placement.allDevice(3))).latencySeconds(), 1e-12);
    }

    static java.util.stream.LongStream seeds() {
        return Seeds.of(41, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withoutExitsItIsP1(long seed) {
        PartitionProblem p1 = RandomPartitionInstances.partition(seed, RandomGraphs.Shape.values()[(int) (seed % 4)],
                1 + (int) (seed % 10), RandomPartitionInstances.WeightMode.ANY);
        ExitsProblem p2 = new ExitsProblem(p1.graph(), p1.device(), p1.edge(), p1.link(), p1.deviceLoad(), 1,
                new ExitsProblem.MinCost(p1.weights(), 0, OptionalDouble.empty()));
        OrderIdeals.forEach(p1.graph(), 10_000, () -> false, onEdge -> {
            Placement x = Placement.of(onEdge);
            PartitionCost a = p1.evaluate(x);
            ExitsCost b = p2.evaluate(ExitPlan.withoutExits(x));
            assertEquals(a.objective(), b.objective(), 1e-12 * Math.max(1, a.objective()));
            assertEquals(a.latencySeconds(), b.latencySeconds(), 1e-12 * Math.max(1, a.latencySeconds()));
            assertEquals(a.energyJoules(), b.energyJoules(), 1e-12 * Math.max(1, a.energyJoules()));
            assertEquals(a.sentTensors(), b.sentTensors());
        });
    }
}
