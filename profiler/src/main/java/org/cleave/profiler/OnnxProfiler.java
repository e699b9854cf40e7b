package org.cleave.profiler;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Measures the per-node kernel time of an ONNX model with ONNX Runtime's profiler (CPU execution
 * provider).
 *
 * <p>Method: every node of the main graph is first named by its canonical id (the model bytes are
 * rewritten, so that nodes with empty or duplicate names can be matched to the file); the session
 * runs with graph optimisations off ({@code NO_OPT}: no fusion, no constant folding, so executed
 * nodes map one to one to the file's nodes), sequential execution, one inter-op thread and
 * {@link ProfileSettings#threads()} intra-op threads. The inputs are filled once with seeded
 * pseudo-random values of each input's declared element type (floats uniform in [0, 1), integers
 * and booleans 0 or 1). After {@link ProfileSettings#warmup()} discarded runs, each of the
 * {@link ProfileSettings#runs()} timed runs contributes one sample per node: the {@code dur} of its
 * {@code kernel_time} event (microseconds, converted to seconds). ONNX Runtime turns
 * {@code Constant} nodes into initializers when it loads the model, so they never run and get no
 * row.
 *
 * <p>Stateless: every call opens and closes its own session.
 */
public final class OnnxProfiler {
    private OnnxProfiler() {
    }

    /**
     * Profiles {@code model}.
     *
     * @param model       the {@code .onnx} file
     * @param inputShapes concrete shapes of inputs, by input name (required for inputs with dynamic
     *                    dimensions; an input with static dimensions may be given only its own shape)
     * @param settings    runs, warm-up runs, threads, seed
     * @return the profile, one row per executed node in the file's node order
     * @throws IllegalArgumentException for a file that is not a loadable ONNX model, an input shape
     *                                  that is missing, unknown or does not fit, or a model that
     *                                  ONNX Runtime rejects at run time; the message is one line
     */
    public static NodeProfile profile(Path model, Map<String, long[]> inputShapes, ProfileSettings settings) {
        long start = System.nanoTime();
        String modelName = model.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model);
        } catch (IOException e) {
            throw new IllegalArgumentException("model: cannot read " + model + " (" + e.getClass().getSimpleName()
                    + ": " + OnnxGraphNodes.firstLine(e.getMessage()) + ")");
        }
        List<OnnxGraphNodes.Node> nodes = OnnxGraphNodes.decode(bytes, modelName);
        List<String> ids = OnnxGraphNodes.canonicalIds(nodes);
        byte[] renamed = OnnxGraphNodes.renameNodes(bytes, ids);

        // ONNX Runtime's own log would repeat every error on standard error, in colour and over
        // several lines; each error becomes one IllegalArgumentException below instead
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "cleave-profiler");
        Path traceDir = null;
        try {
            traceDir = Files.createTempDirectory("cleave-ort-profile");
            Path trace;
            Map<String, long[]> shapesRun;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setIntraOpNumThreads(settings.threads());
                options.setInterOpNumThreads(1);
                options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
                options.enableProfiling(traceDir.resolve("ort").toString());
                OrtSession session;
                try {
                    session = env.createSession(renamed, options);
                } catch (OrtException e) {
                    throw new IllegalArgumentException("model " + modelName + ": ONNX Runtime cannot load it ("
                            + OnnxGraphNodes.firstLine(e.getMessage()) + ")");
                }
                try (session) {
                    shapesRun = resolveShapes(modelName, session.getInputInfo(), inputShapes);
                    runAll(env, session, shapesRun, settings, modelName);
                    trace = Path.of(session.endProfiling());
                }
            }
            Map<String, Integer> indexOf = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                indexOf.put(ids.get(i), i);
            }
            List<NodeTiming> timings = TraceSummary.summarise(Files.readAllBytes(trace), settings.warmup(),
                    settings.runs(), indexOf, modelName);
            return new NodeProfile(modelName, sha256(bytes), shapesRun, settings.runs(), settings.warmup(),
                    settings.threads(), settings.seed(), MachineInfo.current(env.getVersion()).describe(),
                    Instant.now(), Duration.ofNanos(System.nanoTime() - start), timings);
        } catch (OrtException e) {
            throw new IllegalArgumentException("model " + modelName + ": ONNX Runtime failed ("
                    + OnnxGraphNodes.firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new IllegalStateException("profiler trace: " + e.getMessage(), e);
        } finally {
            deleteQuietly(traceDir);
        }
    }

    /** The shape run for every input: the given one, or the declared one when it is fully static. */
    static Map<String, long[]> resolveShapes(String modelName, Map<String, NodeInfo> inputs,
            Map<String, long[]> given) {
        for (String name : given.keySet()) {
            if (!inputs.containsKey(name)) {
                throw new IllegalArgumentException("inputShapes: model " + modelName + " has no input " + name
                        + " (its inputs: " + String.join(", ", inputs.keySet()) + ")");
            }
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, NodeInfo> e : inputs.entrySet()) {
            String name = e.getKey();
            if (!(e.getValue().getInfo() instanceof TensorInfo info)) {
                throw new IllegalArgumentException("input " + name + " of model " + modelName
                        + ": only tensor inputs are supported, got " + e.getValue().getInfo());
            }
            long[] declared = info.getShape();
            long[] shape = given.get(name);
            if (shape == null) {
                if (Arrays.stream(declared).anyMatch(d -> d <= 0)) {
                    throw new IllegalArgumentException("input " + name + " of model " + modelName
                            + " has dynamic dimensions " + describe(declared, info.getDimensionNames())
                            + "; Maybe give --input-shape " + name + "=" + example(declared));
                }
                shape = declared;
            } else {
                if (shape.length != declared.length) {
                    throw new IllegalArgumentException("inputShapes: input " + name + " has rank " + declared.length
                            + " " + describe(declared, info.getDimensionNames()) + ", got " + shape.length
                            + " dimensions");
                }
                for (int i = 0; i < shape.length; i++) {
                    if (shape[i] <= 0) {
                        throw new IllegalArgumentException("inputShapes: dimension " + i + " of input " + name
                                + " must be positive, got " + shape[i]);
                    }
                    if (declared[i] > 0 && declared[i] != shape[i]) {
                        throw new IllegalArgumentException("inputShapes: dimension " + i + " of input " + name
                                + " is fixed at " + declared[i] + " by the model, got " + shape[i]);
                    }
                }
            }
            if (info.type == OnnxJavaType.STRING || info.type == OnnxJavaType.UNKNOWN) {
                throw new IllegalArgumentException("input " + name + " of model " + modelName + ": element type "
                        + info.onnxType + " is not supported (numeric and boolean inputs only)");
            }
            shapes.put(name, shape.clone());
        }
        return shapes;
    }

    private static void runAll(OrtEnvironment env, OrtSession session, Map<String, long[]> shapes,
            ProfileSettings settings, String modelName) throws OrtException {
        SplittableRandom random = new SplittableRandom(settings.seed());
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        Map<String, NodeInfo> infos = session.getInputInfo();
        try {
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                TensorInfo info = (TensorInfo) infos.get(e.getKey()).getInfo();
                feeds.put(e.getKey(), randomTensor(env, info.type, e.getKey(), e.getValue(), random));
            }
            int total = settings.warmup() + settings.runs();
            for (int r = 0; r < total; r++) {
                try (OrtSession.Result ignored = session.run(feeds)) {
                    // outputs are not needed: only the profiler's events are
                } catch (OrtException e) {
                    throw new IllegalArgumentException("model " + modelName + ": ONNX Runtime cannot run it at "
                            + "inputShapes " + text(shapes) + " (" + OnnxGraphNodes.firstLine(e.getMessage()) + ")");
                }
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor randomTensor(OrtEnvironment env, OnnxJavaType type, String name, long[] shape,
            SplittableRandom random) throws OrtException {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        int width = type.size;
        if (count * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("inputShapes: input " + name + " would have " + count
                    + " elements, more than one buffer holds");
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) count * width).order(ByteOrder.nativeOrder());
        for (long i = 0; i < count; i++) {
            switch (type) {
                case FLOAT -> buffer.putFloat((float) random.nextDouble());
                case DOUBLE -> buffer.putDouble(random.nextDouble());
                case INT8, UINT8, BOOL -> buffer.put((byte) random.nextInt(2));
                case INT16 -> buffer.putShort((short) random.nextInt(2));
                case INT32 -> buffer.putInt(random.nextInt(2));
                case INT64 -> buffer.putLong(random.nextInt(2));
                // half precision in [0.5, 1): exponent of 0.5, random mantissa
                case FLOAT16 -> buffer.putShort((short) (0x3800 | random.nextInt(0x400)));
                // bfloat16 is the upper half of a float
                case BFLOAT16 -> buffer.putShort((short) (Float.floatToIntBits((float) random.nextDouble()) >>> 16));
                default -> throw new IllegalArgumentException("input " + name + ": element type " + type
                        + " is not supported");
            }
        }
        buffer.rewind();
        return OnnxTensor.createTensor(env, buffer, shape, type);
    }

    private static String describe(long[] dims, String[] names) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            b.append(i == 0 ? "" : ", ");
            boolean named = names != null && i < names.length && names[i] != null && !names[i].isEmpty();
            b.append(dims[i] > 0 ? Long.toString(dims[i]) : named ? names[i] : "?");
        }
        return b.append(']').toString();
    }

    private static String example(long[] declared) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < declared.length; i++) {
            b.append(i == 0 ? "" : "x").append(declared[i] > 0 ? declared[i] : i == 0 ? 1 : 224);
        }
        return b.toString();
    }

    private static String text(Map<String, long[]> shapes) {
        List<String> parts = new ArrayList<>();
        shapes.forEach((n, d) -> {
            StringBuilder b = new StringBuilder(n).append('=');
            for (int i = 0; i < d.length; i++) {
                b.append(i == 0 ? "" : "x").append(d[i]);
            }
            parts.add(b.toString());
        });
        return String.join(",", parts);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : new TreeSet<>(files.toList())) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary trace left behind is harmless; the profile is already complete
        }
    }
}
