package org.cleave.algorithms.tiers.throughput;

import java.util.Locale;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;

/** The message of a frame rate no plan (or no plan a heuristic found) sustains. */
final class Sustain {
    private Sustain() {
    }

    /** "frame rate Q = … cannot be sustained: the least period is …", shared by the P3-3T solvers. */
    static String unsustainable(TiersThroughputProblem p, double period) {
        return String.format(Locale.ROOT, "frame rate %.6g frames/s cannot be sustained: the least period is"
                + " %.6g s (at most %.6g frames/s)", p.frameRatePerSecond().getAsDouble(), period, 1 / period);
    }
}
