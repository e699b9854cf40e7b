package org.cleave.algorithms.tiers;

import java.util.Set;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;

/**
 * Baseline: the best of device-only, edge-only and cloud-only (the input always on the device),
 * each priced by the evaluator. O(|V| + |A|).
 */
public final class SingleTierSolver extends AbstractSolver<TiersProblem, TierPlacement> {
    public SingleTierSolver() {
        super("single-tier", Family.TIERS, SolverKind.BASELINE, TiersProblem.class, Set.of(),
                "best of device-only, edge-only and cloud-only");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        TierPlacement best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        Tier bestTier = Tier.DEVICE;
        for (Tier tier : Tier.values()) {
            TierPlacement plan = TierPlacement.allButInputOn(problem.graph().size(), tier);
            double cost = problem.evaluate(plan).objective();
            if (cost < bestCost) {
                best = plan;
                bestCost = cost;
                bestTier = tier;
            }
        }
        return Outcome.feasible(best).param("tier", bestTier.key());
    }
}
