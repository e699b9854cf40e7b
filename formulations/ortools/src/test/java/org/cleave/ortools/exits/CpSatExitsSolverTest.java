package org.cleave.ortools.exits;

import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Solver;

/** The P2 contract (both variants) for {@code ortools-cpsat}; skipped (not passed) without OR-Tools natives. */
class CpSatExitsSolverTest extends NativeExitsSolverContract {
    @Override
    protected Solver<ExitsProblem, ExitPlan> createSolver() {
        return new CpSatExitsSolver();
    }
}
