package org.cleave.ortools;

import java.util.function.Supplier;
import org.cleave.core.solve.Outcome;

/**
 * Splits the wall time of one OR-Tools solve into its phases, recorded as result statistics by
 * {@link OrToolsSolver} (issue 21 item 11, issue 22):
 * <ul>
 *   <li>{@value #NATIVES}: loading OR-Tools' native libraries (once per JVM, 0 afterwards);</li>
 *   <li>{@value #SOLVE}: inside the backend's solve calls ({@link MilpBackend#solve} and
 *   {@link CpSatSupport#solve}), summed over every call of the formulation;</li>
 *   <li>{@value #BUILD}: everything else the formulation does, mostly building the model, also
 *   reading the answer back;</li>
 *   <li>{@value #SOLVE_CALLS}: how many backend solves the formulation made.</li>
 * </ul>
 * All three are counted against the one time limit, which runs from the start of
 * {@link org.cleave.core.solve.Solver#solve}: a backend gets only what is left of it.
 *
 * <p>The clock of the solve running on the current thread is found through a thread-local set by
 * {@link OrToolsSolver} around {@code runNative}, so every formulation is timed without passing a
 * clock around; solvers stay stateless and thread-safe (each thread sees only its own clock).
 */
final class SolveClock {
    /** Statistic: seconds spent loading the natives. */
    static final String NATIVES = "nativesSeconds";
    /** Statistic: seconds spent building the model (and reading the answer). */
    static final String BUILD = "buildSeconds";
    /** Statistic: seconds spent inside the backend's solve calls. */
    static final String SOLVE = "solveSeconds";
    /** Statistic: number of backend solve calls. */
    static final String SOLVE_CALLS = "solveCalls";

    private static final ThreadLocal<SolveClock> CURRENT = new ThreadLocal<>();

    private final long startNanos = System.nanoTime();
    private long nativesNanos;
    private long solveNanos;
    private int calls;

    private SolveClock() {
    }

    /** Starts the clock of a solve on this thread; {@link #stop} must follow in a finally block. */
    static SolveClock start() {
        SolveClock clock = new SolveClock();
        CURRENT.set(clock);
        return clock;
    }

    /** Records the time the natives took to load. */
    void natives(long nanos) {
        nativesNanos = nanos;
    }

    /** Detaches the clock from this thread. */
    void stop() {
        CURRENT.remove();
    }

    /**
     * Runs one backend solve call and adds its wall time to the running solve's {@value #SOLVE}
     * (when no solve is running on this thread, e.g. a formulation used outside a solver, it just runs).
     */
    static <T> T backend(Supplier<T> call) {
        long t0 = System.nanoTime();
        try {
            return call.get();
        } finally {
            SolveClock clock = CURRENT.get();
            if (clock != null) {
                clock.solveNanos += System.nanoTime() - t0;
                clock.calls++;
            }
        }
    }

    /** Adds the phase statistics to {@code outcome}, the build phase being everything up to now less the rest. */
    <S> Outcome<S> record(Outcome<S> outcome) {
        long total = System.nanoTime() - startNanos;
        long build = Math.max(0, total - nativesNanos - solveNanos);
        return outcome.stat(NATIVES, nativesNanos / 1e9).stat(BUILD, build / 1e9).stat(SOLVE, solveNanos / 1e9)
                .stat(SOLVE_CALLS, calls);
    }
}
