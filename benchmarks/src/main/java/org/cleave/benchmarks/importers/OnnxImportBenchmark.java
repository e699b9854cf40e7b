package org.cleave.benchmarks.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cleave.instances.importers.onnx.InputShapes;
import org.cleave.instances.importers.onnx.OnnxImporter;
import org.cleave.instances.importers.onnx.OnnxModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm import of an ONNX model from bytes already in memory: protobuf decoding, constant folding,
 * shapes, FLOPs, parameters, the layer DAG and its block view ({@link OnnxImporter}). Models from
 * {@code $CLEAVE_DATA/onnx} (default {@code ../shared/data/onnx}): {@code light_shufflenet}
 * (446 nodes) and the PP-OCRv4 detector (672 nodes, input 1x3x640x640). Goal: at most 100 ms each.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar OnnxImportBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OnnxImportBenchmark {
    @Param({"light_shufflenet", "ch_PP-OCRv4_det_infer"})
    public String model;

    private byte[] bytes;
    private InputShapes shapes;

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getenv().getOrDefault("CLEAVE_DATA", "../shared/data")).resolve("onnx");
        Path file = dir.resolve(model + ".onnx");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is not present: set CLEAVE_DATA to the shared data folder");
        }
        bytes = Files.readAllBytes(file);
        shapes = model.startsWith("ch_PP-OCRv4_det") ? InputShapes.parse("x=1x3x640x640") : InputShapes.NONE;
    }

    @Benchmark
    public OnnxModel importModel() {
        return OnnxImporter.read(bytes, model + ".onnx", model + ".onnx", shapes, null, null);
    }
}
