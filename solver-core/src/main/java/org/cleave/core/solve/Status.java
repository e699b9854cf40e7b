package org.cleave.core.solve;

/** How a solve ended. Mirrors Choco's distinction between finished, stopped by a limit and killed. */
public enum Status {
    /** A plan proven optimal (for an exact solver) or the plan of a rule that has nothing to prove. */
    OPTIMAL,
    /** A feasible plan without a proof of optimality (a heuristic, or an exact solver stopped by a limit). */
    FEASIBLE,
    /** Proven that no feasible plan exists. */
    INFEASIBLE,
    /** A limit was reached before any plan was found. */
    NO_SOLUTION_IN_LIMIT,
    /** The problem was rejected; the message says why. */
    INVALID_INPUT;

    /** Whether a result with this status carries a plan. */
    public boolean hasPlan() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
