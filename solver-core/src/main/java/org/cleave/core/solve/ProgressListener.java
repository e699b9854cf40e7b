package org.cleave.core.solve;

/**
 * Told by a solver, while it runs, of a better plan or a better bound: what a progress display
 * shows of a long MILP or CP solve. Given through {@link SolveLimits#withProgress}; a solver may
 * call it from any thread, any number of times, or never (most solvers are too fast to need it).
 * Implementations must be thread-safe and return quickly; they must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything: the default. */
    ProgressListener NONE = (incumbent, bound) -> {
    };

    /**
     * The solver's current state, in the family's objective units.
     *
     * @param incumbent the objective of the best plan found so far, NaN if none yet
     * @param bound     the best proven bound so far, NaN if none
     */
    void improved(double incumbent, double bound);
}
