package org.cleave.workflows.groundtruth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solvers;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.Json;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The richer state spaces: bandwidth traces (P1/P2), per-user trace columns (P4), and the P3 (frame
 * rate, accuracy floor) and P5 (uploading mode) scenarios. Each: the same bytes for any thread count,
 * kill-and-resume byte identity, every row verified, and the labelled optimum recomputed here from
 * the state the row names.
 */
class StateSpacesTest {
    @TempDir
    Path dir;

    /** A seeded 4G-like trace: log-normal around 12 Mbit/s up, 40 Mbit/s down, 1 s apart. */
    static String traceText(int rows, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        StringBuilder b = new StringBuilder("# test trace\ntime_s,uplink_bps,downlink_bps,load\n");
        for (int r = 0; r < rows; r++) {
            double up = 12e6 * Math.exp(1.2 * (rng.nextDouble() - 0.5) * 2);
            double down = 40e6 * Math.exp(1.0 * (rng.nextDouble() - 0.5) * 2);
            b.append(r).append(',').append(up).append(',').append(down).append(',').append(rng.nextDouble() * 0.9)
                    .append('\n');
        }
        return b.toString();
    }

    private Path traceFile(int rows, long seed) throws IOException {
        Path f = dir.resolve("trace-" + rows + "-" + seed + ".csv");
        Files.writeString(f, traceText(rows, seed));
        return f;
    }

    /** Runs {@code spec} on 1 and 3 threads and as a resumed half-file; all three must be the same bytes. */
    private List<String> sameBytesAnyThreadsAndResume(GroundTruth.Spec spec, String name) throws IOException {
        Path one = dir.resolve(name + "-1");
        Path three = dir.resolve(name + "-3");
        GroundTruth.run(spec, one, 1, Progress.none());
        GroundTruth.run(spec, three, 3, Progress.none());
        byte[] expected = Files.readAllBytes(one);
        assertArrayEquals(expected, Files.readAllBytes(three), name + ": 1 vs 3 threads");
        Path cut = dir.resolve(name + "-cut");
        Files.write(cut, java.util.Arrays.copyOf(expected, expected.length * 2 / 5)); // killed mid-line
        Files.copy(dir.resolve(name + "-1.meta"), dir.resolve(name + "-cut.meta"));
        GroundTruth.Summary s = GroundTruth.run(spec, cut, 2, Progress.none());
        assertTrue(s.resumedFrom() > 0 && s.resumedFrom() < spec.stateCount(), "resumed from " + s.resumedFrom());
        assertArrayEquals(expected, Files.readAllBytes(cut), name + ": resumed");
        return Files.readAllLines(one);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double optimum(Problem<?> p, String solver) {
        Result<?> r = Solvers.require(p.family(), solver).solve((Problem) p);
        return r.objective();
    }

    @Test
    void aBandwidthTraceIsOneStatePerRowTimesTheGrid() throws IOException {
        Path f = traceFile(30, 3);
        BandwidthTrace trace = BandwidthTrace.read(f);
        Instance base = Examples.load("resnet18-two-stages");
        GroundTruth.Spec spec = new GroundTruth.Spec(base, "mincut", List.of(Axis.parse("load=0:0.8:3:lin")), 0, 1,
                Table.JSONL, Optional.empty()).withTrace(trace);
        assertEquals(90, spec.stateCount());
        List<String> lines = sameBytesAnyThreadsAndResume(spec, "p1trace");
        assertEquals(90, lines.size());
        PartitionProblem p1 = (PartitionProblem) base.problem();
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            int i = row.get("state_index").intValue();
            int r = row.get("state_trace_row").intValue();
            assertEquals(i / 3, r, line);
            assertEquals(trace.timeSeconds(r), row.get("state_time_s").doubleValue(), line);
            assertEquals(trace.uplinkBitsPerSecond(r), row.get("state_uplink_bps").doubleValue(), line);
            assertEquals(trace.downlinkBitsPerSecond(r), row.get("state_downlink_bps").doubleValue(), line);
            assertEquals(0.4 * (i % 3), row.get("state_load").doubleValue(), 1e-12, line);
            assertTrue(row.get("verified").booleanValue(), line);
            PartitionProblem p = p1.withLink(new org.cleave.core.model.Link(trace.uplinkBitsPerSecond(r),
                    trace.downlinkBitsPerSecond(r), p1.link().latencySeconds())).withDeviceLoad(
                    row.get("state_load").doubleValue());
            double opt = optimum(p, "mincut-compiled"); // a second exact method, on the problem built here
            assertEquals(opt, row.get("objective").doubleValue(), 1e-9 * opt, line);
        }
    }

