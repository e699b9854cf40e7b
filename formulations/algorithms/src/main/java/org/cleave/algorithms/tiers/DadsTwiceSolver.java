package org.cleave.algorithms.tiers;

import java.util.Set;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;

/**
 * Heuristic: DADS' min-cut (Hu et al., INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614) applied
 * twice. First device | rest as P1 on device | edge over link 1 (the cloud ignored); then, with that
 * device side fixed, the cheapest edge | cloud split of the rest (a second minimum cut, which prices
 * link 2 and the relayed device tensors). Not exact: the first cut does not see the cloud.
 */
public final class DadsTwiceSolver extends AbstractSolver<TiersProblem, TierPlacement> {
    public DadsTwiceSolver() {
        super("dads-twice", Family.TIERS, SolverKind.HEURISTIC, TiersProblem.class, Set.of(),
                "DADS min-cut twice: device|rest (P1 over link 1), then edge|cloud of the rest");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        TierPlacement first = TwoTierPlans.solve(problem, TwoTierPlans.Pair.DEVICE_EDGE);
        TierPlacement second = TwoTierPlans.splitBeyond(problem, TwoTierPlans.deviceSide(first));
        return Outcome.feasible(second);
    }
}
