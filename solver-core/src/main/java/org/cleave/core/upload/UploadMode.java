package org.cleave.core.upload;

import java.util.Locale;

/**
 * When the parameters of the edge-side layers travel to the edge server (see
 * {@link UploadProblem} for the full semantics).
 */
public enum UploadMode {
    /**
     * MJOA-MU's parallel uploading: parameter uploads start at t = 0, in topological order, while
     * the device computes; a ready feature tensor goes before any parameter upload not yet started.
     */
    PARALLEL,
    /**
     * The baseline MJOA-MU improves on: the first edge layer's upload is released when the device
     * part ends, and every later edge layer's upload only when the previous edge layer has finished.
     */
    SERIAL,
    /** All parameters are already on the edge: the schedule, and the cost, are P1's. */
    PRELOADED;

    /** Lower-case name for files and the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode whose {@link #key()} is {@code key}. */
    public static UploadMode fromKey(String key) {
        for (UploadMode m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode: unknown upload mode \"" + key
                + "\"; known: parallel, serial, preloaded");
    }
}
