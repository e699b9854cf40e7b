package org.cleave.algorithms.tiers.throughput;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.TierAssignments;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.throughput.TiersStageTimes;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;

/**
 * Exact P3-3T ({@link TiersThroughputProblem}) by enumerating every monotone three-tier plan, i.e.
 * every nested pair of order ideals I₂ ⊆ I₁ containing the input ({@link TierAssignments}), each
 * priced by {@link TiersStageTimes#period}: the reference the other P3-3T solvers are checked against.
 * O(#plans · (|V| + |A|)) time, O(|V|) memory; refuses graphs with more than {@value #MAX_PLANS}
 * plans (INVALID_INPUT, naming the count; a chain of n layers has (n + 1)(n + 2)/2 plans, an
 * antichain 3^n, so about 13 parallel layers or a chain of 2,900). When the least period exceeds
 * 1/Q the frame rate cannot be sustained: INFEASIBLE, with the least period as the bound and in the
 * message. Stops at the time limit with the best plan so far (FEASIBLE).
 */
public final class EnumerationTiersThroughputSolver extends AbstractSolver<TiersThroughputProblem, TierPlacement> {
    /** Largest number of plans enumerated. */
    public static final long MAX_PLANS = 1L << 22;

    public EnumerationTiersThroughputSolver() {
        super("enumerate", Family.THROUGHPUT_TIERS, SolverKind.EXACT, TiersThroughputProblem.class,
                Set.of(Capability.TIME_LIMIT),
                "enumeration of all nested order-ideal pairs (monotone three-tier plans); the exact reference");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        long plans = TierAssignments.count(g, MAX_PLANS);
        if (plans > MAX_PLANS) {
            throw new InvalidModelException("model", "has more than " + MAX_PLANS + " monotone three-tier plans"
                    + " for enumeration; " + g.size() + " layers. Maybe use ortools-milp:scip");
        }
        TiersStageTimes times = TiersStageTimes.of(problem);
        double[] stages = new double[5];
        TierAssignments.Cheapest best = TierAssignments.cheapest(g, MAX_PLANS, deadline::expired,
                t -> times.stages(g, t, stages));
        TierPlacement plan = new TierPlacement(best.tiers());
        boolean complete = best.stop() == TierAssignments.Stop.COMPLETE;
        if (best.cost() > problem.maxPeriodSeconds()) {
            if (complete) {
                return Outcome.<TierPlacement>none(Status.INFEASIBLE, Sustain.unsustainable(problem, best.cost()))
                        .bound(best.cost()).stat("plans", best.visited());
            }
            return Outcome.<TierPlacement>none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached after "
                    + best.visited() + " of " + plans + " plans; none so far sustains the frame rate")
                    .stat("plans", best.visited());
        }
        Outcome<TierPlacement> outcome = complete ? Outcome.optimal(plan)
                : Outcome.<TierPlacement>feasible(plan).message("time limit reached after " + best.visited()
                        + " of " + plans + " plans");
        return outcome.stat("plans", best.visited());
    }
}
