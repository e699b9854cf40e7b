package org.cleave.algorithms.partition;

import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.PartitionSolverContract;
import org.cleave.core.solve.Solver;

class CompiledMinCutPartitionSolverTest extends PartitionSolverContract {
    @Override
    protected Solver<PartitionProblem, Placement> createSolver() {
        return new CompiledMinCutPartitionSolver();
    }
}
