package org.cleave.algorithms.tiers.exits;

import java.util.List;
import java.util.Set;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.algorithms.tiers.EnumerationTiersSolver;
import org.cleave.core.exits.StopProfile;
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
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsCost;
import org.cleave.core.tiers.exits.TiersExitsEvaluator;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.core.tiers.exits.TiersExpectedLoads;

/**
 * Exact P2-3T by enumeration, the reference the other exact solvers are checked against: every exit
 * set meeting the accuracy floor × every monotone three-tier plan, i.e. every nested pair of order
 * ideals ({@link TierAssignments}), each scored by {@link TiersExitsEvaluator} (profile and loads
 * computed once per set); the first of the cheapest feasible plans wins. O(2^m · #plans · (V + A))
 * time, O(V) memory. Refuses models with more than {@link EnumerationTiersSolver#MAX_PLANS} plans
 * (INVALID_INPUT, naming the count); stops at the time limit with the best plan so far (FEASIBLE).
 */
public final class EnumerationTiersExitsSolver extends AbstractSolver<TiersExitsProblem, TierExitPlan> {
    public EnumerationTiersExitsSolver() {
        super("enumerate", Family.EXITS_TIERS, SolverKind.EXACT, TiersExitsProblem.class,
                Set.of(Capability.TIME_LIMIT),
                "exit sets x all monotone three-tier plans, scored by the evaluator; the exact reference");
    }

    @Override
    protected Outcome<TierExitPlan> run(TiersExitsProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        long plans = TierAssignments.count(g, EnumerationTiersSolver.MAX_PLANS);
        if (plans > EnumerationTiersSolver.MAX_PLANS) {
            throw new InvalidModelException("model", "has more than " + EnumerationTiersSolver.MAX_PLANS
                    + " monotone three-tier plans for enumeration; " + g.size() + " layers. Maybe use mincut");
        }
        List<List<String>> sets = ExitSets.subsets(g, Integer.MAX_VALUE);
        TierExitPlan[] best = {null};
        double[] bestObjective = {Double.POSITIVE_INFINITY};
        long[] visited = {0};
        int admissible = 0;
        boolean stopped = false;
        for (List<String> set : sets) {
            StopProfile profile = problem.profile(set);
            if (profile.expectedAccuracy() < problem.variant().minAccuracy()) {
                continue;
            }
            admissible++;
            TiersExpectedLoads loads = problem.loads(profile);
            TierAssignments.Stop stop = TierAssignments.forEach(g, EnumerationTiersSolver.MAX_PLANS, deadline::expired,
                    tiers -> {
                        visited[0]++;
                        TierPlacement x = new TierPlacement(tiers);
                        TiersExitsCost c = TiersExitsEvaluator.evaluate(problem, profile, loads, x);
                        if (c.feasible() && c.objective() < bestObjective[0]) {
                            best[0] = new TierExitPlan(set, x);
                            bestObjective[0] = c.objective();
                        }
                    });
            if (stop != TierAssignments.Stop.COMPLETE) {
                stopped = true;
                break;
            }
        }
        if (best[0] == null) {
            if (stopped) {
                return Outcome.<TierExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached after "
                        + visited[0] + " plans, no feasible plan yet").stat("plans", visited[0]);
            }
            String why = admissible == 0 ? "no exit set reaches minAccuracy " + problem.variant().minAccuracy()
                    : "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble() + " ("
                    + admissible + " exit sets meet the accuracy floor)";
            return Outcome.<TierExitPlan>none(Status.INFEASIBLE, why).stat("plans", visited[0]);
        }
        Outcome<TierExitPlan> outcome = stopped
                ? Outcome.<TierExitPlan>feasible(best[0]).message("time limit reached after " + visited[0] + " plans")
                : Outcome.optimal(best[0]);
        return outcome.stat("plans", visited[0]).stat("exitSetsMeetingAccuracy", admissible);
    }
}
