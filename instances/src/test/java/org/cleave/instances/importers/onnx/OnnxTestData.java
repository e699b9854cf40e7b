package org.cleave.instances.importers.onnx;

import org.cleave.core.testing.SharedData;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared ONNX models: {@code $CLEAVE_DATA/onnx} when that variable is set, else
 * {@code ../shared/data/onnx} beside the repository root. Tests skip, saying so, when absent.
 */
public final class OnnxTestData {
    /** Every shared model with the input shapes it needs ("" when its shapes are static). */
    public static final Map<String, String> MODELS = new LinkedHashMap<>();

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

    private OnnxTestData() {
    }

    /** The folder of the shared ONNX models (may not exist). */
    public static Path dir() {
        return SharedData.onnx();
    }

    /** The reason a test skips when {@code file} is absent. */
    public static String absent(Path file) {
        return "no " + file + ": the shared ONNX models are absent (set CLEAVE_DATA), test skipped";
    }
}
