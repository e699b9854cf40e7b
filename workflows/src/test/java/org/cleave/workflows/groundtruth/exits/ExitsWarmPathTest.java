package org.cleave.workflows.groundtruth.exits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.Json;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warm P2 path of {@code cleave groundtruth} ({@link GroundTruth.Engine#WARM}: one warm
 * {@code mincut-compiled} per worker thread) writes the bytes of the solver path
 * ({@link GroundTruth.Engine#SOLVER}) on seeded random exits instances of every graph shape with
 * 1–3 exits, both variants, grid and random state spaces over every P2 axis, on 1 and 3 threads;
 * resumes a cut output to the same bytes; and does so on 2,000 random states of the zoo's
 * {@code resnet18-exits}.
 */
class ExitsWarmPathTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 14);
    }

    private static Instance instance(long seed) {
        RandomGraphs.Shape[] shapes = RandomGraphs.Shape.values();
        RandomGraphs.Shape shape = shapes[(int) (seed % shapes.length)];
        ExitsProblem p = RandomExitsInstances.exits(1000 + seed, shape, 6 + (int) (seed * 5 % 15),
                1 + (int) (seed % 3));
        return new Instance("p2-" + seed, "", p, null);
    }

    /** The device-only latency of the full model, the scale of the latency axis. */
    private static double latencyScale(ExitsProblem p) {
        return p.evaluate(new ExitPlan(List.of(), Placement.of(new boolean[p.graph().size()]))).latencySeconds();
    }

    /** Grid (even seeds) or random (odd) specs over uplink with accuracy floor or latency, and over all axes. */
    private static GroundTruth.Spec spec(long seed) {
        Instance base = instance(seed);
        ExitsProblem p = (ExitsProblem) base.problem();
        double l = latencyScale(p);
        List<Axis> axes = new ArrayList<>();
        axes.add(Axis.parse("uplink=0.1Mbps:1000Mbps:" + (seed % 2 == 0 ? 12 : 1)));
        boolean minCost = p.variant() instanceof ExitsProblem.MinCost;
        if (seed % 2 == 0) {
            axes.add(minCost ? Axis.parse(String.format(Locale.ROOT, "accuracy=0:%s:6:lin", p.finalAccuracy()))
                    : Axis.parse(String.format(Locale.ROOT, "latency=%s:%s:6:lin", 0.2 * l, 1.2 * l)));
            if (seed % 4 == 0) {
                axes.add(Axis.parse("load=0:0.8:3:lin"));
            }
            return new GroundTruth.Spec(base, "mincut-compiled", axes, 0, seed, Table.JSONL, Optional.empty());
        }
        axes.add(Axis.parse("downlink=1Mbps:1000Mbps"));
        axes.add(Axis.parse("load=0:0.9"));
        if (minCost) {
            axes.add(Axis.parse(String.format(Locale.ROOT, "accuracy=0:%s", p.finalAccuracy())));
        }
        if (seed % 3 != 0) {
            axes.add(Axis.parse(String.format(Locale.ROOT, "latency=%s:%s:1:lin", 0.2 * l, 1.5 * l)));
        }
        return new GroundTruth.Spec(base, "mincut-compiled", axes, 150, seed, Table.CSV, Optional.empty());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void warmRowsAreTheSolversBytesOnOneAndThreeThreads(long seed) throws IOException {
        GroundTruth.Spec spec = spec(seed);
        assertTrue(GroundTruth.labeller(spec, GroundTruth.Engine.WARM).warm(), "seed " + seed);
        assertTrue(GroundTruth.labeller(spec).warm(), "seed " + seed + ": the default engine takes the warm path");
        assertFalse(GroundTruth.labeller(spec, GroundTruth.Engine.SOLVER).warm(), "seed " + seed);
        Path cold = dir.resolve("cold");
        GroundTruth.PlanSignal signal = GroundTruth.run(spec, cold, 1, Progress.none(), GroundTruth.Engine.SOLVER)
                .plans();
        byte[] expected = Files.readAllBytes(cold);
        for (int threads : new int[] {1, 3}) {
            Path warm = dir.resolve("warm" + threads);
            GroundTruth.Summary s = GroundTruth.run(spec, warm, threads, Progress.none(), GroundTruth.Engine.WARM);
            assertArrayEquals(expected, Files.readAllBytes(warm), "seed " + seed + ", " + threads + " threads, axes "
                    + spec.axes());
            assertEquals(signal, s.plans(), "seed " + seed + ", " + threads + " threads: the distinct plans");
        }
        Path mapped = dir.resolve("mapped");
        GroundTruth.run(spec, mapped, 2, Progress.none(), GroundTruth.Engine.MAPPED);
        assertArrayEquals(expected, Files.readAllBytes(mapped), "seed " + seed + ": MAPPED (no P2 map) is WARM");
        long states = spec.stateCount();
        assertEquals(states + (spec.format() == Table.CSV ? 1 : 0), Files.readAllLines(cold).size(), "seed " + seed);
    }

    @Test
    void otherSolversAndTimeLimitsFallBackToTheSolverPath() {
        GroundTruth.Spec spec = spec(2);
        GroundTruth.Spec mincut = new GroundTruth.Spec(spec.base(), "mincut", spec.axes(), 0, 2, Table.JSONL,
                Optional.empty());
        GroundTruth.Spec limited = new GroundTruth.Spec(spec.base(), "mincut-compiled", spec.axes(), 0, 2,
                Table.JSONL, Optional.of(Duration.ofSeconds(5)));
        assertFalse(GroundTruth.labeller(mincut, GroundTruth.Engine.WARM).warm());
        assertFalse(GroundTruth.labeller(limited, GroundTruth.Engine.WARM).warm());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aWarmRunKilledMidRowResumesToTheSolversBytes(long seed) throws IOException {
        GroundTruth.Spec spec = spec(seed);
        Path cold = dir.resolve("cold");
        GroundTruth.run(spec, cold, 2, Progress.none(), GroundTruth.Engine.SOLVER);
        byte[] expected = Files.readAllBytes(cold);
        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(expected, expected.length * 2 / 5)); // killed mid-line
        Files.copy(dir.resolve("cold.meta"), dir.resolve("cut.meta"));
        GroundTruth.Summary s = GroundTruth.run(spec, cut, 3, Progress.none(), GroundTruth.Engine.WARM);
        assertTrue(s.resumedFrom() > 0 && s.resumedFrom() < spec.stateCount(), "seed " + seed + ": resumed from "
                + s.resumedFrom());
        assertArrayEquals(expected, Files.readAllBytes(cut), "seed " + seed);
    }

    @Test
    void resnet18ExitsWarmRowsOf2000RandomStatesAreTheSolversBytes() throws IOException {
        Instance base = ZooInstances.of(Family.EXITS, Zoo.get("resnet18-exits"), ZooInstances.View.LAYERS, "4g",
                "rpi4", "gpu");
        double finalAccuracy = ((ExitsProblem) base.problem()).finalAccuracy();
        GroundTruth.Spec spec = new GroundTruth.Spec(base, "mincut-compiled", List.of(
                Axis.parse("uplink=0.1Mbps:1000Mbps"), Axis.parse("downlink=1Mbps:1000Mbps"), Axis.parse("load=0:0.9"),
                Axis.parse(String.format(Locale.ROOT, "accuracy=0:%s", finalAccuracy))), 2000, 11, Table.JSONL,
                Optional.empty());
        Path cold = dir.resolve("cold.jsonl");
        Path warm = dir.resolve("warm.jsonl");
        GroundTruth.PlanSignal coldPlans = GroundTruth.run(spec, cold, 2, Progress.none(), GroundTruth.Engine.SOLVER)
                .plans();
        GroundTruth.PlanSignal warmPlans = GroundTruth.run(spec, warm, 2, Progress.none(), GroundTruth.Engine.WARM)
                .plans();
        assertArrayEquals(Files.readAllBytes(cold), Files.readAllBytes(warm));
        // the summary's plan count: the warm solver shares exit-set lists between plans, the keys must not
        assertEquals(coldPlans, warmPlans);
        List<String> lines = Files.readAllLines(warm);
        assertEquals(2000, lines.size());
        Set<String> exitSets = new HashSet<>();
        Set<String> placements = new HashSet<>();
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            assertEquals("OPTIMAL", row.get("status").asText(), line);
            assertTrue(row.get("verified").asBoolean(), line);
            exitSets.add(row.get("plan_active_exits").toString());
            placements.add(row.get("plan_edge_mask").toString());
        }
        assertTrue(exitSets.size() >= 2 && placements.size() >= 3, "the states should not all share one plan: "
                + exitSets.size() + " exit sets, " + placements.size() + " placements");
        Set<String> plans = new HashSet<>();
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            plans.add(row.get("plan_active_exits") + " " + row.get("plan_edge_mask"));
        }
        assertEquals(plans.size(), warmPlans.distinct(), "distinct (exit set, placement) pairs in the rows");
    }
}
