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

/** Baseline: every layer on the device (no offloading). */
public final class DeviceOnlyPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    public DeviceOnlyPartitionSolver() {
        super("device-only", Family.PARTITION, SolverKind.BASELINE, PartitionProblem.class, Set.of(),
                "baseline: every layer on the device");
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        return Outcome.feasible(Placement.allDevice(problem.graph().size()));
    }
}
