package org.cleave.choco.partition;

import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.PartitionSolverContract;
import org.cleave.core.solve.Solver;

/** The P1 contract for {@code choco}. */
class ChocoPartitionSolverTest extends PartitionSolverContract {
    @Override
    protected Solver<PartitionProblem, Placement> createSolver() {
        return new ChocoPartitionSolver();
    }
}
