package org.cleave.core.solve;

import java.time.Duration;
import java.util.Optional;

/** A point in time (on {@link System#nanoTime()}) after which a solver must stop. */
public final class Deadline {
    private final long startNanos;
    private final long endNanos;
    private final boolean bounded;

    private Deadline(long startNanos, Optional<Duration> limit) {
        this.startNanos = startNanos;
        this.bounded = limit.isPresent();
        this.endNanos = limit.map(d -> startNanos + Math.min(d.toNanos(), Long.MAX_VALUE / 4)).orElse(Long.MAX_VALUE);
    }

    /** A deadline {@code limit} from now, or none. */
    public static Deadline start(Optional<Duration> limit) {
        return new Deadline(System.nanoTime(), limit);
    }

    /** Whether the time is up. */
    public boolean expired() {
        return bounded && System.nanoTime() - endNanos >= 0;
    }

    /** Time left, or {@code Duration.ofDays(365)} when unbounded. */
    public Duration remaining() {
        if (!bounded) {
            return Duration.ofDays(365);
        }
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
