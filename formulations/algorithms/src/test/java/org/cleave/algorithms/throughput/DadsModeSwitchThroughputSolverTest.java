package org.cleave.algorithms.throughput;

import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Solver;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.throughput.ThroughputSolverContract;

class DadsModeSwitchThroughputSolverTest extends ThroughputSolverContract {
    @Override
    protected Solver<ThroughputProblem, ExitPlan> createSolver() {
        return new DadsModeSwitchThroughputSolver();
    }
}
