package org.cleave.core.solve;

/** Which of the {@link SolveLimits} a solver honours. */
public enum Capability {
    /** Stops at {@link SolveLimits#timeLimit()}. */
    TIME_LIMIT,
    /** Is reproducible for a given {@link SolveLimits#seed()}. */
    SEED,
    /** Uses up to {@link SolveLimits#threads()} threads. */
    THREADS
}
