package org.cleave.algorithms.stopping;

import org.cleave.core.solve.SolverKind;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/**
 * Heuristic P6 solver (id {@code osla}): the one-stage look-ahead rule
 * ({@link StoppingPolicies#oneStageLookAhead}) for every placement m, then the best m. Yan, Bi and
 * Zhang, arXiv:2105.13618 (doi:10.48550/arXiv.2105.13618).
 */
public final class OslaStoppingSolver extends PlacementSearchStoppingSolver {
    public OslaStoppingSolver() {
        super("osla", SolverKind.HEURISTIC, "heuristic: one-stage look-ahead splitting rule, best placement m");
    }

    @Override
    protected StoppingPlan plan(StoppingProblem p, int m) {
        return StoppingPolicies.oneStageLookAhead(p, m);
    }
}
