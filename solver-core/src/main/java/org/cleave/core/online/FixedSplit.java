package org.cleave.core.online;

import org.cleave.core.model.InvalidModelException;

/**
 * A plan of the offline P7 problem: split every sample at exit {@code exit} (0-based; the device
 * computes exit+1 layers; {@code exit = L−1} is final-layer inference on the device).
 *
 * @param exit the split exit, {@code >= 0}
 */
public record FixedSplit(int exit) {
    public FixedSplit {
        if (exit < 0) {
            throw new InvalidModelException("exit", "must be >= 0, got " + exit);
        }
    }
}
