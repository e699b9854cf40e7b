package org.cleave.algorithms.tiers.throughput;

import java.util.Set;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;

/**
 * Baseline: the least-period of device-only, edge-only and cloud-only (the input always on the
 * device), each priced by the evaluator. O(|V| + |A|).
 */
public final class SingleTierThroughputSolver extends AbstractSolver<TiersThroughputProblem, TierPlacement> {
    public SingleTierThroughputSolver() {
        super("single-tier", Family.THROUGHPUT_TIERS, SolverKind.BASELINE, TiersThroughputProblem.class, Set.of(),
                "least period of device-only, edge-only and cloud-only");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        TierPlacement best = null;
        double bestPeriod = Double.POSITIVE_INFINITY;
        Tier bestTier = Tier.DEVICE;
        for (Tier tier : Tier.values()) {
            TierPlacement plan = TierPlacement.allButInputOn(problem.graph().size(), tier);
            double period = problem.evaluate(plan).periodSeconds();
            if (period < bestPeriod) {
                best = plan;
                bestPeriod = period;
                bestTier = tier;
            }
        }
        if (bestPeriod > problem.maxPeriodSeconds()) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "single-tier: " + Sustain.unsustainable(problem,
                    bestPeriod).replace("the least period", "its best period") + "; not a proof (enumerate decides)");
        }
        return Outcome.feasible(best).param("tier", bestTier.key());
    }
}
