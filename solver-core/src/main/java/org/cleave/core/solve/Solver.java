package org.cleave.core.solve;

import java.util.Set;

/**
 * A solver of one problem family. Implementations are stateless and thread-safe: one instance
 * may serve many threads, and {@link #solve} keeps nothing between calls. They are discovered
 * through {@link java.util.ServiceLoader} (see {@link Solvers}) and named technique + problem
 * ({@code MinCutPartitionSolver}); {@link #id()} is the short stable id used by the command line
 * and in result files.
 *
 * @param <P> the problem type
 * @param <S> the plan type
 */
public interface Solver<P extends Problem<S>, S> {
    /** Short stable id, e.g. {@code mincut}, {@code ortools-milp:scip}. */
    String id();

    /** The family solved. */
    Family family();

    /** Exact, heuristic or baseline. */
    SolverKind kind();

    /** The problem class accepted. */
    Class<P> problemType();

    /** Which limits this solver honours. */
    Set<Capability> honours();

    /** One sentence saying what the solver does, for {@code cleave solvers}. */
    String description();

    /**
     * Solves {@code problem}. Never throws for a bad problem: returns {@link Status#INVALID_INPUT}
     * with a message instead. The result's objective is the family evaluator's value of its plan.
     */
    Result<S> solve(P problem, SolveLimits limits);

    /** {@link #solve(Problem, SolveLimits)} with {@link SolveLimits#none()}. */
    default Result<S> solve(P problem) {
        return solve(problem, SolveLimits.none());
    }
}
