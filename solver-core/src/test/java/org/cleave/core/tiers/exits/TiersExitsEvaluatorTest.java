package org.cleave.core.tiers.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierAssignments;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.TiersCost;
import org.cleave.core.tiers.TiersProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TiersExitsEvaluatorTest {
    private static final double REL = 1e-12;

    static java.util.stream.LongStream seeds() {
        return Seeds.of(31, 200);
    }

    /**
     * in (1000 B) → a (1 GFLOP, 1000 B) → b (2 GFLOP, 100 B, output); exit x after a (0.1 GFLOP,
     * rate 0.5, accuracy 0.6), final accuracy 0.9. Device 1 GFLOP/s (2, 1, 0.5 W), edge 10 GFLOP/s,
     * cloud 100 GFLOP/s; link 1 80 kbit/s both ways, 10 ms; link 2 800 kbit/s, 20 ms. Plan: x
     * active, in | a | b on device | edge | cloud. reach = (1, 1, 0.5), cont(in) = 1, cont(a) = 0.5,
     * stops x at a (0.5) and final at b (0.5).
     * <pre>
     *   edge  = 1·0.1 + 1·0.01 (branch)          = 0.11      cloud = 0.5·0.02          = 0.01
     *   up1   = 1·8000/8e4                        = 0.1       up2   = 0.5·8000/8e5      = 0.005
     *   down1 = (0.5 + 0.5)·800/8e4               = 0.01      down2 = 0.5·800/8e5       = 0.0005
     *   lat1  = 0.01·(0.5 + 0.5)                  = 0.01      lat2  = 0.02·0.5          = 0.01
     *   T = 0.2555 s;  E = 1·0.1 + 0.5·(0.11 + 0.01 + 0.005 + 0.01 + 0.0005) = 0.16775 J;  acc = 0.75
     * </pre>
     */
    @Test
    void addsUpTheHandCheckedTerms() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 1e9, 1000, 0))
                .addLayer(new Layer("b", 2e9, 100, 0)).addArc("in", "a").addArc("a", "b")
                .addExit(new Exit("x", "a", 1e8, 0.5, 0.6)).build();
        TiersExitsProblem p = new TiersExitsProblem(g, new Device(1e9, 2, 1, 0.5), new EdgeServer(1e10),
                new CloudServer(1e11), new Link(8e4, 8e4, 0.01), new Link(8e5, 8e5, 0.02), 0, 0.9,
                new ExitsProblem.MinCost(CostWeights.LATENCY, 0.7, OptionalDouble.of(0.25)));
        TiersExitsCost c = p.evaluate(new TierExitPlan(List.of("x"), new TierPlacement(new int[] {0, 1, 2})));
        assertEquals(0, c.deviceComputeSeconds(), 1e-15);
        assertEquals(0.11, c.edgeComputeSeconds(), 1e-15);
        assertEquals(0.01, c.cloudComputeSeconds(), 1e-15);
        assertEquals(0.1, c.link1UploadSeconds(), 1e-15);
        assertEquals(0.005, c.link2UploadSeconds(), 1e-15);
        assertEquals(0.01, c.link1DownloadSeconds(), 1e-15);
        assertEquals(0.0005, c.link2DownloadSeconds(), 1e-15);
        assertEquals(0.01, c.link1LatencySeconds(), 1e-15);
        assertEquals(0.01, c.link2LatencySeconds(), 1e-15);
        assertEquals(0.2555, c.latencySeconds(), 1e-14);
        assertEquals(0.16775, c.energyJoules(), 1e-14);
        assertEquals(0.75, c.accuracy(), 1e-15);
        assertEquals(0.2555, c.objective(), 1e-14);
        assertEquals(List.of("in"), c.sentOverLink1());
        assertEquals(List.of("a"), c.sentOverLink2());
        assertEquals(1, c.violations().size(), c.violations().toString());
        assertTrue(c.violations().get(0).contains("maxLatencySeconds"), c.violations().toString());
        assertEquals(Family.EXITS_TIERS, p.family());
        assertEquals(Family.EXITS_TIERS, Family.fromKey("exits-tiers"));
        assertEquals("P2-3T", Family.EXITS_TIERS.code());
    }

    @Test
    void rejectsANonMonotonePlanAndAnUnknownExit() {
        TiersExitsProblem p = RandomTiersExitsInstances.exitsTiers(5, RandomGraphs.Shape.CHAIN, 4, 0);
        assertThrows(InvalidModelException.class,
                () -> p.evaluate(TierExitPlan.withoutExits(new TierPlacement(new int[] {0, 2, 1, 2, 2}))));
        assertThrows(InvalidModelException.class,
                () -> p.evaluate(new TierExitPlan(List.of("nope"), new TierPlacement(new int[5]))));
    }

    /**
     * Reduction to P2: for every plan that leaves the cloud unused, every exit set, the three-tier
     * cost equals P2's ({@link ExitsProblem}, {@link TiersExitsProblem#deviceEdge}) on the same exits
     * and placement: latency, energy, accuracy, objective and feasibility.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalsP2WhenTheCloudIsUnused(long seed) {
        TiersExitsProblem p = RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.values()[(int) (seed % 4)],
                1 + (int) (seed % 8), 3);
        ExitsProblem p2 = p.deviceEdge();
        int[] checked = {0};
        for (List<String> set : TiersExitsBruteForce.exitSets(p)) {
            TierAssignments.forEach(p.graph(), 20_000, () -> false, tiers -> {
                for (int t : tiers) {
                    if (t == 2) {
                        return;
                    }
                }
                TierPlacement x = new TierPlacement(tiers);
                TiersExitsCost c3 = p.evaluate(new TierExitPlan(set, x));
                ExitsCost c2 = p2.evaluate(new ExitPlan(set, x.beyond(Tier.EDGE)));
                String label = "seed " + seed + " exits " + set + " " + x;
                close(c2.latencySeconds(), c3.latencySeconds(), label + " latency");
                close(c2.energyJoules(), c3.energyJoules(), label + " energy");
                close(c2.objective(), c3.objective(), label + " objective");
                assertEquals(c2.accuracy(), c3.accuracy(), label + " accuracy");
                assertEquals(c2.feasible(), c3.feasible(), label + " feasibility");
                assertEquals(0, c3.cloudComputeSeconds() + c3.link2UploadSeconds() + c3.link2DownloadSeconds()
                        + c3.link2LatencySeconds(), label);
                checked[0]++;
            });
        }
        assertTrue(checked[0] > 0, "seed " + seed);
    }

    /**
     * Reduction to P1-3T: with no exit active, every monotone plan (cloud included) costs what
     * {@link TiersProblem} says on the same tiers and weights, term by term.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalsP1ThreeTiersWithoutExits(long seed) {
        TiersExitsProblem p = RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.values()[(int) (seed % 4)],
                1 + (int) (seed % 8), 3);
        TiersProblem p1 = p.withoutExits();
        TiersCoefficients coefficients = p.loads(p.profile(List.of())).coefficients(p.variant().weights(), p);
        TierAssignments.forEach(p.graph(), 20_000, () -> false, tiers -> {
            TierPlacement x = new TierPlacement(tiers);
            TiersExitsCost c3 = p.evaluate(TierExitPlan.withoutExits(x));
            TiersCost c1 = p1.evaluate(x);
            String label = "seed " + seed + " " + x;
            close(c1.deviceComputeSeconds(), c3.deviceComputeSeconds(), label + " device");
            close(c1.edgeComputeSeconds(), c3.edgeComputeSeconds(), label + " edge");
            close(c1.cloudComputeSeconds(), c3.cloudComputeSeconds(), label + " cloud");
            close(c1.link1UploadSeconds(), c3.link1UploadSeconds(), label + " up1");
            close(c1.link2UploadSeconds(), c3.link2UploadSeconds(), label + " up2");
            close(c1.link1DownloadSeconds(), c3.link1DownloadSeconds(), label + " down1");
            close(c1.link2DownloadSeconds(), c3.link2DownloadSeconds(), label + " down2");
            close(c1.link1LatencySeconds(), c3.link1LatencySeconds(), label + " lat1");
            close(c1.link2LatencySeconds(), c3.link2LatencySeconds(), label + " lat2");
            close(c1.latencySeconds(), c3.latencySeconds(), label + " latency");
            close(c1.energyJoules(), c3.energyJoules(), label + " energy");
            close(c1.objective(), c3.objective(), label + " objective");
            assertEquals(c1.sentOverLink1(), c3.sentOverLink1(), label);
            assertEquals(c1.sentOverLink2(), c3.sentOverLink2(), label);
            close(c1.objective(), coefficients.cost(p.graph(), tiers), label + " coefficients");
        });
    }

    /**
     * The doubled network's coefficients ({@link TiersExpectedLoads#coefficients}) price every plan
     * of every exit set at the evaluator's objective: the representability the min-cut relies on.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void coefficientsPriceEveryPlanAsTheEvaluator(long seed) {
        TiersExitsProblem p = RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.values()[(int) (seed % 4)],
                1 + (int) (seed % 8), 3);
        for (List<String> set : TiersExitsBruteForce.exitSets(p)) {
            var profile = p.profile(set);
            var loads = p.loads(profile);
            TiersCoefficients c = loads.coefficients(p.variant().weights(), p);
            TierAssignments.forEach(p.graph(), 20_000, () -> false, tiers -> close(
                    p.evaluate(new TierExitPlan(set, new TierPlacement(tiers))).objective(),
                    c.cost(p.graph(), tiers), "seed " + seed + " exits " + set));
        }
    }

    @Test
    void randomInstancesAreReproducibleAndVaried() {
        List<Integer> exits = new ArrayList<>();
        int bounded = 0;
        for (long seed = 0; seed < 60; seed++) {
            TiersExitsProblem a = RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.LAYERED, 8, 3);
            TiersExitsProblem b = RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.LAYERED, 8, 3);
            assertEquals(a, b, "seed " + seed);
            exits.add(a.graph().exits().size());
            bounded += a.maxLatencySeconds().isPresent() ? 1 : 0;
        }
        assertTrue(exits.contains(0) && exits.stream().anyMatch(k -> k >= 2), exits.toString());
        assertTrue(bounded > 5 && bounded < 55, "bounded " + bounded);
    }

    private static void close(double expected, double actual, String label) {
        assertTrue(Verifier.close(expected, actual, REL), label + ": expected " + expected + " got " + actual);
    }
}
