package org.cleave.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cleave.core.model.Layer;
import org.cleave.instances.importers.onnx.InputShapes;
import org.cleave.instances.importers.onnx.OnnxImporter;
import org.cleave.instances.importers.onnx.OnnxLayer;
import org.cleave.instances.importers.onnx.OnnxModel;
import org.cleave.instances.importers.onnx.OnnxProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The importer against ONNX Runtime on every shared model: each imported layer's output bytes equal
 * ONNX Runtime's {@code output_size} for that node at the same input shape (one profiled run each),
 * and a measured profile imported as both tiers puts the measured median on every layer.
 */
class ImportMatchesOnnxRuntimeTest {
    @TempDir
    Path dir;

    /**
     * Every layer that stands for an ONNX node has a profile row, and its bytes are ONNX Runtime's.
     * The one exception is a node whose extra outputs nothing reads (Dropout's mask): the importer
     * sends only the read output, so its bytes must equal that output's bytes in the trace.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "light_bvlc_alexnet.onnx;", "light_zfnet512.onnx;", "light_vgg19.onnx;", "light_squeezenet.onnx;",
            "light_inception_v1.onnx;", "light_shufflenet.onnx;", "light_resnet50.onnx;",
            "ch_ppocr_mobile_v2.0_cls_infer.onnx;x=1x3x48x192", "ch_PP-OCRv4_det_infer.onnx;x=1x3x640x640"})
    void layerBytesEqualOnnxRuntimeOutputSize(String file, String shapes) {
        Path model = SharedModels.model(file);
        InputShapes given = shapes == null ? InputShapes.NONE : InputShapes.parse(shapes);
        OnnxModel imported = OnnxImporter.read(model, given);
        NodeProfile profile = OnnxProfiler.profile(model, given.shapes(), new ProfileSettings(1, 0, 1, 1L));
        Map<String, NodeTiming> rows = profile.nodes().stream()
                .collect(Collectors.toMap(NodeTiming::node, Function.identity()));
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (OnnxLayer layer : imported.layers()) {
            if (layer.role() != OnnxLayer.Role.NODE) {
                continue;
            }
            NodeTiming row = rows.get(layer.id());
            assertNotNull(row, file + ": ONNX Runtime ran no node " + layer.id());
            compared++;
            long bytes = (long) layer.outputBytes();
            assertEquals(layer.outputBytes(), bytes, file + " " + layer.id() + ": whole bytes");
            if (bytes == row.outputBytes()) {
                continue;
            }
            boolean firstOutputOnly = row.outputs().size() > 1 && bytes == bytesOf(row.outputs().get(0));
            if (!firstOutputOnly) {
                mismatches.add(layer.id() + " (" + layer.opType() + "): imported " + bytes + " B, ONNX Runtime "
                        + row.outputBytes() + " B " + row.outputs());
            }
        }
        System.out.printf("%s: %d layers compared with ONNX Runtime's output_size%n", file, compared);
        assertTrue(compared > 0, file + ": no layer compared");
        assertTrue(mismatches.isEmpty(), file + ": " + mismatches);
    }

    /** Issue 16's end-to-end case: light_squeezenet profiled with 5 runs, imported with that profile on both tiers. */
    @Test
    void aMeasuredProfileWinsOnEveryLayer() {
        Path model = SharedModels.model("light_squeezenet.onnx");
        NodeProfile measured = OnnxProfiler.profile(model, Map.of(), new ProfileSettings(5, 1, 1, 1L));
        Path csv = dir.resolve("squeezenet.csv");
        ProfileCsv.write(measured, csv);
        OnnxProfile read = OnnxProfile.read(csv);
        OnnxModel imported = OnnxImporter.read(model, InputShapes.NONE, read, read);
        Map<String, NodeTiming> rows = measured.nodes().stream()
                .collect(Collectors.toMap(NodeTiming::node, Function.identity()));
        int layers = 0;
        for (OnnxLayer layer : imported.layers()) {
            if (layer.role() != OnnxLayer.Role.NODE) {
                continue;
            }
            layers++;
            double median = rows.get(layer.id()).medianSeconds();
            assertEquals(median, layer.measuredDeviceSeconds(), 0.0, layer.id());
            assertEquals(median, layer.measuredEdgeSeconds(), 0.0, layer.id());
            Layer inGraph = imported.layerGraph().layer(imported.layerGraph().indexOf(layer.id()));
            assertEquals(median, inGraph.measuredDeviceSeconds().orElseThrow(), 0.0, layer.id());
            assertEquals(median, inGraph.measuredEdgeSeconds().orElseThrow(), 0.0, layer.id());
        }
        assertFalse(layers == 0, "no layer imported");
        assertEquals(66, layers, "light_squeezenet's layers after folding");
    }

    private static long bytesOf(NodeTiming.OutputTensor t) {
        long size = switch (t.elementType()) {
            case "float", "int32_t", "uint32_t" -> 4;
            case "double", "int64_t", "uint64_t" -> 8;
            case "MLFloat16", "BFloat16", "int16_t", "uint16_t" -> 2;
            case "bool", "int8_t", "uint8_t" -> 1;
            default -> throw new IllegalArgumentException("element type " + t.elementType());
        };
        return size * t.elements();
    }
}
