package org.cleave.profiler;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A measured profile of one ONNX model: per executed node its kernel-time statistics and output
 * bytes, with what was run (model, its SHA-256, the concrete input shapes, runs, warm-up runs,
 * threads, input seed) and where (the machine).
 *
 * @param model       the model's file name (without directories)
 * @param modelSha256 SHA-256 of the model file's bytes, 64 lowercase hex digits
 * @param inputShapes the concrete shape run for every data input, in the model's input order
 * @param runs        timed runs
 * @param warmup      discarded warm-up runs
 * @param threads     intra-op threads
 * @param seed        seed of the input values ({@code -1} when read back from a CSV, which does not
 *                    carry it)
 * @param machine     the machine it ran on
 * @param date        when the measurement finished
 * @param wallTime    wall time of the whole profiling, session creation included ({@link Duration#ZERO}
 *                    when read back from a CSV)
 * @param nodes       one row per node that ONNX Runtime executed, in execution order
 */
public record NodeProfile(String model, String modelSha256, Map<String, long[]> inputShapes, int runs, int warmup,
        int threads, long seed, String machine, Instant date, Duration wallTime, List<NodeTiming> nodes) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates and copies. */
    public NodeProfile {
        if (model == null || model.isBlank() || model.contains("/") || model.contains("\n")) {
            throw new IllegalArgumentException("model: must be a file name without directories, got " + model);
        }
        if (modelSha256 == null || !SHA256.matcher(modelSha256).matches()) {
            throw new IllegalArgumentException("modelSha256: must be 64 lowercase hex digits, got " + modelSha256);
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        inputShapes.forEach((name, dims) -> {
            for (long d : dims) {
                if (d <= 0) {
                    throw new IllegalArgumentException("inputShapes: dimension of " + name + " must be positive, got "
                            + d);
                }
            }
            shapes.put(name, dims.clone());
        });
        inputShapes = Collections.unmodifiableMap(shapes);
        if (runs <= 0 || warmup < 0 || threads <= 0) {
            throw new IllegalArgumentException("runs/warmup/threads: need runs >= 1, warmup >= 0, threads >= 1, got "
                    + runs + "/" + warmup + "/" + threads);
        }
        if (machine == null || machine.isBlank() || machine.contains("\n")) {
            throw new IllegalArgumentException("machine: must be one non-blank line");
        }
        if (date == null || wallTime == null) {
            throw new IllegalArgumentException("date/wallTime: must not be null");
        }
        nodes = List.copyOf(nodes);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NodeTiming n : nodes) {
            if (!seen.add(n.node())) {
                throw new IllegalArgumentException("nodes: node " + n.node() + " appears twice");
            }
        }
    }

    /** The input shapes in the option syntax {@code NAME=1x3x224x224[,NAME=...]}. */
    public String inputShapesText() {
        StringBuilder b = new StringBuilder();
        inputShapes.forEach((name, dims) -> {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(name).append('=');
            for (int i = 0; i < dims.length; i++) {
                b.append(i == 0 ? "" : "x").append(dims[i]);
            }
        });
        return b.toString();
    }

    /** Sum of the nodes' median seconds: a per-run total of kernel time (not the run's wall time). */
    public double totalMedianSeconds() {
        double s = 0;
        for (NodeTiming n : nodes) {
            s += n.medianSeconds();
        }
        return s;
    }
}
