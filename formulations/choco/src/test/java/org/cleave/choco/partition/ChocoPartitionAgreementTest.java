package org.cleave.choco.partition;

import java.util.List;
import org.cleave.algorithms.partition.EnumerationPartitionSolver;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionAgreementContract;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Solver;

/** {@code choco} agrees with {@code enumerate} on all 500 instances of {@link PartitionAgreementContract} (1e-6 relative). */
class ChocoPartitionAgreementTest extends PartitionAgreementContract {
    @Override
    protected List<Solver<PartitionProblem, Placement>> solvers() {
        return List.of(new ChocoPartitionSolver());
    }

    @Override
    protected Solver<PartitionProblem, Placement> reference() {
        return new EnumerationPartitionSolver();
    }
}
