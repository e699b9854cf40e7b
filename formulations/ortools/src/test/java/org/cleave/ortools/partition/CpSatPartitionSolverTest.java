package org.cleave.ortools.partition;

import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Solver;

/** The P1 contract for {@code ortools-cpsat}; skipped (not passed) without OR-Tools natives. */
class CpSatPartitionSolverTest extends NativePartitionSolverContract {
    @Override
    protected Solver<PartitionProblem, Placement> createSolver() {
        return new CpSatPartitionSolver();
    }
}
