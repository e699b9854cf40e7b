package org.cleave.profiler;

import java.util.List;

/**
 * The measured kernel time of one ONNX node over the timed runs, in seconds, and its output bytes.
 *
 * @param node          the node's canonical id (its name if non-empty and unique, else its first
 *                      output's name, with {@code #<index>} appended if that still collides)
 * @param opType        the ONNX operator
 * @param runs          timed runs in which the node ran
 * @param medianSeconds median kernel time per run
 * @param q1Seconds     first quartile (linear interpolation between order statistics)
 * @param q3Seconds     third quartile
 * @param minSeconds    fastest run
 * @param maxSeconds    slowest run
 * @param outputBytes   ONNX Runtime's {@code output_size} of the node (sum over its outputs)
 * @param outputs       the element type and shape of each output as the trace reports it; empty
 *                      when the trace gives none (and always after reading a CSV)
 */
public record NodeTiming(String node, String opType, int runs, double medianSeconds, double q1Seconds,
        double q3Seconds, double minSeconds, double maxSeconds, long outputBytes, List<OutputTensor> outputs) {
    /** Validates order and signs. */
    public NodeTiming {
        if (node == null) {
            throw new IllegalArgumentException("node: must not be null");
        }
        if (opType == null || opType.isBlank()) {
            throw new IllegalArgumentException("opType of node " + node + ": must not be blank");
        }
        if (runs <= 0) {
            throw new IllegalArgumentException("runs of node " + node + ": must be at least 1, got " + runs);
        }
        if (!(0 <= minSeconds && minSeconds <= q1Seconds && q1Seconds <= medianSeconds
                && medianSeconds <= q3Seconds && q3Seconds <= maxSeconds && Double.isFinite(maxSeconds))) {
            throw new IllegalArgumentException("seconds of node " + node + ": need 0 <= min <= q1 <= median <= q3"
                    + " <= max, all finite, got " + minSeconds + ", " + q1Seconds + ", " + medianSeconds + ", "
                    + q3Seconds + ", " + maxSeconds);
        }
        if (outputBytes < 0) {
            throw new IllegalArgumentException("outputBytes of node " + node + ": must be >= 0, got " + outputBytes);
        }
        outputs = List.copyOf(outputs);
    }

    /**
     * One output tensor of a node as ONNX Runtime's trace reports it.
     *
     * @param elementType the trace's element type name ({@code float}, {@code int64_t}, ...)
     * @param shape       the dimensions
     */
    public record OutputTensor(String elementType, List<Long> shape) {
        /** Copies the shape. */
        public OutputTensor {
            shape = List.copyOf(shape);
        }

        /** The number of elements (1 for a scalar). */
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }
}
