package org.cleave.cli.imports;

import org.cleave.core.testing.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cleave.cli.Cleave;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.instances.importers.ImportedInstances;
import org.cleave.instances.importers.onnx.InputShapes;
import org.cleave.instances.importers.onnx.OnnxImporter;
import org.cleave.instances.importers.onnx.OnnxModel;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.instances.zoo.BlockView;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cleave import} on the shared ONNX models ({@code $CLEAVE_DATA/onnx} or
 * {@code ../shared/data/onnx}; skipped, saying so, when absent): the exact P1 solvers agree on
 * every imported model in both views at 3G, 4G and Wi-Fi; {@code cleave map} runs on an imported
 * instance; bad input is one line and exit status 2; {@code -o} never clobbers on failure. With
 * declared exits ({@code --exit}) an imported model is a P2 and a P3 instance on which the exact
 * solvers agree, and bad exit specifications are one line and exit status 2.
 */
class ImportCommandTest {
    private static final Map<String, String> MODELS = new LinkedHashMap<>();
    private static final List<String> EXACT = List.of("mincut", "mincut-compiled", "ortools-milp:scip",
            "ortools-cpsat");

    static {
        MODELS.put("light_squeezenet.onnx", "");
        MODELS.put("light_shufflenet.onnx", "");
        MODELS.put("light_bvlc_alexnet.onnx", "");
        MODELS.put("light_inception_v1.onnx", "");
        MODELS.put("light_resnet50.onnx", "");
        MODELS.put("light_vgg19.onnx", "");
        MODELS.put("light_zfnet512.onnx", "");
        MODELS.put("ch_ppocr_mobile_v2.0_cls_infer.onnx", "x=1x3x48x192");
        MODELS.put("ch_PP-OCRv4_det_infer.onnx", "x=1x3x640x640");
    }

    @TempDir
    Path dir;

    static Path data() {
        return SharedData.onnx();
    }

    private static Path model(String file) {
        Path p = data().resolve(file);
        assumeTrue(Files.isRegularFile(p), "no " + p + ": the shared ONNX models are absent (set CLEAVE_DATA),"
                + " test skipped");
        return p;
    }

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    static String badInput(String... args) {
        Run r = run(args);
        assertEquals(Cleave.BAD_INPUT, r.status(), r.err() + r.out());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        return r.err().strip();
    }

