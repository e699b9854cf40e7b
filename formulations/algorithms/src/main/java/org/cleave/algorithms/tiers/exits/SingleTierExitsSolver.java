package org.cleave.algorithms.tiers.exits;

import java.util.List;
import java.util.Set;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsCost;
import org.cleave.core.tiers.exits.TiersExitsEvaluator;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.core.tiers.exits.TiersExpectedLoads;

/**
 * Baseline: the whole model on one tier (device only, or everything but the input on the edge or
 * in the cloud), for every exit set meeting the accuracy floor; the cheapest feasible of these
 * 3 · 2^m plans. INFEASIBLE only when no exit set reaches the floor; NO_SOLUTION_IN_LIMIT when a
 * latency bound rules out every single-tier plan (a split may still meet it).
 */
public final class SingleTierExitsSolver extends AbstractSolver<TiersExitsProblem, TierExitPlan> {
    public SingleTierExitsSolver() {
        super("single-tier", Family.EXITS_TIERS, SolverKind.BASELINE, TiersExitsProblem.class, Set.of(),
                "every exit set x the whole model on one tier (device, edge or cloud); the cheapest");
    }

    @Override
    protected Outcome<TierExitPlan> run(TiersExitsProblem problem, SolveLimits limits, Deadline deadline) {
        int n = problem.graph().size();
        List<List<String>> sets = ExitSets.subsets(problem.graph(), Integer.MAX_VALUE);
        TierExitPlan best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        Tier bestTier = null;
        for (List<String> set : sets) {
            StopProfile profile = problem.profile(set);
            if (profile.expectedAccuracy() < problem.variant().minAccuracy()) {
                continue;
            }
            TiersExpectedLoads loads = problem.loads(profile);
            for (Tier tier : Tier.values()) {
                TierPlacement x = TierPlacement.allButInputOn(n, tier);
                TiersExitsCost c = TiersExitsEvaluator.evaluate(problem, profile, loads, x);
                if (c.feasible() && c.objective() < bestObjective) {
                    best = new TierExitPlan(set, x);
                    bestObjective = c.objective();
                    bestTier = tier;
                }
            }
        }
        if (best == null) {
            boolean proven = !TiersExitSets.accuracyReachable(problem, sets);
            return Outcome.none(proven ? Status.INFEASIBLE : Status.NO_SOLUTION_IN_LIMIT, proven
                    ? "no exit set reaches minAccuracy " + problem.variant().minAccuracy()
                    : "no single-tier plan meets maxLatencySeconds; not a proof (mincut decides)");
        }
        return Outcome.feasible(best).param("tier", bestTier.key());
    }
}
