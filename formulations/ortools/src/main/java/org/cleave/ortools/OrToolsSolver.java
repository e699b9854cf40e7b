package org.cleave.ortools;

import java.util.Set;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Base class of every OR-Tools solver: {@link #run(Problem, SolveLimits, Deadline)} loads the
 * native libraries ({@link OrToolsNatives#require()}) before the subclass's
 * {@link #runNative(Problem, SolveLimits, Deadline)} touches any OR-Tools class. OR-Tools' Java
 * classes (CpModel, MPSolver, ...) call into JNI from their constructors and static methods, and
 * the natives are not loaded by the JVM on its own, so without this the first OR-Tools use in a
 * fresh JVM died with {@code UnsatisfiedLinkError}. Where the natives cannot load, the solve ends
 * as {@link org.cleave.core.solve.Status#INVALID_INPUT} with {@link OrToolsNatives#unavailableMessage()}.
 *
 * <p>Every result carries the phases of its wall time as statistics ({@link SolveClock}):
 * {@code nativesSeconds}, {@code buildSeconds} (the formulation's own work: building the model,
 * reading the answer), {@code solveSeconds} (inside the backend) and {@code solveCalls}. The time
 * limit counts from the start of the solve: model building uses it up, and
 * {@link MilpBackend#solve(com.google.ortools.linearsolver.MPSolver,
 * com.google.ortools.linearsolver.MPSolverParameters, SolveLimits, Deadline)} and
 * {@link CpSatSupport#solve} hand the backend only what is left of it.
 *
 * @param <P> the problem type
 * @param <S> the plan type
 */
public abstract class OrToolsSolver<P extends Problem<S>, S> extends AbstractSolver<P, S> {
    protected OrToolsSolver(String id, Family family, SolverKind kind, Class<P> problemType,
                            Set<Capability> honours, String description) {
        super(id, family, kind, problemType, honours, description);
    }

    @Override
    protected final Outcome<S> run(P problem, SolveLimits limits, Deadline deadline) {
        SolveClock clock = SolveClock.start();
        try {
            long t0 = System.nanoTime();
            OrToolsNatives.require();
            clock.natives(System.nanoTime() - t0);
            return clock.record(runNative(problem, limits, deadline));
        } finally {
            clock.stop();
        }
    }

    /**
     * Computes the outcome with the natives loaded; may throw {@link IllegalArgumentException} for
     * invalid input.
     */
    protected abstract Outcome<S> runNative(P problem, SolveLimits limits, Deadline deadline);
}
