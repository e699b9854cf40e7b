package org.cleave.algorithms.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsBruteForce;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * P2 agreement: on 1,200 seeded instances (four shapes, 1–12 layers after the input, up to 3 exits,
 * both variants, with and without latency bounds) exit-set enumeration × min-cut equals brute
 * force over all (exit set, order ideal) pairs to 1e-9 relative, including INFEASIBLE verdicts;
 * and DAPDEE's inverse search against the optimum in variant (b).
 */
class ExitsDifferentialTest {
    private static final MinCutExitsSolver MINCUT = new MinCutExitsSolver();
    private static final InverseSearchExitsSolver INVERSE = new InverseSearchExitsSolver();
    /** minCost, rightSizing, infeasible, latency-bound enumerations, pairs; enumerations in the binding test. */
    private static final AtomicLongArray COUNTS = new AtomicLongArray(6);

    static LongStream seeds() {
        return Seeds.of(4242, 1200);
    }

    static ExitsProblem instance(long seed) {
        return RandomExitsInstances.exits(seed, RandomGraphs.Shape.values()[(int) (seed % 4)],
                1 + (int) ((seed / 4) % 12), 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void minCutEqualsBruteForce(long seed) {
        ExitsProblem p = instance(seed);
        String label = "seed " + seed + " " + p.graph() + " " + p.variant();
        Result<ExitPlan> r = MINCUT.solve(p);
        ExitsBruteForce.Optimum opt = ExitsBruteForce.solve(p);
        COUNTS.incrementAndGet(p.variant() instanceof ExitsProblem.MinCost ? 0 : 1);
        COUNTS.addAndGet(4, opt.pairs());
        assertTrue(Verifier.verify(p, r).ok(), label + ": " + Verifier.verify(p, r).defects());
        if (!opt.feasible()) {
            COUNTS.incrementAndGet(2);
            assertEquals(Status.INFEASIBLE, r.status(), label + ": " + r.message());
            return;
        }
        if (r.statistics().get("enumeratedPlacements").longValue() > 0) {
            COUNTS.incrementAndGet(3);
        }
        assertEquals(Status.OPTIMAL, r.status(), label + ": " + r.message());
        assertTrue(Verifier.close(opt.objective(), r.objective(), 1e-9),
                label + ": brute force " + opt.objective() + ", mincut " + r.objective());
        if (p.variant() instanceof ExitsProblem.RightSizing) {
            assertTrue(Verifier.close(opt.latency(), p.evaluate(r.planOrThrow()).latencySeconds(), 1e-9), label);
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf(Locale.ROOT, "P2 agreement: %d instances (%d variant a, %d variant b), %d infeasible,"
                        + " %d solved through the latency-bound enumeration, %d (exit set, ideal) pairs brute-forced%n",
                COUNTS.get(0) + COUNTS.get(1), COUNTS.get(0), COUNTS.get(1), COUNTS.get(2), COUNTS.get(3),
                COUNTS.get(4));
        System.out.printf(Locale.ROOT, "P2 binding latency bounds: 200 energy-weighted instances, %d solved through"
                + " the latency-bound enumeration%n", COUNTS.get(5));
        assertTrue(COUNTS.get(0) + COUNTS.get(1) < 1000 || (COUNTS.get(0) > 300 && COUNTS.get(1) > 300
                && COUNTS.get(2) > 20 && COUNTS.get(3) > 3), "the instance mix covers every path: " + COUNTS);
    }

    static LongStream monotoneSeeds() {
        return Seeds.of(77, 300);
    }

    /** Instance {@code seed} as right-sizing with accuracies strictly increasing in depth. */
    static ExitsProblem monotoneRightSizing(long seed) {
        ExitsProblem p = instance(seed);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Exit> exits = p.graph().exits();
        double[] acc = rng.doubles(exits.size() + 1, 0.3, 0.99).sorted().toArray();
        List<Exit> monotone = new java.util.ArrayList<>();
        for (int j = 0; j < exits.size(); j++) {
            Exit e = exits.get(j);
            monotone.add(new Exit(e.id(), e.afterLayer(), e.flops(), e.exitRate(), acc[j]));
        }
        double bound = p.maxLatencySeconds().orElse(1.0);
        return new ExitsProblem(p.graph().withExits(monotone), p.device(), p.edge(), p.link(), p.deviceLoad(),
                acc[exits.size()], new ExitsProblem.RightSizing(bound));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("monotoneSeeds")
    void inverseSearchIsExactWhenAccuracyIncreasesWithDepth(long seed) {
        ExitsProblem p = monotoneRightSizing(seed);
        Result<ExitPlan> exact = MINCUT.solve(p);
        Result<ExitPlan> inverse = INVERSE.solve(p);
        assertTrue(Verifier.verify(p, inverse).ok(), Verifier.verify(p, inverse).defects().toString());
        if (exact.status() == Status.INFEASIBLE) {
            assertEquals(Status.INFEASIBLE, inverse.status(), "seed " + seed + ": " + inverse.message());
            return;
        }
        assertEquals(exact.objective(), inverse.objective(), "seed " + seed);
        assertTrue(Verifier.close(p.evaluate(exact.planOrThrow()).latencySeconds(),
                p.evaluate(inverse.planOrThrow()).latencySeconds(), 1e-9), "seed " + seed);
    }

    @Test
    void inverseSearchFallsShortWhenAccuracyIsNotMonotone() {
        // A shallow exit that is more accurate (0.85) than the deeper one (0.60); L = 0.25 s rules out the
        // full model (0.3 s). Walking from the deepest, inverse search stops at the deep exit.
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 1e8, 1000, 0))
                .addLayer(new Layer("b", 1e8, 1000, 0)).addLayer(new Layer("c", 1e8, 40, 0))
                .addArc("in", "a").addArc("a", "b").addArc("b", "c")
                .addExit(new Exit("shallow", "a", 1e6, 0.5, 0.85)).addExit(new Exit("deep", "b", 1e6, 0.8, 0.60))
                .build();
        ExitsProblem p = new ExitsProblem(g, new Device(1e9, 1, 1, 0.1), new EdgeServer(1e9),
                new Link(8e3, 8e3, 0), 0, 0.8, new ExitsProblem.RightSizing(0.25));
        Result<ExitPlan> exact = MINCUT.solve(p);
        Result<ExitPlan> inverse = INVERSE.solve(p);
        System.out.printf(Locale.ROOT, "non-monotone accuracy: mincut picks %s (accuracy %.2f, %.3f s),"
                        + " inverse-search picks %s (accuracy %.2f, %.3f s)%n",
                exact.planOrThrow().activeExits(), exact.objective(),
                p.evaluate(exact.planOrThrow()).latencySeconds(), inverse.planOrThrow().activeExits(),
                inverse.objective(), p.evaluate(inverse.planOrThrow()).latencySeconds());
        assertEquals(List.of("shallow"), exact.planOrThrow().activeExits());
        assertEquals(0.85, exact.objective(), 1e-15);
        assertEquals(List.of("deep"), inverse.planOrThrow().activeExits());
        assertEquals(0.60, inverse.objective(), 1e-15);
        assertEquals(Status.FEASIBLE, inverse.status());
    }

    @Test
    void bothP2SolversAreRegistered() {
        List<String> ids = Solvers.of(Family.EXITS).stream().map(Solver::id).toList();
        assertTrue(ids.containsAll(List.of("mincut", "inverse-search")), ids.toString());
    }

    static LongStream bindingSeeds() {
        return Seeds.of(909, 200);
    }

    /**
     * Variant (a) with energy-only weights and a latency bound set below the latency of the
     * minimum-energy plan of the full model, so that the bound often binds and the
     * ideal-enumeration path of {@code mincut} runs.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("bindingSeeds")
    void bindingLatencyBoundsAgreeWithBruteForce(long seed) {
        ExitsProblem base = instance(seed);
        ExitsProblem energy = base.withVariant(new ExitsProblem.MinCost(
                org.cleave.core.model.CostWeights.ENERGY, 0, OptionalDouble.empty()));
        Result<ExitPlan> free = MINCUT.solve(energy);
        double latency = energy.evaluate(free.planOrThrow()).latencySeconds();
        double bound = latency * (0.5 + new SplittableRandom(seed).nextDouble() * 0.6);
        ExitsProblem p = base.withVariant(new ExitsProblem.MinCost(org.cleave.core.model.CostWeights.ENERGY,
                0, OptionalDouble.of(bound)));
        Result<ExitPlan> r = MINCUT.solve(p);
        ExitsBruteForce.Optimum opt = ExitsBruteForce.solve(p);
        assertTrue(Verifier.verify(p, r).ok(), "seed " + seed + ": " + Verifier.verify(p, r).defects());
        if (!opt.feasible()) {
            assertEquals(Status.INFEASIBLE, r.status(), "seed " + seed);
            return;
        }
        if (r.statistics().get("enumeratedPlacements").longValue() > 0) {
            COUNTS.incrementAndGet(5);
        }
        assertEquals(Status.OPTIMAL, r.status(), "seed " + seed + ": " + r.message());
        assertTrue(Verifier.close(opt.objective(), r.objective(), 1e-9),
                "seed " + seed + ": brute force " + opt.objective() + ", mincut " + r.objective());
    }

    @Test
    void aLatencyBoundThatBindsIsSolvedExactly() {
        // Energy only: all on the device is cheapest (0.2 J) but takes 2 s; the bound of 1.5 s forces offloading b
        // (1.1 s, 0.6 J of idle power) rather than both layers (0.21 s, 1.0 J).
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 1e9, 100, 0))
                .addLayer(new Layer("b", 1e9, 10, 0)).addArc("in", "a").addArc("a", "b").build();
        ExitsProblem p = new ExitsProblem(g, new Device(1e9, 0.1, 1, 5), new EdgeServer(1e10),
                new Link(1e6, 1e6, 0), 0, 0.9, new ExitsProblem.MinCost(
                new org.cleave.core.model.CostWeights(0, 1), 0, OptionalDouble.of(1.5)));
        Result<ExitPlan> r = MINCUT.solve(p);
        ExitsBruteForce.Optimum opt = ExitsBruteForce.solve(p);
        assertEquals(Status.OPTIMAL, r.status());
        assertTrue(r.statistics().get("enumeratedPlacements").longValue() > 0, r.statistics().toString());
        assertTrue(Verifier.close(opt.objective(), r.objective(), 1e-12));
        assertEquals(List.of("b"), r.planOrThrow().placement().edgeLayerIds(g));
        assertTrue(p.evaluate(r.planOrThrow()).latencySeconds() <= 1.5);
    }
}
