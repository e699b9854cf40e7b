package org.cleave.core.solve;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Limits and options of one solve: an optional time limit, an optional seed and a thread count.
 * Immutable; {@code with...} methods return a copy. A solver states in {@link Solver#honours()}
 * which of them it follows.
 *
 * @param timeLimit wall-clock limit, if any
 * @param seed      seed for randomised solvers, if any
 * @param threads   threads a solver may use, {@code >= 1}
 */
public record SolveLimits(Optional<Duration> timeLimit, OptionalLong seed, int threads) {
    public SolveLimits {
        if (timeLimit == null || seed == null) {
            throw new IllegalArgumentException("timeLimit and seed must not be null; use Optional.empty()");
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

    /** No time limit, no seed, one thread. */
    public static SolveLimits none() {
        return new SolveLimits(Optional.empty(), OptionalLong.empty(), 1);
    }

    /** A copy with a time limit. */
    public SolveLimits withTimeLimit(Duration limit) {
        return new SolveLimits(Optional.of(limit), seed, threads);
    }

    /** A copy with a seed. */
    public SolveLimits withSeed(long newSeed) {
        return new SolveLimits(timeLimit, OptionalLong.of(newSeed), threads);
    }

    /** A copy with a thread count. */
    public SolveLimits withThreads(int newThreads) {
        return new SolveLimits(timeLimit, seed, newThreads);
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
