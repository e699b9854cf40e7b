package org.cleave.algorithms.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
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
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputBruteForce;
import org.cleave.core.throughput.ThroughputProblem;
import org.junit.jupiter.api.Test;

/**
 * P3 bounds: on 500 seeded small instances (four shapes, 1–10 layers, up to 2 exits, no frame
 * rate) enumeration equals brute force, and DSH and inverse search (heavy mode) are never below
 * the optimum; their mean and maximum relative gaps are printed. Then DADS' mode switch.
 */
class ThroughputDifferentialTest {
    private static final EnumerationThroughputSolver ENUMERATE = new EnumerationThroughputSolver();
    private static final DshThroughputSolver DSH = new DshThroughputSolver();
    private static final InverseSearchThroughputSolver INVERSE = new InverseSearchThroughputSolver();
    private static final DadsModeSwitchThroughputSolver SWITCH = new DadsModeSwitchThroughputSolver();

    static ThroughputProblem instance(long seed) {
        return RandomThroughputInstances.throughput(seed, RandomGraphs.Shape.values()[(int) (seed % 4)],
                1 + (int) ((seed / 4) % 10), 2).withFrameRate(OptionalDouble.empty());
    }

    @Test
    void dshAndInverseSearchNeverBeatTheOptimumAndTheirGapsAreReported() {
        List<Double> dshGaps = new ArrayList<>();
        List<Double> inverseGaps = new ArrayList<>();
        int infeasible = 0;
        int inverseNone = 0;
        for (long seed : Seeds.of(5150, 500).toArray()) {
            ThroughputProblem p = instance(seed);
            String label = "seed " + seed + " " + p.graph();
            ThroughputBruteForce.Optimum opt = ThroughputBruteForce.solve(p);
            Result<ExitPlan> exact = ENUMERATE.solve(p);
            Result<ExitPlan> dsh = DSH.solve(p);
            Result<ExitPlan> inverse = INVERSE.solve(p);
            for (Result<ExitPlan> r : List.of(exact, dsh, inverse)) {
                assertTrue(Verifier.verify(p, r).ok(), label + " " + r.solverId() + Verifier.verify(p, r).defects());
            }
            if (!opt.feasible()) {
                infeasible++;
                assertEquals(Status.INFEASIBLE, exact.status(), label);
                assertFalse(dsh.hasPlan(), label);
                continue;
            }
            assertEquals(Status.OPTIMAL, exact.status(), label);
            assertTrue(Verifier.close(opt.period(), exact.objective(), 1e-9), label);
            assertTrue(dsh.hasPlan(), label + ": " + dsh.message());
            assertTrue(dsh.objective() >= opt.period() * (1 - 1e-12), label + ": DSH below the optimum");
            dshGaps.add(dsh.objective() / opt.period() - 1);
            if (inverse.hasPlan()) {
                assertTrue(inverse.objective() >= opt.period() * (1 - 1e-12), label);
                inverseGaps.add(inverse.objective() / opt.period() - 1);
            } else {
                inverseNone++;
            }
        }
        System.out.printf(Locale.ROOT, "P3 over 500 instances (%d without a plan meeting the accuracy floor):%n", infeasible);
        System.out.println("  " + describe("dsh", dshGaps));
        System.out.println("  " + describe("inverse-search", inverseGaps) + ", no plan on " + inverseNone);
        assertTrue(dshGaps.size() > 350, "feasible instances: " + dshGaps.size());
    }

    static String describe(String id, List<Double> gaps) {
        double mean = gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double max = gaps.isEmpty() ? Double.NaN : Collections.max(gaps);
        long optimal = gaps.stream().filter(g -> g <= 1e-9).count();
        List<Double> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        double p95 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.floor(0.95 * (sorted.size() - 1)));
        return String.format(Locale.ROOT, "%s: %d plans, mean gap %.4f %%, 95th percentile %.4f %%, max gap %.4f %%,"
                + " optimal on %d (%.1f %%)", id, gaps.size(), 100 * mean, 100 * p95, 100 * max, optimal,
                100.0 * optimal / gaps.size());
    }

    static ThroughputProblem twoLayers(OptionalDouble frameRate) {
        // Device 1 GFLOP/s, edge 1.5 GFLOP/s, a and b 1 GFLOP each, 8 Mbit/s. Light load: all on the edge
        // (latency 0.1 + 1.333 = 1.433 s, period 1.333 s). Heavy load: a on the device, b on the edge
        // (period max(1, 0.01, 0.667) = 1 s). No plan has a period below 1 s.
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1e5)).addLayer(new Layer("a", 1e9, 1e4, 0))
                .addLayer(new Layer("b", 1e9, 10, 0)).addArc("in", "a").addArc("a", "b").build();
        return ThroughputProblem.of(g, new Device(1e9, 1, 1, 1), new EdgeServer(1.5e9), new Link(8e6, 8e6, 0))
                .withFrameRate(frameRate);
    }

    @Test
    void modeSwitchKeepsTheLightPlanUnderLightLoad() {
        ThroughputProblem p = twoLayers(OptionalDouble.of(0.7));
        Result<ExitPlan> r = SWITCH.solve(p);
        assertEquals(Status.FEASIBLE, r.status(), r.message());
        assertEquals("light", r.parameters().get("mode"));
        assertTrue(r.message().startsWith("light load"), r.message());
        assertEquals(2 / 1.5, r.objective(), 1e-12, "all on the edge: period = edge stage 1.333 s");
    }

    @Test
    void modeSwitchSolvesForThroughputUnderHeavyLoad() {
        ThroughputProblem p = twoLayers(OptionalDouble.of(0.9));
        Result<ExitPlan> r = SWITCH.solve(p);
        assertEquals(Status.FEASIBLE, r.status(), r.message());
        assertEquals("heavy", r.parameters().get("mode"));
        assertEquals("enumerate", r.parameters().get("heavySolver"));
        assertEquals(1.0, r.objective(), 1e-12, r.message());
        assertEquals(List.of("b"), r.planOrThrow().placement().edgeLayerIds(p.graph()));
        assertEquals(ENUMERATE.solve(p).objective(), r.objective(), 1e-15);
    }

    @Test
    void modeSwitchReportsAnUnsustainableFrameRateThroughStatusAndMessage() {
        ThroughputProblem p = twoLayers(OptionalDouble.of(2));
        Result<ExitPlan> r = SWITCH.solve(p);
        System.out.println("dads-switch at 2 frames/s: " + r.status() + " - " + r.message() + ", bound " + r.bound());
        assertEquals(Status.INFEASIBLE, r.status());
        assertTrue(r.message().contains("cannot be sustained"), r.message());
        assertEquals(1.0, r.bound(), 1e-12, "the least period is the bound");
        Result<ExitPlan> exact = ENUMERATE.solve(p);
        assertEquals(Status.INFEASIBLE, exact.status());
        assertEquals(r.bound(), exact.bound(), 1e-15);
        Result<ExitPlan> dsh = DSH.solve(p);
        assertEquals(Status.NO_SOLUTION_IN_LIMIT, dsh.status());
        assertTrue(dsh.message().contains("cannot be sustained"), dsh.message());
    }

    @Test
    void everyP3SolverIsRegistered() {
        List<String> ids = Solvers.of(Family.THROUGHPUT).stream().map(Solver::id).toList();
        assertTrue(ids.containsAll(List.of("enumerate", "dsh", "inverse-search", "dads-switch")), ids.toString());
    }
}
