package org.cleave.algorithms.stopping;

import org.cleave.core.solve.SolverKind;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/**
 * Exact P6 solver (id {@code backward-induction}): for every placement m = 0..L the optimal
 * stopping rule by backward induction ({@link StoppingPolicies#backwardInduction}), then the m*
 * of least expected cost per inference plus amortised placement cost. Optimal up to the
 * evaluator's integration tolerance {@value org.cleave.core.stopping.StoppingEvaluator#RELATIVE_TOLERANCE}
 * (relative). O(L²) integrals. Yan, Bi and Zhang, arXiv:2105.13618 (doi:10.48550/arXiv.2105.13618).
 */
public final class BackwardInductionStoppingSolver extends PlacementSearchStoppingSolver {
    public BackwardInductionStoppingSolver() {
        super("backward-induction", SolverKind.EXACT,
                "exact: optimal stopping thresholds by backward induction for every placement m, best m*");
    }

    @Override
    protected StoppingPlan plan(StoppingProblem p, int m) {
        return StoppingPolicies.backwardInduction(p, m);
    }
}
