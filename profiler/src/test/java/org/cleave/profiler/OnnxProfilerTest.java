package org.cleave.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxProfilerTest {
    private static final ProfileSettings FIVE_RUNS = new ProfileSettings(5, 1, 1, 7L);

    @Test
    void squeezenetHasOneRowPerExecutedNodeWithOrderedStatistics() throws IOException {
        Path model = SharedModels.model("light_squeezenet.onnx");
        NodeProfile profile = OnnxProfiler.profile(model, Map.of(), FIVE_RUNS);
        List<SharedModels.TestNode> nodes = SharedModels.nodes(model);
        List<String> ids = SharedModels.canonicalIds(nodes);
        Map<String, NodeTiming> rows = profile.nodes().stream()
                .collect(Collectors.toMap(NodeTiming::node, r -> r));
        for (int i = 0; i < nodes.size(); i++) {
            String op = nodes.get(i).opType();
            if (op.equals("Constant")) {
                assertFalse(rows.containsKey(ids.get(i)), "Constant node " + ids.get(i) + " got a row");
                continue;
            }
            NodeTiming row = rows.get(ids.get(i));
            assertTrue(row != null, "node " + i + " (" + op + ", id " + ids.get(i) + ") has no row; seed "
                    + FIVE_RUNS.seed());
            assertEquals(op, row.opType(), ids.get(i));
            assertEquals(5, row.runs(), ids.get(i));
            assertTrue(0 <= row.minSeconds() && row.minSeconds() <= row.q1Seconds()
                    && row.q1Seconds() <= row.medianSeconds() && row.medianSeconds() <= row.q3Seconds()
                    && row.q3Seconds() <= row.maxSeconds(), row.toString());
            assertFalse(row.outputs().isEmpty(), "trace gave no output_type_shape for " + ids.get(i));
            long bytes = 0;
            for (NodeTiming.OutputTensor t : row.outputs()) {
                bytes += t.elements() * elementBytes(t.elementType());
            }
            assertEquals(bytes, row.outputBytes(), "output_size of " + ids.get(i) + " " + row.outputs());
        }
        assertEquals(Set.copyOf(rows.keySet()).size(), profile.nodes().size());
        assertTrue(Set.copyOf(ids).containsAll(rows.keySet()), "a row names a node the file lacks");
        assertEquals("data_0=1x3x224x224", profile.inputShapesText());
        assertEquals(64, profile.modelSha256().length());
    }

    @Test
    void ppOcrClassifierRunsAtTheGivenShape() throws IOException {
        Path model = SharedModels.model("ch_ppocr_mobile_v2.0_cls_infer.onnx");
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("x", new long[] {1, 3, 48, 192});
        NodeProfile profile = OnnxProfiler.profile(model, shapes, new ProfileSettings(2, 1, 1, 3L));
        assertEquals("x=1x3x48x192", profile.inputShapesText());
        List<SharedModels.TestNode> nodes = SharedModels.nodes(model);
        List<String> ids = SharedModels.canonicalIds(nodes);
        Map<String, String> opOf = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            opOf.put(ids.get(i), nodes.get(i).opType());
        }
        long executable = nodes.stream().filter(n -> !n.opType().equals("Constant")).count();
        assertEquals(executable, profile.nodes().size());
        for (NodeTiming row : profile.nodes()) {
            assertEquals(opOf.get(row.node()), row.opType(), row.node());
            assertEquals(2, row.runs());
        }
    }

    @Test
    void dynamicDimensionsWithoutAShapeAreOneLineNamingTheInput() {
        Path model = SharedModels.model("ch_ppocr_mobile_v2.0_cls_infer.onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxProfiler.profile(model, Map.of(), FIVE_RUNS));
        assertOneLine(e);
        assertTrue(e.getMessage().contains("input x") && e.getMessage().contains("dynamic dimensions"),
                e.getMessage());
    }

    @Test
    void unknownInputNameIsNamed() {
        Path model = SharedModels.model("light_squeezenet.onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxProfiler.profile(model, Map.of("image", new long[] {1, 3, 224, 224}), FIVE_RUNS));
        assertOneLine(e);
        assertTrue(e.getMessage().contains("no input image") && e.getMessage().contains("data_0"), e.getMessage());
    }

    @Test
    void shapeThatContradictsAFixedDimensionIsNamed() {
        Path model = SharedModels.model("light_squeezenet.onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxProfiler.profile(model, Map.of("data_0", new long[] {1, 3, 100, 224}), FIVE_RUNS));
        assertOneLine(e);
        assertTrue(e.getMessage().contains("dimension 2 of input data_0"), e.getMessage());
    }

    @Test
    void notOnnxAndTruncatedFilesAreOneLine(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "this is a text file, not a model\n");
        assertOneLine(assertThrows(IllegalArgumentException.class,
                () -> OnnxProfiler.profile(text, Map.of(), FIVE_RUNS)));
        byte[] bytes = Files.readAllBytes(SharedModels.model("light_squeezenet.onnx"));
        for (int keep : new int[] {bytes.length / 2, bytes.length - 7, 3}) {
            Path cut = dir.resolve("cut" + keep + ".onnx");
            Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OnnxProfiler.profile(cut, Map.of(), FIVE_RUNS), "kept " + keep + " bytes");
            assertOneLine(e);
            assertTrue(e.getMessage().contains("cut" + keep + ".onnx"), e.getMessage());
        }
    }

    @Test
    void anOperatorOnnxRuntimeDoesNotKnowIsOneLineFromTheLoader(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedModels.model("light_squeezenet.onnx"));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        // same length, so every protobuf length stays valid: only the op_type strings change
        Path odd = dir.resolve("odd.onnx");
        Files.write(odd, text.replace("Relu", "Relz").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxProfiler.profile(odd, Map.of(), FIVE_RUNS));
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("model odd.onnx: ONNX Runtime cannot load it"), e.getMessage());
    }

    @Test
    void settingsRejectNonPositiveRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProfileSettings(0, 5, 1, 1L));
        assertTrue(e.getMessage().startsWith("runs:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProfileSettings(3, -1, 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> new ProfileSettings(3, 1, 0, 1L));
    }

    static void assertOneLine(IllegalArgumentException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"),
                "not one line: " + e.getMessage());
    }

    private static long elementBytes(String traceType) {
        return switch (traceType) {
            case "float", "int32_t", "uint32_t" -> 4;
            case "double", "int64_t", "uint64_t" -> 8;
            case "int8_t", "uint8_t", "bool" -> 1;
            case "int16_t", "uint16_t", "MLFloat16", "BFloat16" -> 2;
            default -> throw new AssertionError("element type " + traceType + " has no size in this test");
        };
    }
}
