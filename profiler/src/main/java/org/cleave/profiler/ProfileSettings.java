package org.cleave.profiler;

/**
 * How a model is profiled: {@code runs} timed runs after {@code warmup} discarded runs, on
 * {@code threads} intra-op threads (inter-op is always 1: execution is sequential), with inputs
 * filled from a pseudo-random generator seeded with {@code seed}.
 *
 * @param runs   timed runs, at least 1 (default 30)
 * @param warmup discarded runs before the timed ones, at least 0 (default 5)
 * @param threads intra-op threads of ONNX Runtime, at least 1 (default 1)
 * @param seed   seed of the input values (default 1)
 */
public record ProfileSettings(int runs, int warmup, int threads, long seed) {
    /** Default timed runs. */
    public static final int DEFAULT_RUNS = 30;
    /** Default warm-up runs. */
    public static final int DEFAULT_WARMUP = 5;
    /** Default intra-op threads. */
    public static final int DEFAULT_THREADS = 1;
    /** Default input seed. */
    public static final long DEFAULT_SEED = 1L;

    /** Validates the counts. */
    public ProfileSettings {
        if (runs <= 0) {
            throw new IllegalArgumentException("runs: must be at least 1, got " + runs);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup: must be at least 0, got " + warmup);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
        }
    }

    /** 30 runs, 5 warm-up runs, 1 thread, seed 1. */
    public static ProfileSettings defaults() {
        return new ProfileSettings(DEFAULT_RUNS, DEFAULT_WARMUP, DEFAULT_THREADS, DEFAULT_SEED);
    }

    /** These settings with {@code runs} timed runs. */
    public ProfileSettings withRuns(int newRuns) {
        return new ProfileSettings(newRuns, warmup, threads, seed);
    }

    /** These settings with {@code warmup} discarded runs. */
    public ProfileSettings withWarmup(int newWarmup) {
        return new ProfileSettings(runs, newWarmup, threads, seed);
    }

    /** These settings with {@code threads} intra-op threads. */
    public ProfileSettings withThreads(int newThreads) {
        return new ProfileSettings(runs, warmup, newThreads, seed);
    }

    /** These settings with input seed {@code seed}. */
    public ProfileSettings withSeed(long newSeed) {
        return new ProfileSettings(runs, warmup, threads, newSeed);
    }
}
