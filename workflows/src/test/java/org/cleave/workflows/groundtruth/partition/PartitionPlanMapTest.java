package org.cleave.workflows.groundtruth.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.instances.io.Instance;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.GroundTruth.Engine;
import org.cleave.workflows.groundtruth.LabelFormat;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential tests of the {@link PartitionPlanMap} path ({@link Engine#MAPPED}): every row equals
 * the solver path's (all columns, byte for byte), on the zoo ResNet-50 and on seeded random DAGs.
 */
class PartitionPlanMapTest {
    @TempDir
    Path dir;

    private static final List<Axis> RANDOM_AXES = List.of(Axis.parse("uplink=0.1Mbps:1000Mbps"),
            Axis.parse("downlink=1Mbps:1000Mbps"), Axis.parse("load=0:0.9"));

    private static Instance resnet50() {
        return ZooInstances.of(Family.PARTITION, Zoo.get("resnet50"), ZooInstances.View.LAYERS, "4g", "rpi4", "gpu");
    }

    @Test
    void resNet50RowsOf100kRandomStatesAreTheSolversBytes() throws IOException {
        GroundTruth.Spec spec = new GroundTruth.Spec(resnet50(), "mincut-compiled", RANDOM_AXES, 100_000, 17,
                Table.JSONL, Optional.empty());
        Path mapped = dir.resolve("mapped.jsonl");
        Path solver = dir.resolve("solver.jsonl");
        GroundTruth.run(spec, mapped, 2, Progress.none(), Engine.MAPPED);
        GroundTruth.run(spec, solver, 2, Progress.none(), Engine.SOLVER);
        assertSameLines(solver, mapped, "resnet50 seed 17");
        GroundTruth.Labeller l = GroundTruth.labeller(spec);
        assertTrue(l.planMap().isPresent());
        assertEquals(3, l.planMap().get().dimensions());
    }

    @Test
    void randomDagRowsAreTheSolversOnEveryEngineAndShape() {
        RandomGraphs.Shape[] shapes = RandomGraphs.Shape.values();
        long states = 0;
        for (long seed = 1; seed <= 12; seed++) {
            RandomGraphs.Shape shape = shapes[(int) (seed % shapes.length)];
            PartitionProblem p = RandomPartitionInstances.partition(seed, shape, 30 + (int) (seed * 7 % 40),
                    RandomPartitionInstances.WeightMode.ANY);
            Instance base = new Instance("random-" + seed, "", p, null);
            List<Axis> axes = switch ((int) (seed % 4)) {
                case 0 -> RANDOM_AXES;
                case 1 -> List.of(Axis.parse("uplink=0.1Mbps:1000Mbps")); // the bandwidth map
                case 2 -> List.of(Axis.parse("load=0.9:0"), Axis.parse("uplink=1000Mbps:0.1Mbps"));
                default -> List.of(Axis.parse("downlink=0.5Mbps:2000Mbps"), Axis.parse("uplink=0.05Mbps:500Mbps"));
            };
            int n = 4_000;
            GroundTruth.Spec spec = new GroundTruth.Spec(base, "mincut-compiled", axes, n, seed, Table.JSONL,
                    Optional.empty());
            GroundTruth.Labeller mapped = GroundTruth.labeller(spec);
            GroundTruth.Labeller solver = GroundTruth.labeller(spec, Engine.SOLVER);
            assertTrue(mapped.planMap().isPresent(), "seed " + seed);
            LabelFormat f = new LabelFormat(Table.JSONL, mapped.columns());
            for (long i = 0; i < n; i++) {
                assertEquals(f.row(solver.row(i)), f.row(mapped.row(i)), "seed " + seed + " " + shape + " state " + i);
                states++;
            }
            assertTrue(mapped.planMap().get().knownPlans() >= 1, "seed " + seed);
        }
        assertEquals(48_000, states);
    }

    @Test
    void gridStatesAndAGridEndingBeyondTheRangeMatchTheSolver() throws IOException {
        PartitionProblem p = RandomPartitionInstances.partition(5, RandomGraphs.Shape.INCEPTION, 40,
                RandomPartitionInstances.WeightMode.MIXED);
        GroundTruth.Spec spec = new GroundTruth.Spec(new Instance("grid", "", p, null), "mincut-compiled",
                List.of(Axis.parse("uplink=0.1Mbps:1000Mbps:60"), Axis.parse("load=0:0.95:40"),
                        Axis.parse("downlink=1Mbps:1Mbps:1")), 0, 1, Table.CSV, Optional.empty());
        GroundTruth.run(spec, dir.resolve("m.csv"), 2, Progress.none(), Engine.MAPPED);
        GroundTruth.run(spec, dir.resolve("s.csv"), 1, Progress.none(), Engine.SOLVER);
        assertSameLines(dir.resolve("s.csv"), dir.resolve("m.csv"), "grid");
    }

    @Test
    void provenPlansAreTheSolversAndTiesAtBreakpointsAreSentToTheSolver() {
        PartitionProblem p = (PartitionProblem) resnet50().problem();
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(p.graph());
        PartitionScenario scenario = new PartitionScenario();
        List<String> names = List.of("uplink");
        PartitionPlanMap map = new PartitionPlanMap(p, names, new double[] {1e5}, new double[] {1e9}, net);
        BandwidthMap exact = BandwidthMap.of(p, 1e5, 1e9);
        assertEquals(exact.pieces().size(), map.knownPlans());
        assertTrue(exact.pieces().size() >= 2, exact.toString());
        for (double breakpoint : exact.breakpoints()) {
            double[] at = {breakpoint};
            PartitionProblem q = (PartitionProblem) scenario.apply(p, names, at);
            Placement plan = map.plan(at, net);
            assertNotNull(plan);
            assertTrue(map.nearTie(at, plan, q.evaluate(plan).objective()), "breakpoint " + breakpoint);
        }
        // away from breakpoints: the map's plan is the solver's and no tie is claimed
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            double[] at = {Math.exp(Math.log(1e5) + rng.nextDouble() * Math.log(1e4))};
            PartitionProblem q = (PartitionProblem) scenario.apply(p, names, at);
            net.setProblem(q);
            net.solve();
            Placement plan = map.plan(at, net);
            double objective = q.evaluate(plan).objective();
            if (!map.nearTie(at, plan, objective)) {
                assertEquals(net.plan(), plan, "uplink " + at[0] + " (seed 3, draw " + i + ")");
            }
        }
    }

    @Test
    void threeAxisMapProvesMostStatesAndAgreesWithTheSolver() {
        PartitionProblem p = RandomPartitionInstances.partition(21, RandomGraphs.Shape.RESIDUAL, 60,
                RandomPartitionInstances.WeightMode.MIXED);
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(p.graph());
        CompiledPartitionNetwork check = CompiledPartitionNetwork.compile(p.graph());
        List<String> names = List.of("uplink", "downlink", "load");
        double[] from = {1e5, 1e6, 0};
        double[] to = {1e9, 1e9, 0.9};
        PartitionPlanMap map = new PartitionPlanMap(p, names, from, to, net);
        PartitionScenario scenario = new PartitionScenario();
        SplittableRandom rng = new SplittableRandom(8);
        int proven = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double[] s = {Math.exp(Math.log(1e5) + rng.nextDouble() * Math.log(1e4)),
                Math.exp(Math.log(1e6) + rng.nextDouble() * Math.log(1e3)), 0.9 * rng.nextDouble()};
            Placement plan = map.plan(s, net);
            if (plan == null) {
                continue;
            }
            PartitionProblem q = (PartitionProblem) scenario.apply(p, names, s);
            if (map.nearTie(s, plan, q.evaluate(plan).objective())) {
                continue;
            }
            proven++;
            check.setProblem(q);
            check.solve();
            assertEquals(check.plan(), plan, "seed 8, draw " + i + ": " + java.util.Arrays.toString(s));
        }
        assertTrue(proven > n / 2, "proven " + proven + " of " + n + ", " + map.knownPlans() + " plans, "
                + map.cornerSolves() + " corner solves");
    }

    private static void assertSameLines(Path expected, Path actual, String what) throws IOException {
        List<String> a = Files.readAllLines(expected);
        List<String> b = Files.readAllLines(actual);
        assertEquals(a.size(), b.size(), what + ": line count");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), what + ": line " + i);
        }
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), what);
    }
}
