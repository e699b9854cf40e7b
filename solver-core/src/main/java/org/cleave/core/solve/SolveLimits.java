package org.cleave.core.solve;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Limits and options of one solve: an optional time limit, an optional seed, a thread count and
 * a progress listener.
 * Immutable; {@code with...} methods return a copy. A solver states in {@link Solver#honours()}
 * which of them it follows.
 *
 * @param timeLimit wall-clock limit, if any
 * @param seed      seed for randomised solvers, if any
 * @param threads   threads a solver may use, {@code >= 1}
 * @param progress  told of better plans and bounds by the solvers that report them
 *                  ({@link ProgressListener#NONE} by default)
 */
public record SolveLimits(Optional<Duration> timeLimit, OptionalLong seed, int threads, ProgressListener progress) {
    public SolveLimits {
        if (timeLimit == null || seed == null || progress == null) {
            throw new IllegalArgumentException("timeLimit, seed and progress must not be null; use Optional.empty()"
                    + " and ProgressListener.NONE");
        }
        timeLimit.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive, got " + t);
            }
        });
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Limits without a progress listener. */
    public SolveLimits(Optional<Duration> timeLimit, OptionalLong seed, int threads) {
        this(timeLimit, seed, threads, ProgressListener.NONE);
    }

    /** No time limit, no seed, one thread, no progress listener. */
    public static SolveLimits none() {
        return new SolveLimits(Optional.empty(), OptionalLong.empty(), 1);
    }

    /** A copy with a time limit. */
    public SolveLimits withTimeLimit(Duration limit) {
        return new SolveLimits(Optional.of(limit), seed, threads, progress);
    }

    /** A copy with a seed. */
    public SolveLimits withSeed(long newSeed) {
        return new SolveLimits(timeLimit, OptionalLong.of(newSeed), threads, progress);
    }

    /** A copy with a thread count. */
    public SolveLimits withThreads(int newThreads) {
        return new SolveLimits(timeLimit, seed, newThreads, progress);
    }

    /** A copy whose solvers tell {@code listener} of better plans and bounds. */
    public SolveLimits withProgress(ProgressListener listener) {
        return new SolveLimits(timeLimit, seed, threads, listener);
    }

    /** The seed, or {@code fallback} when none is set. */
    public long seedOr(long fallback) {
        return seed.orElse(fallback);
    }

    /** A deadline starting now. */
    public Deadline startDeadline() {
        return Deadline.start(timeLimit);
    }
}
