package org.cleave.algorithms.partition;

import java.util.Set;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/** Baseline: send the raw input up and run every layer on the edge. */
public final class EdgeOnlyPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    public EdgeOnlyPartitionSolver() {
        super("edge-only", Family.PARTITION, SolverKind.BASELINE, PartitionProblem.class, Set.of(),
                "baseline: upload the input, every layer on the edge");
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        return Outcome.feasible(Placement.allButInputOnEdge(problem.graph().size()));
    }
}
