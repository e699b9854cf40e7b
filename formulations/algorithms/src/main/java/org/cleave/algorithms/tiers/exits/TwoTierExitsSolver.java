package org.cleave.algorithms.tiers.exits;

import java.util.Set;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsProblem;

/**
 * Baseline heuristic: P2's exact optimum on device | edge over link 1 (the cloud unused;
 * {@link MinCutExitsSolver} on {@link TiersExitsProblem#deviceEdge()}), lifted to three tiers. With
 * the cloud unused the P2-3T cost equals P2's (tested), so the result is the best plan that never
 * uses the cloud, and the three-tier optimum is never above it. Exact whenever an optimum leaves
 * the cloud empty. INFEASIBLE only when no exit set reaches the accuracy floor; when a latency bound
 * rules out every two-tier plan, NO_SOLUTION_IN_LIMIT (a cloud plan may still meet it).
 */
public final class TwoTierExitsSolver extends AbstractSolver<TiersExitsProblem, TierExitPlan> {
    public TwoTierExitsSolver() {
        super("two-tier", Family.EXITS_TIERS, SolverKind.HEURISTIC, TiersExitsProblem.class,
                Set.of(Capability.TIME_LIMIT), "P2's exact optimum on device|edge (cloud unused), lifted to three tiers");
    }

    @Override
    protected Outcome<TierExitPlan> run(TiersExitsProblem problem, SolveLimits limits, Deadline deadline) {
        Result<ExitPlan> r = new MinCutExitsSolver().solve(problem.deviceEdge(), limits);
        if (r.status() == Status.INVALID_INPUT) {
            throw new IllegalArgumentException(r.message());
        }
        if (!r.hasPlan()) {
            boolean proven = r.status() == Status.INFEASIBLE && !TiersExitSets.accuracyReachable(problem,
                    ExitSets.subsets(problem.graph(), Integer.MAX_VALUE));
            return Outcome.none(proven ? Status.INFEASIBLE : Status.NO_SOLUTION_IN_LIMIT,
                    proven ? r.message() : "no two-tier (device|edge) plan: " + r.message()
                            + "; not a proof for three tiers (mincut decides)");
        }
        ExitPlan p = r.planOrThrow();
        TierExitPlan plan = new TierExitPlan(p.activeExits(),
                TierPlacement.fromTwoTier(p.placement(), Tier.DEVICE, Tier.EDGE));
        return Outcome.feasible(plan).stat("p2Cuts", r.statistics().getOrDefault("cuts", 0));
    }
}
