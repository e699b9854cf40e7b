package org.cleave.ortools.throughput;

import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Solver;
import org.cleave.core.throughput.ThroughputProblem;

/** The P3 contract for {@code ortools-cpsat}; skipped (not passed) without OR-Tools natives. */
class CpSatThroughputSolverTest extends NativeThroughputSolverContract {
    @Override
    protected Solver<ThroughputProblem, ExitPlan> createSolver() {
        return new CpSatThroughputSolver();
    }
}