    /** The warm and mapped P1 paths (mincut-compiled) label traced states with the trace's rates too. */
    @Test
    void aTraceOnTheWarmPathLabelsEachRowsOwnRates() throws IOException {
        Path f = traceFile(40, 11);
        BandwidthTrace trace = BandwidthTrace.read(f);
        Instance base = Examples.load("resnet18-two-stages");
        PartitionProblem p1 = (PartitionProblem) base.problem();
        for (GroundTruth.Engine engine : GroundTruth.Engine.values()) {
            GroundTruth.Spec spec = new GroundTruth.Spec(base, "mincut-compiled", List.of(Axis.parse("load=0:0.9:4:lin")),
                    0, 1, Table.JSONL, Optional.empty()).withTrace(trace);
            GroundTruth.Labeller labeller = GroundTruth.labeller(spec, engine);
            assertTrue(labeller.planMap().isEmpty(), "no plan map over a trace's states");
            for (long i = 0; i < spec.stateCount(); i++) {
                List<Object> row = labeller.row(i);
                int r = (int) row.get(1);
                double load = (double) row.get(5);
                PartitionProblem p = p1.withLink(new org.cleave.core.model.Link(trace.uplinkBitsPerSecond(r),
                        trace.downlinkBitsPerSecond(r), p1.link().latencySeconds())).withDeviceLoad(load);
                double opt = optimum(p, "mincut");
                double objective = (double) row.get(labeller.columns().stream().map(Column::name).toList()
                        .indexOf("objective"));
                assertEquals(opt, objective, 1e-9 * opt, engine + " state " + i);
            }
        }
    }

