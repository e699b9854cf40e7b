package org.cleave.choco.throughput;

import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Solver;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.throughput.ThroughputSolverContract;

/** The P3 contract for {@code choco}. */
class ChocoThroughputSolverTest extends ThroughputSolverContract {
    @Override
    protected Solver<ThroughputProblem, ExitPlan> createSolver() {
        return new ChocoThroughputSolver();
    }
}
