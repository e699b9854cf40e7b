package org.cleave.core.stopping;

import org.cleave.core.model.InvalidModelException;

/**
 * The decision rule at one stage k (after layer k has been computed on the device, k = 0 being
 * the raw input): observe h; if {@code h >= offloadThreshold} send layer k's output to the edge
 * now; otherwise do {@link #below()}: compute the next layer ({@link Fallback#COMPUTE}) or wait one
 * slot for a new channel draw ({@link Fallback#WAIT}).
 *
 * @param offloadThreshold the gain threshold θ_k, {@code > 0}; {@code +∞} means never offload here
 *                         (only with {@link Fallback#COMPUTE})
 * @param below            what to do when h is below the threshold
 */
public record StageRule(double offloadThreshold, Fallback below) {
    /** What the device does when the channel is below the threshold. */
    public enum Fallback {
        /** Compute the next layer on the device (and observe a new gain after it). */
        COMPUTE,
        /** Keep the current tensor and wait one slot for a new gain. */
        WAIT
    }

    public StageRule {
        if (below == null) {
            throw new InvalidModelException("below", "is required, got null");
        }
        if (Double.isNaN(offloadThreshold) || offloadThreshold <= 0) {
            throw new InvalidModelException("offloadThreshold", "must be > 0 (offloading at any gain has unbounded"
                    + " expected cost under fading whose density is positive at 0), got " + offloadThreshold);
        }
        if (below == Fallback.WAIT && Double.isInfinite(offloadThreshold)) {
            throw new InvalidModelException("offloadThreshold", "must be finite when waiting below it"
                    + " (the device would wait forever), got " + offloadThreshold);
        }
    }

    /** A stage that never offloads and computes the next layer. */
    public static StageRule computeOn() {
        return new StageRule(Double.POSITIVE_INFINITY, Fallback.COMPUTE);
    }
}