    @Test
    void withRandomStatesStateIReadsRowIModRowsAndDrawsTheOtherAxes() throws IOException {
        BandwidthTrace trace = BandwidthTrace.read(traceFile(7, 5));
        var base = new Instance("p2", "", org.cleave.core.exits.RandomExitsInstances.exits(4,
                RandomGraphs.Shape.RESIDUAL, 10, 3), null);
        GroundTruth.Spec spec = new GroundTruth.Spec(base, "mincut", List.of(Axis.parse("load=0:0.9")), 25, 9,
                Table.CSV, Optional.empty()).withTrace(trace);
        assertEquals(25, spec.stateCount());
        List<String> lines = sameBytesAnyThreadsAndResume(spec, "p2trace");
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("state_index", "state_trace_row", "state_time_s", "state_uplink_bps",
                "state_downlink_bps", "state_load", "status"), header.subList(0, 7));
        Set<String> loads = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = LabelFilesReadTest.readCsv(line + "\n").get(0);
            int i = Integer.parseInt(f.get(0));
            assertEquals(i % 7, Integer.parseInt(f.get(1)), line);
            assertEquals(trace.uplinkBitsPerSecond(i % 7), Double.parseDouble(f.get(3)), line);
            assertEquals("true", f.get(header.indexOf("verified")), line);
            loads.add(f.get(5));
        }
        assertEquals(25, loads.size(), "every state draws its own load");
    }

    @Test
    void traceErrorsNameTheFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time_s,uplink_bps,downlink_bps\n0,1e6,2e6\n1,fast,2e6\n");
        String m = assertThrows(IllegalArgumentException.class, () -> BandwidthTrace.read(bad)).getMessage();
        assertEquals("trace: " + bad + " line 3, column uplink_bps: not a finite number: 'fast'", m);
        Files.writeString(bad, "time_s,uplink_bps\n0,1e6\n");
        m = assertThrows(IllegalArgumentException.class, () -> BandwidthTrace.read(bad)).getMessage();
        assertEquals("trace: " + bad + ": no column downlink_bps; columns: time_s, uplink_bps", m);
        Files.writeString(bad, "time_s,uplink_bps,downlink_bps\n0,1e6,2e6\n1,0,2e6\n");
        m = assertThrows(IllegalArgumentException.class, () -> BandwidthTrace.read(bad)).getMessage();
        assertEquals("trace: " + bad + " data row 2, column uplink_bps: a rate must be > 0 bit/s, got 0.0", m);
        Files.writeString(bad, "time_s,uplink_bps,downlink_bps\n0,1e6\n");
        m = assertThrows(IllegalArgumentException.class, () -> BandwidthTrace.read(bad)).getMessage();
        assertEquals("trace: " + bad + " line 2: expected 3 columns (time_s,uplink_bps,downlink_bps), got 2", m);
        BandwidthTrace ok = BandwidthTrace.parse("t", "time_s,uplink_bps,downlink_bps\n0,1e6,2e6\n");
        m = assertThrows(IllegalArgumentException.class, () -> new GroundTruth.Spec(
                Examples.load("resnet18-two-stages"), "mincut", List.of(Axis.parse("uplink=1Mbps:2Mbps:2")), 0, 1,
                Table.CSV, Optional.empty()).withTrace(ok)).getMessage();
        assertTrue(m.startsWith("axes: the uplink axis cannot be combined with a bandwidth trace"), m);
        var p4 = org.cleave.instances.multiuser.RandomZooMultiUserInstances.builtIn().generate(4, 8, 3,
                List.of("chain-8", "chain-6"), "4g", 1e12);
        GroundTruth.Spec multi = traced(new Instance("p4", "", p4, null), "dp", ok);
        m = assertThrows(IllegalArgumentException.class, () -> GroundTruth.columns(multi)).getMessage();
        assertTrue(m.startsWith("trace: family multiuser has no uplink and downlink axes"), m);
    }

    /** A spec whose only state space is {@code trace}. */
    static GroundTruth.Spec traced(Instance base, String solver, BandwidthTrace trace) {
        return new GroundTruth.Spec(base, solver, List.of(), 0, 1, Table.JSONL, Optional.empty(), Optional.empty(),
                List.of(), Optional.of(trace));
    }

    @Test
    void aChangedTraceIsAnotherRun() throws IOException {
        Instance base = Examples.load("resnet18-two-stages");
        GroundTruth.Spec a = traced(base, "mincut", BandwidthTrace.parse("x", traceText(5, 1)));
        GroundTruth.Spec b = traced(base, "mincut", BandwidthTrace.parse("y", traceText(5, 2)));
        assertEquals(5, a.stateCount());
        assertEquals(a.fingerprint(), traced(base, "mincut", BandwidthTrace.parse("elsewhere", traceText(5, 1)))
                .fingerprint());
        assertTrue(!a.fingerprint().equals(b.fingerprint()));
    }

    @Test
    void perUserTraceColumnsWalkTheTraceFromASeededStartPerUser() throws IOException {
        Path f = traceFile(11, 8);
        var problem = org.cleave.instances.multiuser.RandomZooMultiUserInstances.builtIn().generate(4, 8, 3,
                List.of("chain-8", "chain-6"), "4g", 1e12);
        PerUser up = PerUser.parse("uplink=trace:" + f);
        PerUser load = PerUser.parse("load=trace:" + f + ",column=load");
        GroundTruth.Spec spec = new GroundTruth.Spec(new Instance("p4", "", problem, null), "dp", List.of(), 20, 4,
                Table.JSONL, Optional.empty(), Optional.empty(), List.of(up, load));
        List<String> lines = sameBytesAnyThreadsAndResume(spec, "p4trace");
        NumericCsv csv = NumericCsv.parse("t", "t", traceText(11, 8));
        double[] uplinks = csv.columns().get("uplink_bps");
        double[] loads = csv.columns().get("load");
        PerUser.TraceColumn t = (PerUser.TraceColumn) up.distribution();
        Set<Integer> starts = new HashSet<>();
        var scenario = new org.cleave.workflows.groundtruth.multiuser.MultiUserScenario();
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            int i = row.get("state_index").intValue();
            JsonNode u = row.get("state_user_uplink");
            JsonNode l = row.get("state_user_load");
            double[] ups = new double[u.size()];
            double[] ls = new double[u.size()];
            for (int k = 0; k < u.size(); k++) {
                int start = new java.util.SplittableRandom(4 + (k + 1L) * 0x9E3779B97F4A7C15L).nextInt(11);
                starts.add(start);
                assertEquals(start, t.startRow(k, 4));
                assertEquals(uplinks[(i + start) % 11], u.get(k).doubleValue(), line);
                assertEquals(loads[(i + start) % 11], l.get(k).doubleValue(), line);
                ups[k] = uplinks[(i + start) % 11];
                ls[k] = loads[(i + start) % 11];
            }
            assertTrue(row.get("verified").booleanValue(), line);
            var p = scenario.applyPerUser(scenario.applyPerUser(problem, "uplink", ups), "load", ls);
            double opt = optimum(p, "dp"); // the problem rebuilt here from the trace rows
            assertEquals(opt, row.get("objective").doubleValue(), 1e-9 * opt, line);
        }
        assertTrue(starts.size() > 1, "users should start at different rows: " + starts);
        String m = assertThrows(IllegalArgumentException.class,
                () -> PerUser.parse("load=trace:" + f + ",column=uplink_bps")).getMessage();
        assertTrue(m.startsWith("per-user load: " + f + " data row 1, column uplink_bps: a load must be in [0, 1)"),
                m);
        m = assertThrows(IllegalArgumentException.class, () -> PerUser.parse("uplink=trace:" + f + ",column=nope"))
                .getMessage();
        assertTrue(m.startsWith("per-user uplink: " + f + ": no column nope"), m);
    }

    @Test
    void p3StatesOfFrameRateAndAccuracyFloor() throws IOException {
        ThroughputProblem p3 = RandomThroughputInstances.throughput(2, RandomGraphs.Shape.RESIDUAL, 10, 3);
        GroundTruth.Spec spec = new GroundTruth.Spec(new Instance("p3", "", p3, null), "enumerate",
                List.of(Axis.parse("frame-rate=1:1000:6:log"), Axis.parse("accuracy=0:" + p3.finalAccuracy() + ":3:lin"),
                        Axis.parse("uplink=1Mbps:100Mbps:3")), 0, 1, Table.JSONL, Optional.empty());
        List<String> lines = sameBytesAnyThreadsAndResume(spec, "p3");
        assertEquals(54, lines.size());
        int infeasible = 0;
        int feasible = 0;
        java.util.Map<String, Double> unconstrained = new java.util.HashMap<>(); // (floor, uplink) -> period
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            double q = row.get("state_frame_rate").doubleValue();
            double a = row.get("state_accuracy").doubleValue();
            double up = row.get("state_uplink").doubleValue();
            assertTrue(row.get("verified").booleanValue(), line);
            // the same state without a frame rate: its optimum period P*; with Q the state is feasible
            // exactly when P* <= 1/Q, and then its optimum is P* (the frame rate only constrains)
            double best = unconstrained.computeIfAbsent(a + "/" + up, k -> {
                ThroughputProblem p = new ThroughputProblem(p3.graph(), p3.device(), p3.edge(),
                        new org.cleave.core.model.Link(up, p3.link().downlinkBitsPerSecond(),
                                p3.link().latencySeconds()), p3.deviceLoad(), p3.finalAccuracy(), a,
                        OptionalDouble.empty());
                double opt = optimum(p, "enumerate");
                for (String h : List.of("dsh", "inverse-search")) { // heuristics never beat it
                    Result<?> r = solve(p, h);
                    assertTrue(!r.status().hasPlan() || r.objective() >= opt * (1 - 1e-9), h + ": " + r.objective()
                            + " < " + opt);
                }
                return opt;
            });
            if (row.get("status").asText().equals("OPTIMAL")) {
                feasible++;
                assertTrue(best <= 1 / q * (1 + 1e-9), line);
                assertEquals(best, row.get("objective").doubleValue(), 1e-9 * best, line);
                assertEquals(row.get("objective").doubleValue(), row.get("cost_period_seconds").doubleValue(), line);
                assertTrue(row.get("cost_accuracy").doubleValue() >= a - 1e-9, line);
                assertEquals(p3.graph().size(), row.get("plan_edge_mask").size(), line);
                assertTrue(Set.of("DEVICE", "UPLINK", "EDGE").contains(row.get("cost_bottleneck").asText()), line);
            } else {
                infeasible++;
                assertEquals("INFEASIBLE", row.get("status").asText(), line);
                assertTrue(best > 1 / q, line);
                assertTrue(row.get("plan_edge_mask").isNull(), line);
            }
        }
        assertTrue(feasible > 0 && infeasible > 0, feasible + " feasible, " + infeasible + " infeasible states");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Result<?> solve(Problem<?> p, String solver) {
        return Solvers.require(p.family(), solver).solve((Problem) p);
    }

    @Test
    void p5StatesOfUplinkAndUploadingMode() throws IOException {
        UploadProblem p5 = RandomUploadInstances.random(6, RandomGraphs.Shape.CHAIN, 10, UploadMode.PARALLEL,
                RandomPartitionInstances.WeightMode.LATENCY);
        GroundTruth.Spec spec = new GroundTruth.Spec(new Instance("p5", "", p5, null), "branch-and-bound",
                List.of(Axis.parse("uplink=0.5Mbps:500Mbps:8"), Axis.parse("mode=0:2:3:lin")), 0, 1, Table.CSV,
                Optional.empty()).withCertifySolver("enumerate");
        List<String> lines = sameBytesAnyThreadsAndResume(spec, "p5");
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("state_index", "state_uplink", "state_mode", "status"), header.subList(0, 4));
        double[][] objective = new double[8][3];
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = LabelFilesReadTest.readCsv(line + "\n").get(0);
            int i = Integer.parseInt(f.get(0));
            int mode = Integer.parseInt(f.get(2));
            assertEquals(i % 3, mode, line);
            assertEquals("true", f.get(header.indexOf("verified")), line);
            assertEquals("true", f.get(header.indexOf("certified")), line);
            UploadProblem p = p5.withMode(UploadMode.values()[mode]).withLink(p5.link().withUplinkBitsPerSecond(
                    Double.parseDouble(f.get(1))));
            double opt = optimum(p, "enumerate");
            objective[i / 3][mode] = Double.parseDouble(f.get(header.indexOf("objective")));
            assertEquals(opt, objective[i / 3][mode], 1e-9 * opt, line);
        }
        for (double[] o : objective) { // preloaded <= parallel <= serial (a weaker schedule never helps)
            assertTrue(o[2] <= o[0] * (1 + 1e-9) && o[0] <= o[1] * (1 + 1e-9), java.util.Arrays.toString(o));
        }
        String m = assertThrows(IllegalArgumentException.class, () -> new org.cleave.workflows.groundtruth.upload
                .UploadScenario().apply(p5, List.of("mode"), new double[] {3})).getMessage();
        assertEquals("axis mode: must be 0 (parallel), 1 (serial) or 2 (preloaded), got 3.0", m);
    }

    /**
     * {@code cleave evaluate --labels} reads the new state spaces back: the trace rates, the per-user
     * arrays and the P3/P5 axes rebuild each state (re-solved with {@code --recheck}, which stops on a
     * mismatch), and a heuristic's gap equals (objective − optimum) / optimum recomputed here.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void evaluateRebuildsTheStatesOfTracesPerUserTracesP3AndP5() throws IOException {
        Path f = traceFile(6, 2);
        Instance p1 = Examples.load("resnet18-two-stages");
        var p4 = org.cleave.instances.multiuser.RandomZooMultiUserInstances.builtIn().generate(4, 8, 3,
                List.of("chain-8", "chain-6"), "4g", 1e12);
        ThroughputProblem p3 = RandomThroughputInstances.throughput(2, RandomGraphs.Shape.RESIDUAL, 10, 3);
        UploadProblem p5 = RandomUploadInstances.random(6, RandomGraphs.Shape.CHAIN, 10, UploadMode.PARALLEL,
                RandomPartitionInstances.WeightMode.LATENCY);
        List<GroundTruth.Spec> specs = List.of(
                new GroundTruth.Spec(p1, "mincut", List.of(Axis.parse("load=0:0.8:2:lin")), 0, 1, Table.JSONL,
                        Optional.empty(), Optional.empty(), List.of(), Optional.of(BandwidthTrace.read(f))),
                new GroundTruth.Spec(new Instance("p4", "", p4, null), "dp", List.of(Axis.parse("units=2:6:2:lin")), 0,
                        3, Table.JSONL, Optional.empty(), Optional.empty(),
                        List.of(PerUser.parse("uplink=trace:" + f), PerUser.parse("downlink=lognormal:median=20Mbps,"
                                + "sigma=0.5")), Optional.empty()),
                new GroundTruth.Spec(new Instance("p3", "", p3, null), "enumerate",
                        List.of(Axis.parse("frame-rate=1:1000:3:log"), Axis.parse("uplink=1Mbps:100Mbps:3")), 0, 1,
                        Table.JSONL, Optional.empty()),
                new GroundTruth.Spec(new Instance("p5", "", p5, null), "branch-and-bound",
                        List.of(Axis.parse("uplink=0.5Mbps:500Mbps:4"), Axis.parse("mode=0:1:2:lin")), 0, 1,
                        Table.JSONL, Optional.empty()));
        for (GroundTruth.Spec spec : specs) {
            Problem<?> base = spec.base().problem();
            String name = base.family().key();
            Path labels = dir.resolve(name + "-labels.jsonl");
            GroundTruth.run(spec, labels, 2, Progress.none());
            var states = org.cleave.workflows.evaluate.PlanFiles.readLabels(base, labels);
            assertEquals(spec.stateCount(), states.size(), name);
            var heuristic = Solvers.of(base.family()).stream()
                    .filter(x -> x.kind() != org.cleave.core.solve.SolverKind.EXACT
                            && x.problemType().isInstance(base)).findFirst().orElseThrow();
            List<java.util.Map.Entry<org.cleave.workflows.evaluate.PlanFiles.LabelledState, Object>> actions =
                    new java.util.ArrayList<>();
            for (var s : states.values()) {
                Result<?> r = ((org.cleave.core.solve.Solver) heuristic).solve((Problem) s.problem());
                if (r.plan().isPresent()) {
                    actions.add(java.util.Map.entry(s, r.plan().get()));
                }
            }
            assertTrue(!actions.isEmpty(), name + ": " + heuristic.id() + " found no plan");
            var scores = org.cleave.workflows.evaluate.PlanFiles.scoreActions(actions, spec.solverId(),
                    org.cleave.core.solve.SolveLimits.none(), name); // re-solves each rebuilt state
            for (int k = 0; k < scores.size(); k++) {
                var score = scores.get(k);
                var s = actions.get(k).getKey();
                if (!score.feasible() || Double.isNaN(s.objective())) {
                    continue;
                }
                double h = ((Problem) s.problem()).evaluate(actions.get(k).getValue()).objective();
                assertEquals((h - s.objective()) / s.objective(), score.gap(), 1e-12,
                        name + " state " + s.stateIndex() + " (" + heuristic.id() + ")");
            }
        }
    }
}
