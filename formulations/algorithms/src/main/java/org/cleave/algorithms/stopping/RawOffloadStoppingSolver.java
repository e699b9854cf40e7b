package org.cleave.algorithms.stopping;

import org.cleave.core.solve.SolverKind;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/**
 * Baseline P6 solver (id {@code offload-raw}): nothing placed on the device (m = 0); the raw input
 * is sent as soon as the channel passes the optimal deferral threshold.
 */
public final class RawOffloadStoppingSolver extends PlacementSearchStoppingSolver {
    public RawOffloadStoppingSolver() {
        super("offload-raw", SolverKind.BASELINE, "baseline: always offload the raw input (m = 0)");
    }

    @Override
    protected int[] candidates(StoppingProblem p) {
        return new int[] {0};
    }

    @Override
    protected StoppingPlan plan(StoppingProblem p, int m) {
        return StoppingPolicies.staticSplit(p, m);
    }
}
