package org.cleave.algorithms.exits;

import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.ExitsSolverContract;
import org.cleave.core.solve.Solver;

class CompiledMinCutExitsSolverTest extends ExitsSolverContract {
    @Override
    protected Solver<ExitsProblem, ExitPlan> createSolver() {
        return new CompiledMinCutExitsSolver();
    }
}
