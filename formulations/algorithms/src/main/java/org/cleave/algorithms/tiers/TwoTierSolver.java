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
 * Heuristic: the best two-tier plan, i.e. the cheapest of the three exact two-tier optima of
 * {@link TwoTierPlans} (device | edge, device | cloud with the edge relaying, edge | cloud with the
 * device passing the input on). Exact for P1-3T whenever the optimum leaves one tier empty. Three
 * minimum cuts.
 */
public final class TwoTierSolver extends AbstractSolver<TiersProblem, TierPlacement> {
    public TwoTierSolver() {
        super("two-tier", Family.TIERS, SolverKind.HEURISTIC, TiersProblem.class, Set.of(),
                "best exact two-tier plan (device|edge, device|cloud, edge|cloud; min cuts)");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        TierPlacement best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        TwoTierPlans.Pair bestPair = null;
        for (TwoTierPlans.Pair pair : TwoTierPlans.Pair.values()) {
            TierPlacement plan = TwoTierPlans.solve(problem, pair);
            double cost = problem.evaluate(plan).objective();
            if (cost < bestCost) {
                best = plan;
                bestCost = cost;
                bestPair = pair;
            }
        }
        return Outcome.feasible(best).param("pair", bestPair.name().toLowerCase(java.util.Locale.ROOT));
    }
}
