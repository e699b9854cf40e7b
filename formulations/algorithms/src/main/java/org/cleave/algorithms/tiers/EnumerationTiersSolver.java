package org.cleave.algorithms.tiers;

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
import org.cleave.core.tiers.TierAssignments;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.TiersProblem;

/**
 * Exact P1-3T by enumerating every monotone three-tier plan, i.e. every nested pair of order ideals
 * I₂ ⊆ I₁ of the DAG containing the input ({@link TierAssignments}): the reference the other exact
 * solvers are checked against. O(#plans · (|V| + |A|)) time, O(|V|) memory. Refuses graphs with more
 * than {@value #MAX_PLANS} plans (INVALID_INPUT, naming the count); stops at the time limit with
 * the best plan so far (FEASIBLE).
 */
public final class EnumerationTiersSolver extends AbstractSolver<TiersProblem, TierPlacement> {
    /** Largest number of plans enumerated. */
    public static final long MAX_PLANS = 1L << 22;

    public EnumerationTiersSolver() {
        super("enumerate", Family.TIERS, SolverKind.EXACT, TiersProblem.class, Set.of(Capability.TIME_LIMIT),
                "enumeration of all nested order-ideal pairs (monotone three-tier plans); the exact reference");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        long plans = TierAssignments.count(g, MAX_PLANS);
        if (plans > MAX_PLANS) {
            throw new InvalidModelException("model", "has more than " + MAX_PLANS + " monotone three-tier plans"
                    + " for enumeration; " + g.size() + " layers. Maybe use mincut");
        }
        TiersCoefficients c = TiersCoefficients.of(problem);
        TierAssignments.Cheapest best = TierAssignments.cheapest(g, MAX_PLANS, deadline::expired, t -> c.cost(g, t));
        TierPlacement plan = new TierPlacement(best.tiers());
        Outcome<TierPlacement> outcome = best.stop() == TierAssignments.Stop.COMPLETE
                ? Outcome.optimal(plan)
                : Outcome.<TierPlacement>feasible(plan).message("time limit reached after " + best.visited()
                        + " of " + plans + " plans");
        return outcome.stat("plans", best.visited());
    }
}
