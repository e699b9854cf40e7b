package org.cleave.algorithms.stopping;

import org.cleave.core.solve.SolverKind;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/**
 * Baseline P6 solver (id {@code static-split}): the best static split s = 0..L, which ignores the
 * channel when choosing where to split ({@link StoppingPolicies#staticSplit}); placement m = s.
 */
public final class StaticSplitStoppingSolver extends PlacementSearchStoppingSolver {
    public StaticSplitStoppingSolver() {
        super("static-split", SolverKind.BASELINE,
                "baseline: best fixed split point, chosen without looking at the channel");
    }

    @Override
    protected StoppingPlan plan(StoppingProblem p, int m) {
        return StoppingPolicies.staticSplit(p, m);
    }
}
