package org.cleave.core.testing;

import java.util.stream.LongStream;

/** Fixed seed streams for parameterised tests; a failing case names its seed. */
public final class Seeds {
    private Seeds() {
    }

    /** {@code count} seeds derived from {@code base}, reproducible. */
    public static LongStream of(long base, int count) {
        return LongStream.range(0, count).map(i -> base * 1_000_003L + i);
    }
}