    static Stream<Arguments> models() {
        return MODELS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void exactSolversAgreeInBothViewsAtThreeBandwidths(String file, String shapes) {
        OnnxModel m = OnnxImporter.read(model(file), InputShapes.parse(shapes));
        boolean natives = OrToolsNatives.available();
        List<String> report = new ArrayList<>();
        for (String view : List.of("layers", "blocks")) {
            DnnGraph g = view.equals("layers") ? m.layerGraph() : m.blockGraph();
            for (String network : List.of("3g", "4g", "wifi")) {
                Instance i = ImportedInstances.of(Family.PARTITION, g, m.name(), null, network, "rpi4", "gpu");
                PartitionProblem p = (PartitionProblem) i.problem();
                double reference = Double.NaN;
                for (String id : EXACT) {
                    if (id.startsWith("ortools") && !natives) {
                        continue;
                    }
                    Solver<PartitionProblem, Placement> s = Solvers.require(Family.PARTITION, id);
                    Result<Placement> r = s.solve(p, SolveLimits.none());
                    assertEquals(Status.OPTIMAL, r.status(), file + " " + view + " " + network + " " + id);
                    double tolerance = id.startsWith("ortools") ? 1e-6 : 1e-9;
                    if (Double.isNaN(reference)) {
                        reference = r.objective();
                    } else {
                        assertEquals(reference, r.objective(), tolerance * reference,
                                file + " " + view + " " + network + " " + id);
                    }
                    if (id.equals("mincut")) {
                        int onDevice = g.size() - r.planOrThrow().edgeCount();
                        report.add(String.format(Locale.ROOT, "%s %s %s: %.6f s, %d of %d on the device", m.name(),
                                view, network, r.objective(), onDevice, g.size()));
                    }
                }
            }
        }
        report.forEach(System.out::println);
    }

    @Test
    void importsShowsExportsAndMaps() throws IOException {
        Path squeezenet = model("light_squeezenet.onnx");
        Path out = dir.resolve("squeezenet.json");
        Run r = run("import", squeezenet.toString(), "--network", "4g", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        Instance i = InstanceJson.read(out);
        assertEquals("light_squeezenet.onnx", i.metadata().get("model").asText());
        assertEquals(OnnxImporter.read(squeezenet, InputShapes.NONE).layerGraph(),
                ((PartitionProblem) i.problem()).graph());
        Run map = run("map", out.toString(), "--from", "1Mbps", "--to", "1Gbps");
        assertEquals(0, map.status(), map.err());
        assertTrue(map.out().contains("pieces"), map.out());
        Run solved = run("solve", out.toString(), "--solver", "mincut", "--json");
        assertEquals(0, solved.status(), solved.err());
        assertEquals("OPTIMAL", Json.MAPPER.readTree(solved.out()).get("status").asText());
        Run show = run("import", squeezenet.toString(), "--show");
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains("105 nodes, 66 layers after folding"), show.out());
        assertTrue(show.out().lines().anyMatch(l -> l.contains("conv 3x3/2 64")), show.out());
        Run blocks = run("import", squeezenet.toString(), "--show", "--view", "blocks");
        assertEquals(0, blocks.status(), blocks.err());
        Run dot = run("import", squeezenet.toString(), "--format", "dot");
        assertEquals(0, dot.status(), dot.err());
        assertTrue(dot.out().startsWith("strict digraph") || dot.out().startsWith("digraph"), dot.out());
        Path upload = dir.resolve("upload.json");
        assertEquals(0, run("import", squeezenet.toString(), "--family", "upload", "-o", upload.toString()).status());
        assertEquals(Family.UPLOAD, InstanceJson.read(upload).problem().family());
    }

    @Test
    void importsLayerProfilesAndMsrGraphsThroughTheSameCommand() throws IOException {
        Path csv = dir.resolve("chain.csv");
        Files.writeString(csv, "id,name,predecessors,flops,outputBytes,paramBytes,measuredDeviceSeconds,"
                + "measuredEdgeSeconds\nin,in,,0,1000,0,,\na,a,in,1e6,500,0,0.01,0.001\nb,b,a,1e6,10,0,0.02,0.002\n");
        Path out = dir.resolve("chain.json");
        Run r = run("import", csv.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(3, ((PartitionProblem) InstanceJson.read(out).problem()).graph().size());
        Path msr = data().getParent().resolve("msr-bert24-layergraph.json");
        assumeTrue(Files.isRegularFile(msr), "no " + msr + ": shared data absent, MSR part skipped");
        Run m = run("import", msr.toString(), "--show");
        assertEquals(0, m.status(), m.err());
        assertTrue(m.out().contains("output:"), m.out());
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws IOException {
        Path notOnnx = Files.writeString(dir.resolve("notes.onnx"), "this is not a model");
        assertTrue(badInput("import", notOnnx.toString()).contains("not an ONNX model"));
        Path squeezenet = model("light_squeezenet.onnx");
        byte[] bytes = Files.readAllBytes(squeezenet);
        Path truncated = Files.write(dir.resolve("truncated.onnx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(badInput("import", truncated.toString()).contains("truncated"));
        Path cls = model("ch_ppocr_mobile_v2.0_cls_infer.onnx");
        assertTrue(badInput("import", cls.toString()).contains("input x has dynamic dimensions"));
        assertTrue(badInput("import", cls.toString(), "--input-shape", "x=1x3x48").contains("rank 4"));
        String sha = OnnxImporter.read(squeezenet, InputShapes.NONE).sha256();
        String header = "# cleave-profile: 1\n# model: light_squeezenet.onnx\n# modelSha256: " + sha + "\n"
                + "# inputShapes: data_0=1x3x224x224\n# runs: 5\n# warmup: 1\n# threads: 1\n# machine: test\n"
                + "# date: 2026-12-05T00:00:00Z\nnode,opType,runs,medianSeconds,q1Seconds,q3Seconds,minSeconds,"
                + "maxSeconds,outputBytes\n";
        Path missing = Files.writeString(dir.resolve("missing.csv"), header);
        assertTrue(badInput("import", squeezenet.toString(), "--device-profile", missing.toString())
                .contains("has no row"));
        Path other = Files.writeString(dir.resolve("other.csv"), header.replace(sha, "ab".repeat(32)));
        assertTrue(badInput("import", squeezenet.toString(), "--edge-profile", other.toString())
                .contains("modelSha256"));
        Path existing = Files.writeString(dir.resolve("keep.json"), "precious");
        badInput("import", notOnnx.toString(), "-o", existing.toString());
        assertEquals("precious", Files.readString(existing), "-o must not clobber on failure");
        assertTrue(badInput("import", squeezenet.toString(), "--family", "exits").contains("exits"));
    }

    /** Two exits at a third and two thirds of squeezenet's blocks, each after a cut vertex. */
    private static List<String> exitLayers(OnnxModel m) {
        List<BlockView.Block> blocks = m.blockView().blocks();
        int n = blocks.size();
        return List.of(blocks.get(n / 3).id(), blocks.get(2 * n / 3).id());
    }

    private static String[] importArgs(Path model, String family, String view, List<String> at, Path out) {
        return new String[] {"import", model.toString(), "--family", family, "--view", view, "--network", "4g",
            "--exit", at.get(0) + ":rate=0.35,accuracy=0.62,flops=2e6", "--exit", at.get(1) + ":rate=0.7,accuracy=0.8",
            "--final-accuracy", "0.9", "-o", out.toString()};
    }

    private static void checkExits(DnnGraph g, List<String> at) {
        assertEquals(2, g.exits().size(), g.toString());
        Exit first = g.exits().get(0);
        assertEquals(at.get(0), first.afterLayer());
        assertEquals(0.35, first.exitRate());
        assertEquals(0.62, first.accuracy());
        assertEquals(2e6, first.flops());
        assertEquals(at.get(1), g.exits().get(1).afterLayer());
        assertEquals(0.0, g.exits().get(1).flops());
        for (Exit e : g.exits()) {
            assertTrue(g.isCutVertex(g.indexOf(e.afterLayer())), e.toString());
        }
    }

    @Test
    void declaredExitsMakeP2InstancesOnWhichTheExactSolversAgree() throws IOException {
        Path squeezenet = model("light_squeezenet.onnx");
        OnnxModel m = OnnxImporter.read(squeezenet, InputShapes.NONE);
        List<String> at = exitLayers(m);
        boolean natives = OrToolsNatives.available();
        for (String view : List.of("layers", "blocks")) {
            Path out = dir.resolve("exits-" + view + ".json");
            Run r = run(importArgs(squeezenet, "exits", view, at, out));
            assertEquals(0, r.status(), r.err());
            ExitsProblem p = (ExitsProblem) InstanceJson.read(out).problem();
            assertEquals(0.9, p.finalAccuracy());
            checkExits(p.graph(), at);
            int expectedSize = view.equals("layers") ? m.layerGraph().size() : m.blockGraph().size();
            assertEquals(expectedSize, p.graph().size(), view);
            double reference = Double.NaN;
            List<String> solved = new ArrayList<>();
            for (String id : List.of("mincut", "mincut-compiled", "ortools-milp:scip", "ortools-cpsat")) {
                if (id.startsWith("ortools") && !natives) {
                    continue;
                }
                Solver<ExitsProblem, ExitPlan> s = Solvers.require(Family.EXITS, id);
                Result<ExitPlan> res = s.solve(p, SolveLimits.none());
                assertEquals(Status.OPTIMAL, res.status(), view + " " + id + ": " + res.message());
                if (Double.isNaN(reference)) {
                    reference = res.objective();
                } else {
                    assertEquals(reference, res.objective(), (id.startsWith("ortools") ? 1e-6 : 1e-9) * reference,
                            view + " " + id);
                }
                solved.add(id);
            }
            assertTrue(solved.size() >= 2, "at least two exact P2 solvers ran: " + solved);
            Run cli = run("solve", out.toString(), "--solver", "mincut", "--json");
            assertEquals(0, cli.status(), cli.err());
            assertEquals(reference, Json.MAPPER.readTree(cli.out()).get("objective").asDouble(), 1e-9 * reference);
            Run show = run("import", squeezenet.toString(), "--view", view, "--show", "--exit", at.get(0)
                    + ":rate=0.35,accuracy=0.62", "--final-accuracy", "0.9");
            assertEquals(0, show.status(), show.err());
            assertTrue(show.out().contains("exit exit-" + at.get(0) + " after " + at.get(0) + ": rate 0.35"),
                    show.out());
            System.out.printf(Locale.ROOT, "light_squeezenet %s, exits after %s, 4g: P2 latency %.6f s (%s)%n",
                    view, at, reference, solved);
        }
    }

    @Test
    void declaredExitsMakeP3InstancesOnWhichTheExactSolversAgree() {
        Path squeezenet = model("light_squeezenet.onnx");
        OnnxModel m = OnnxImporter.read(squeezenet, InputShapes.NONE);
        List<String> at = exitLayers(m);
        boolean natives = OrToolsNatives.available();
        for (String view : List.of("layers", "blocks")) {
            Path out = dir.resolve("throughput-" + view + ".json");
            Run r = run(importArgs(squeezenet, "throughput", view, at, out));
            assertEquals(0, r.status(), r.err());
            ThroughputProblem p = (ThroughputProblem) InstanceJson.read(out).problem();
            assertEquals(0.9, p.finalAccuracy());
            checkExits(p.graph(), at);
            double reference = Double.NaN;
            List<String> solved = new ArrayList<>();
            for (String id : List.of("enumerate", "ortools-milp:scip", "ortools-cpsat")) {
                if (id.startsWith("ortools") && !natives) {
                    continue;
                }
                Solver<ThroughputProblem, ExitPlan> s = Solvers.require(Family.THROUGHPUT, id);
                Result<ExitPlan> res = s.solve(p, SolveLimits.none());
                assertEquals(Status.OPTIMAL, res.status(), view + " " + id + ": " + res.message());
                if (Double.isNaN(reference)) {
                    reference = res.objective();
                } else {
                    assertEquals(reference, res.objective(), 1e-6 * reference, view + " " + id);
                }
                solved.add(id);
            }
            assertTrue(!solved.isEmpty(), "enumerate ran");
            System.out.printf(Locale.ROOT, "light_squeezenet %s, exits after %s, 4g: P3 period %.6f s (%s)%n",
                    view, at, reference, solved);
        }
    }

    @Test
    void badExitSpecificationsAreOneLineAndStatusTwo() {
        Path squeezenet = model("light_squeezenet.onnx");
        OnnxModel m = OnnxImporter.read(squeezenet, InputShapes.NONE);
        List<String> at = exitLayers(m);
        DnnGraph g = m.layerGraph();
        String notCut = null;
        for (int v = 1; v < g.size() && notCut == null; v++) {
            if (!g.isCutVertex(v)) {
                notCut = g.layer(v).id();
            }
        }
        assertTrue(notCut != null, "squeezenet has a layer inside a fire module");
        String sq = squeezenet.toString();
        String fine = at.get(1) + ":rate=0.7,accuracy=0.8";
        String msg = badInput("import", sq, "--family", "exits", "--exit", "no_such_layer:rate=0.3,accuracy=0.5",
                "--final-accuracy", "0.9");
        assertTrue(msg.contains("--exit exits[0].afterLayer") && msg.contains("no_such_layer"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", notCut + ":rate=0.3,accuracy=0.5",
                "--final-accuracy", "0.9");
        assertTrue(msg.contains("exits[0].afterLayer") && msg.contains(notCut) && msg.contains("cut vertex"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", at.get(0) + ":rate=0.8,accuracy=0.5",
                "--exit", fine, "--final-accuracy", "0.9");
        assertTrue(msg.contains("exits[1].exitRate") && msg.contains("0.7") && msg.contains("nondecreasing"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", at.get(1) + ":rate=0.7,accuracy=0.8",
                "--exit", at.get(0) + ":rate=0.8,accuracy=0.5", "--final-accuracy", "0.9");
        assertTrue(msg.contains("exits[0].exitRate") && msg.contains("nondecreasing"), msg);
        msg = badInput("import", sq, "--family", "throughput", "--exit", at.get(0) + ":rate=1.5,accuracy=0.5",
                "--final-accuracy", "0.9");
        assertTrue(msg.contains("exits[0].rate") && msg.contains("1.5") && msg.contains("[0, 1]"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", at.get(0) + ":rate=0.5,accuracy=-0.1",
                "--final-accuracy", "0.9");
        assertTrue(msg.contains("exits[0].accuracy") && msg.contains("-0.1"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", fine, "--final-accuracy", "1.2");
        assertTrue(msg.contains("--final-accuracy") && msg.contains("1.2"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", fine);
        assertTrue(msg.contains("--final-accuracy"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", at.get(0) + ":rate=0.5", "--final-accuracy",
                "0.9");
        assertTrue(msg.contains("exits[0].accuracy") && msg.contains("required"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", at.get(0) + ":rate=half,accuracy=0.5",
                "--final-accuracy", "0.9");
        assertTrue(msg.contains("exits[0].rate") && msg.contains("half"), msg);
        msg = badInput("import", sq, "--family", "exits", "--exit", g.output().id() + ":rate=0.9,accuracy=0.5",
                "--final-accuracy", "0.9");
        assertTrue(msg.contains("exits[0].afterLayer") && msg.contains("output layer"), msg);
        msg = badInput("import", sq, "--family", "partition", "--exit", fine, "--final-accuracy", "0.9");
        assertTrue(msg.contains("--exit") && msg.contains("partition"), msg);
    }
}
