package org.cleave.ortools.partition;

import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.PartitionSolverContract;
import org.cleave.core.solve.Solver;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The P1 contract for {@code ortools-milp:highs}; skipped (not passed) without OR-Tools natives. */
class HighsMilpPartitionSolverTest extends PartitionSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected Solver<PartitionProblem, Placement> createSolver() {
        return new MilpPartitionSolver.Highs();
    }
}
