package org.cleave.choco.exits;

import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.ExitsSolverContract;
import org.cleave.core.solve.Solver;

/** The P2 contract (both variants) for {@code choco}. */
class ChocoExitsSolverTest extends ExitsSolverContract {
    @Override
    protected Solver<ExitsProblem, ExitPlan> createSolver() {
        return new ChocoExitsSolver();
    }
}
