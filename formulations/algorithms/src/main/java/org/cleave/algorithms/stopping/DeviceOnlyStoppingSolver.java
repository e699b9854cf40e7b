package org.cleave.algorithms.stopping;

import org.cleave.core.solve.SolverKind;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/** Baseline P6 solver (id {@code device-only}): the whole model on the device (m = L), never offload. */
public final class DeviceOnlyStoppingSolver extends PlacementSearchStoppingSolver {
    public DeviceOnlyStoppingSolver() {
        super("device-only", SolverKind.BASELINE, "baseline: always compute locally (m = L)");
    }

    @Override
    protected int[] candidates(StoppingProblem p) {
        return new int[] {p.layerCount()};
    }

    @Override
    protected StoppingPlan plan(StoppingProblem p, int m) {
        return StoppingPolicies.staticSplit(p, m);
    }
}
