package org.cleave.ortools.partition;

import java.util.List;
import org.cleave.algorithms.partition.EnumerationPartitionSolver;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionAgreementContract;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Solver;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code ortools-milp:scip}, {@code ortools-milp:cbc}, {@code ortools-milp:highs} and
 * {@code ortools-cpsat} each agree with {@code enumerate} on all 500 instances of
 * {@link PartitionAgreementContract} (1e-6 relative). Skipped (not passed) without OR-Tools natives.
 */
class OrToolsPartitionAgreementTest extends PartitionAgreementContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected List<Solver<PartitionProblem, Placement>> solvers() {
        return List.of(new MilpPartitionSolver.Scip(), new MilpPartitionSolver.Cbc(), new MilpPartitionSolver.Highs(),
                new CpSatPartitionSolver());
    }

    @Override
    protected Solver<PartitionProblem, Placement> reference() {
        return new EnumerationPartitionSolver();
    }
}
