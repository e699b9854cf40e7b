package org.cleave.instances.importers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Device;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.partition.PartitionEvaluator;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.instances.io.InvalidInstanceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OnnxImporter} on the shared models (parameters and MACs checked against independent
 * counts) and on small hand-made models (several outputs: evaluator cost = hand-computed cost;
 * bad input: one line naming the node or field).
 */
class OnnxImporterTest {
    @TempDir
    Path dir;

    static Stream<Arguments> models() {
        return OnnxTestData.MODELS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static OnnxModel load(String file, String shapes) {
        Path path = OnnxTestData.dir().resolve(file);
        assumeTrue(Files.isRegularFile(path), OnnxTestData.absent(path));
        return OnnxImporter.read(path, InputShapes.parse(shapes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void parametersEqualTheFloatConstantsTheFileHolds(String file, String shapes) throws IOException {
        OnnxModel m = load(file, shapes);
        OnnxProto.Graph g = OnnxProto.parseModel(Files.readAllBytes(OnnxTestData.dir().resolve(file))).graph();
        Map<String, double[]> intConstants = new HashMap<>();
        long floats = 0;
        for (OnnxProto.Tensor t : g.initializers()) {
            if (ElementType.of(t.dataType()).isFloating()) {
                floats += t.elements();
            } else {
                intConstants.put(t.name(), t.values(1 << 16));
            }
        }
        for (OnnxProto.Node n : g.nodes()) {
            if (n.opType().equals("Constant") && n.attributes().containsKey("value")) {
                OnnxProto.Tensor t = n.attributes().get("value").t();
                if (ElementType.of(t.dataType()).isFloating()) {
                    floats += t.elements();
                } else {
                    intConstants.put(n.outputs().get(0), t.values(1 << 16));
                }
            }
        }
        for (OnnxProto.Node n : g.nodes()) {
            if (n.opType().equals("ConstantOfShape")) {
                OnnxProto.Attribute value = n.attributes().get("value");
                if (value == null || ElementType.of(value.t().dataType()).isFloating()) {
                    double[] shape = intConstants.get(n.inputs().get(0));
                    assertTrue(shape != null, file + ": ConstantOfShape " + n.name() + " has a computed shape");
                    floats += (long) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                }
            }
        }
        assertEquals(floats, m.parameters(), file);
        long attached = m.layers().stream().mapToLong(OnnxLayer::parameters).sum();
        assertEquals(m.parameters(), attached + m.unattachedParameters(), file);
        assertTrue(m.unattachedParameters() <= 1, file + ": unattached " + m.unattachedParameters());
        for (OnnxLayer l : m.layers()) {
            assertTrue(l.outputBytes() > 0 || l.role() == OnnxLayer.Role.OUTPUT_TAP, l.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void convAndLinearMacsFollowTheTextbookFormula(String file, String shapes) throws IOException {
        OnnxModel m = load(file, shapes);
        OnnxProto.Graph g = OnnxProto.parseModel(Files.readAllBytes(OnnxTestData.dir().resolve(file))).graph();
        Map<String, long[]> weightDims = new HashMap<>();
        g.initializers().forEach(t -> weightDims.put(t.name(), t.dims()));
        Map<String, double[]> ints = new HashMap<>();
        g.initializers().forEach(t -> ints.put(t.name(), t.values(64)));
        for (OnnxProto.Node n : g.nodes()) {
            if (n.opType().equals("Constant") && n.attributes().containsKey("value")) {
                OnnxProto.Tensor t = n.attributes().get("value").t();
                weightDims.put(n.outputs().get(0), t.dims());
                ints.put(n.outputs().get(0), t.values(64));
            } else if (n.opType().equals("ConstantOfShape") && ints.get(n.inputs().get(0)) != null) {
                weightDims.put(n.outputs().get(0), Arrays.stream(ints.get(n.inputs().get(0))).mapToLong(d -> (long) d)
                        .toArray());
            } else if (n.opType().equals("Reshape") && weightDims.containsKey(n.inputs().get(0))
                    && ints.get(n.inputs().get(1)) != null) {
                long[] dims = Arrays.stream(ints.get(n.inputs().get(1))).mapToLong(d -> (long) d).toArray();
                long total = Arrays.stream(weightDims.get(n.inputs().get(0))).reduce(1, (a, b) -> a * b);
                long known = Arrays.stream(dims).filter(d -> d > 0).reduce(1, (a, b) -> a * b);
                weightDims.put(n.outputs().get(0), Arrays.stream(dims).map(d -> d == -1 ? total / known : d).toArray());
            }
        }
        List<String> ids = OnnxNodeIds.of(g.nodes().stream().map(OnnxProto.Node::name).toList(),
                g.nodes().stream().map(n -> n.outputs().get(0)).toList());
        Map<String, OnnxLayer> byId = new HashMap<>();
        m.layers().forEach(l -> byId.put(l.id(), l));
        int checked = 0;
        long sum = 0;
        for (int k = 0; k < g.nodes().size(); k++) {
            OnnxProto.Node n = g.nodes().get(k);
            OnnxLayer l = byId.get(ids.get(k));
            if (l == null || !List.of("Conv", "ConvTranspose", "Gemm", "MatMul").contains(n.opType())) {
                continue;
            }
            long[] w = weightDims.get(n.inputs().get(1));
            long out = l.outputShape().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
            long expected = switch (n.opType()) {
                case "Conv" -> out * w[1] * Arrays.stream(w, 2, w.length).reduce(1, (a, b) -> a * b);
                case "ConvTranspose" -> {
                    long in = byId.get(l.inputs().get(0)).outputShape().stream().mapToLong(Long::longValue)
                            .reduce(1, (a, b) -> a * b);
                    yield in * w[1] * Arrays.stream(w, 2, w.length).reduce(1, (a, b) -> a * b);
                }
                case "Gemm" -> {
                    boolean transB = n.attributes().containsKey("transB") && n.attributes().get("transB").i() != 0;
                    yield l.outputShape().get(0) * (transB ? w[1] : w[0]) * (transB ? w[0] : w[1]);
                }
                default -> out * w[w.length - 2];
            };
            assertEquals(expected, l.multiplyAccumulates(), file + " " + l.id());
            assertEquals(2.0 * expected, l.flops(), file + " " + l.id());
            sum += expected;
            checked++;
        }
        assertTrue(checked > 0, file);
        assertEquals(sum, m.multiplyAccumulates(), file);
    }

    @Test
    void squeezenetFoldsItsConstantOfShapeWeights() {
        OnnxModel m = load("light_squeezenet.onnx", "");
        assertEquals(105, m.nodeCount());
        assertEquals(66, m.nodeLayerCount());
        assertEquals(39, m.operatorCounts().get("ConstantOfShape"));
        assertEquals(1_235_496, m.parameters());
        DnnGraph g = m.layerGraph();
        assertEquals(3 * 224 * 224 * 4, g.input().outputBytes());
        assertEquals(1000 * 4, g.output().outputBytes());
    }

    @Test
    void ppOcrNeedsItsInputShapeAndNamesTheDynamicDimensions() {
        Path path = OnnxTestData.dir().resolve("ch_ppocr_mobile_v2.0_cls_infer.onnx");
        assumeTrue(Files.isRegularFile(path), OnnxTestData.absent(path));
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> OnnxImporter.read(path, InputShapes.NONE));
        assertTrue(e.getMessage().contains("input x has dynamic dimensions 0"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        OnnxModel m = OnnxImporter.read(path, InputShapes.parse("x=1x3x48x192"));
        assertEquals(2 * 4, m.layerGraph().output().outputBytes(), "two class scores");
    }

    /**
     * x[1,4] → A = Relu → S = Split into s1, s2 [1,2] → B = Relu(s1), C = Sigmoid(s2), both graph
     * outputs. Rates: device 1 FLOP/s, edge 2 FLOP/s, uplink 8 bit/s (1 byte/s), downlink 16 bit/s
     * (2 bytes/s), no latency.
     */
    @Test
    void severalOutputsAndASplitCostWhatTheRealModelCosts() {
        byte[] model = new OnnxWriter(13).input("x", 1, 4)
                .node("A", "Relu", List.of("x"), List.of("a"))
                .node("S", "Split", List.of("a"), List.of("s1", "s2"), "axis", new long[] {1})
                .node("B", "Relu", List.of("s1"), List.of("b"))
                .node("C", "Sigmoid", List.of("s2"), List.of("c"))
                .output("b").output("c").bytes();
        OnnxModel m = OnnxImporter.read(model, "split.onnx", "split.onnx", InputShapes.NONE, null, null);
        DnnGraph g = m.layerGraph();
        assertEquals(List.of("x", "A", "S", "S:s1", "S:s2", "B", "C", "output:b", "output:c", "output"),
                g.layers().stream().map(l -> l.id()).toList().stream().sorted((a, b) ->
                        Integer.compare(order(a), order(b))).toList());
        assertEquals(16, g.layer(g.indexOf("S")).outputBytes(), "the bundle of both outputs");
        assertEquals(8, g.layer(g.indexOf("S:s1")).outputBytes());
        assertEquals(0, g.layer(g.indexOf("output:b")).outputBytes());
        assertEquals(16, g.output().outputBytes(), "the result bundle b + c");
        PartitionProblem p = new PartitionProblem(g, new Device(1, 1, 1, 1), new EdgeServer(2),
                new Link(8, 16, 0), CostWeights.LATENCY, 0);
        // all on the device: A 4 + B 2 + C 2 FLOPs at 1 FLOP/s
        assertEquals(8.0, cost(p, g), 1e-12);
        // A, S and the output vertices on the device, B and C on the edge: upload s1 and s2 (8 B each at
        // 1 B/s), edge 4 FLOPs at 2 FLOP/s, download b and c (16 B at 2 B/s): 4 + 16 + 2 + 8
        assertEquals(30.0, cost(p, g, "B", "C", "output:b", "output:c", "output"), 1e-12);
        // S:s1 on the edge with S on the device ships the whole bundle (16 B at 1 B/s), a real execution:
        // device A + C 6 s, upload 16 s, edge B 1 s, download b + c 8 s
        assertEquals(6 + 16 + 1 + 8, cost(p, g, "S:s1", "B", "output:b", "output"), 1e-12);
        // the documented gap: B on the edge, C on the device. The real model uploads s1 (8 s), runs B
        // on the edge (1 s) and downloads b (4 s) while C runs on the device: 4 + 2 + 8 + 1 + 4 = 19 s.
        // The sink downloads b + c (8 s), charging c's 8 bytes once more (4 s): 23 s.
        double real = 4 + 2 + 8 + 1 + 4;
        double gap = 8 / 2.0;
        assertEquals(real + gap, cost(p, g, "B", "output:b", "output"), 1e-12);
    }

    private static int order(String id) {
        return List.of("x", "A", "S", "S:s1", "S:s2", "B", "C", "output:b", "output:c", "output").indexOf(id);
    }

    private static double cost(PartitionProblem p, DnnGraph g, String... onEdge) {
        boolean[] edge = new boolean[g.size()];
        for (String id : onEdge) {
            edge[g.indexOf(id)] = true;
        }
        return PartitionEvaluator.evaluate(p, Placement.of(edge)).objective();
    }

    @Test
    void severalInputsGetAVirtualSource() {
        byte[] model = new OnnxWriter(13).input("x", 1, 4).input("y", 1, 4)
                .node("A", "Add", List.of("x", "y"), List.of("a")).output("a").bytes();
        OnnxModel m = OnnxImporter.read(model, "two.onnx", "two.onnx", InputShapes.NONE, null, null);
        DnnGraph g = m.layerGraph();
        assertEquals("input", g.input().id());
        assertEquals(32, g.input().outputBytes(), "the bundle of both inputs");
        assertEquals(16, g.layer(g.indexOf("x")).outputBytes());
        assertEquals(4.0, g.layer(g.indexOf("A")).flops(), "1 add per element");
    }

    @Test
    void badInputIsOneLineNamingTheNodeOrField() throws IOException {
        assertBad("not an ONNX model", "hello, this is not a model".getBytes(), InputShapes.NONE, null);
        byte[] good = new OnnxWriter(13).input("x", 1, 4).initializer("W", 4, 3)
                .node("M", "MatMul", List.of("x", "W"), List.of("y")).output("y").bytes();
        OnnxModel ok = OnnxImporter.read(good, "m.onnx", "m.onnx", InputShapes.NONE, null, null);
        assertEquals(12, ok.parameters());
        assertEquals(12, ok.multiplyAccumulates());
        assertBad("truncated", Arrays.copyOf(good, good.length - 7), InputShapes.NONE, null);
        byte[] unknown = new OnnxWriter(13).input("x", 1, 4)
                .node("F", "FancyOp", List.of("x"), List.of("y")).output("y").bytes();
        assertBad("node F (FancyOp): cannot infer its output shape", unknown, InputShapes.NONE, null);
        byte[] dynamic = new OnnxWriter(13).input("x", 0, 4)
                .node("R", "Relu", List.of("x"), List.of("y")).output("y").bytes();
        assertBad("input x has dynamic dimensions 0 (N)", dynamic, InputShapes.NONE, null);
        assertEquals(2 * 4 * 4, OnnxImporter.read(dynamic, "d.onnx", "d.onnx", InputShapes.parse("x=2x4"), null,
                null).layerGraph().output().outputBytes());
        byte[] loop = new OnnxWriter(13).input("x", 1, 4)
                .node("L", "Loop", List.of("x"), List.of("y")).output("y").bytes();
        assertBad("node L (Loop): control flow", loop, InputShapes.NONE, null);
        String sha = OnnxImporter.sha256(good);
        String header = "# cleave-profile: 1\n# model: m.onnx\n# modelSha256: " + sha + "\n# inputShapes: x=1x4\n"
                + "# runs: 5\n# warmup: 1\n# threads: 1\n# machine: test\n# date: 2026-12-05T00:00:00Z\n"
                + OnnxProfile.COLUMNS + "\n";
        OnnxProfile missing = OnnxProfile.parse(header, "p.csv");
        assertBad("node M has no row", good, InputShapes.NONE, missing);
        OnnxProfile other = OnnxProfile.parse(header.replace(sha, "0".repeat(64)) + "M,MatMul,5,1e-3,1e-3,1e-3,"
                + "1e-3,1e-3,16\n", "p.csv");
        assertBad("modelSha256", good, InputShapes.NONE, other);
        OnnxProfile extra = OnnxProfile.parse(header + "M,MatMul,5,1e-3,1e-3,1e-3,1e-3,1e-3,12\n"
                + "Z,Relu,5,1e-3,1e-3,1e-3,1e-3,1e-3,16\n", "p.csv");
        assertBad("node Z (device profile) is not a node", good, InputShapes.NONE, extra);
        OnnxProfile fine = OnnxProfile.parse(header + "M,MatMul,5,2e-3,1e-3,3e-3,1e-3,4e-3,12\n", "p.csv");
        OnnxModel measured = OnnxImporter.read(good, "m.onnx", "m.onnx", InputShapes.NONE, fine, fine);
        assertEquals(2e-3, measured.layerGraph().output().measuredDeviceSeconds().getAsDouble());
        assertEquals(2e-3, measured.layerGraph().output().measuredEdgeSeconds().getAsDouble());
        OnnxProfile unknownMeasured = OnnxProfile.parse(header.replace(sha, OnnxImporter.sha256(unknown))
                + "F,FancyOp,5,2e-3,1e-3,3e-3,1e-3,4e-3,20\n", "p.csv");
        OnnxModel u = OnnxImporter.read(unknown, "u.onnx", "u.onnx", InputShapes.NONE, unknownMeasured, null);
        assertEquals(20, u.layerGraph().output().outputBytes(), "bytes from the profile");
        assertTrue(u.warnings().get(0).contains("FancyOp"), u.warnings().toString());
    }

    private static void assertBad(String expected, byte[] model, InputShapes shapes, OnnxProfile profile) {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> OnnxImporter.read(model, "m.onnx", "m.onnx", shapes, profile, null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
