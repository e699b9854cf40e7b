package org.cleave.profiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-node statistics from an ONNX Runtime profiler trace (Chrome trace format: a JSON array of
 * events with {@code cat}, {@code name}, {@code ts} and {@code dur} in microseconds, {@code args}).
 *
 * <p>Each {@code Session/model_run} event spans one run; the first {@code warmup} runs are dropped.
 * A {@code Node} event named {@code <node>_kernel_time} inside a kept run is one sample of that
 * node; its {@code args.output_size} is the node's output bytes and {@code args.output_type_shape}
 * (when present) its outputs' element types and shapes.
 */
final class TraceSummary {
    private static final String KERNEL_SUFFIX = "_kernel_time";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceSummary() {
    }

    /** One node's samples: seconds per kept run (summed if it ran twice in one run). */
    private static final class Samples {
        final String opType;
        final double[] secondsPerRun;
        final boolean[] ran;
        long outputBytes;
        List<NodeTiming.OutputTensor> outputs = List.of();

        Samples(String opType, int runs) {
            this.opType = opType;
            this.secondsPerRun = new double[runs];
            this.ran = new boolean[runs];
        }
    }

    static List<NodeTiming> summarise(byte[] traceJson, int warmup, int runs, Map<String, Integer> indexOf,
            String modelName) throws IOException {
        JsonNode root = JSON.readTree(traceJson);
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        List<long[]> runSpans = new ArrayList<>();
        for (JsonNode e : events) {
            if ("Session".equals(e.path("cat").asText()) && "model_run".equals(e.path("name").asText())) {
                runSpans.add(new long[] {e.path("ts").asLong(), e.path("ts").asLong() + e.path("dur").asLong()});
            }
        }
        if (runSpans.size() != warmup + runs) {
            throw new IllegalStateException("profiler trace of " + modelName + ": expected " + (warmup + runs)
                    + " model_run events, found " + runSpans.size());
        }
        runSpans.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> kept = runSpans.subList(warmup, runSpans.size());
        long[] starts = kept.stream().mapToLong(s -> s[0]).toArray();

        Map<String, Samples> byNode = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String name = e.path("name").asText();
            if (!"Node".equals(e.path("cat").asText()) || !name.endsWith(KERNEL_SUFFIX)) {
                continue;
            }
            long ts = e.path("ts").asLong();
            int pos = Arrays.binarySearch(starts, ts);
            int run = pos >= 0 ? pos : -pos - 2;
            if (run < 0 || ts > kept.get(run)[1]) {
                continue; // a warm-up run's event
            }
            String node = name.substring(0, name.length() - KERNEL_SUFFIX.length());
            JsonNode args = e.path("args");
            Samples s = byNode.computeIfAbsent(node, n -> new Samples(args.path("op_name").asText(), runs));
            s.secondsPerRun[run] += e.path("dur").asLong() / 1e6;
            s.ran[run] = true;
            s.outputBytes = args.path("output_size").asLong();
            s.outputs = outputs(args.path("output_type_shape"));
        }
        for (String node : byNode.keySet()) {
            if (!indexOf.containsKey(node)) {
                throw new IllegalStateException("profiler trace of " + modelName + ": node " + node
                        + " is not a node of the model (ONNX Runtime added it?)");
            }
        }
        List<NodeTiming> rows = new ArrayList<>();
        byNode.entrySet().stream()
                .sorted(Comparator.comparingInt(en -> indexOf.get(en.getKey())))
                .forEach(en -> rows.add(timing(en.getKey(), en.getValue())));
        return rows;
    }

    private static NodeTiming timing(String node, Samples s) {
        double[] x = new double[s.secondsPerRun.length];
        int n = 0;
        for (int r = 0; r < x.length; r++) {
            if (s.ran[r]) {
                x[n++] = s.secondsPerRun[r];
            }
        }
        x = Arrays.copyOf(x, n);
        Arrays.sort(x);
        return new NodeTiming(node, s.opType, n, quantile(x, 0.5), quantile(x, 0.25), quantile(x, 0.75), x[0],
                x[n - 1], s.outputBytes, s.outputs);
    }

    /**
     * The p-quantile of sorted {@code x} by linear interpolation between order statistics:
     * h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double v = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        // keep the order min <= q1 <= median <= q3 <= max exact under rounding
        return Math.max(sorted[lo], Math.min(sorted[hi], v));
    }

    private static List<NodeTiming.OutputTensor> outputs(JsonNode typeShapes) {
        if (!typeShapes.isArray()) {
            return List.of();
        }
        List<NodeTiming.OutputTensor> out = new ArrayList<>();
        for (JsonNode entry : typeShapes) {
            entry.fields().forEachRemaining(f -> {
                List<Long> dims = new ArrayList<>();
                f.getValue().forEach(d -> dims.add(d.asLong()));
                out.add(new NodeTiming.OutputTensor(f.getKey(), dims));
            });
        }
        return out;
    }
}
