package org.cleave.algorithms.stopping;

import org.cleave.core.solve.Solver;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;
import org.cleave.core.stopping.StoppingSolverContract;

class OslaStoppingSolverTest extends StoppingSolverContract {
    @Override
    protected Solver<StoppingProblem, StoppingPlan> createSolver() {
        return new OslaStoppingSolver();
    }
}
