package org.cleave.core.upload;

import org.cleave.core.model.Checks;

/**
 * One activity of a P5 schedule: a computation, an upload or the result download, on one
 * resource over {@code [startSeconds, endSeconds]} (seconds from the start of the inference).
 *
 * @param activity     what happens
 * @param layerId      the layer computed, whose output tensor is sent, whose parameters are sent,
 *                     or the output layer (for the download)
 * @param resource     where it happens
 * @param startSeconds start, s
 * @param endSeconds   end, s, {@code >= startSeconds}
 */
public record TimelineEvent(Activity activity, String layerId, Resource resource, double startSeconds,
                            double endSeconds) {
    /** Kinds of activity. */
    public enum Activity {
        /** A layer's forward pass (on {@link Resource#DEVICE} or {@link Resource#EDGE}). */
        COMPUTE,
        /** A feature tensor (a device layer's output) sent up. */
        FEATURE_UPLOAD,
        /** An edge layer's parameters sent up. */
        PARAMETER_UPLOAD,
        /** The output tensor sent down. */
        RESULT_DOWNLOAD
    }

    public TimelineEvent {
        Checks.present("activity", activity);
        Checks.identifier("layerId", layerId);
        Checks.present("resource", resource);
        Checks.nonNegative("startSeconds", startSeconds);
        if (!(endSeconds >= startSeconds)) {
            throw new IllegalArgumentException("endSeconds: must be >= startSeconds " + startSeconds + ", got "
                    + endSeconds);
        }
    }

    /** {@code endSeconds - startSeconds}. */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
