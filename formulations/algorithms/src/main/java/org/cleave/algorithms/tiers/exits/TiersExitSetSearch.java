package org.cleave.algorithms.tiers.exits;

import java.util.List;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.algorithms.tiers.EnumerationTiersSolver;
import org.cleave.algorithms.tiers.TiersCutNetwork;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.TierAssignments;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsCost;
import org.cleave.core.tiers.exits.TiersExitsEvaluator;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.core.tiers.exits.TiersExpectedLoads;

/**
 * The exact exit-set search of {@link MinCutTiersExitsSolver}, P2's
 * {@code org.cleave.algorithms.exits.ExitSetSearch} on three tiers: for each exit set meeting the
 * accuracy floor, the reach-weighted cost cut on one compiled {@link TiersCutNetwork}; when a latency
 * bound L is given and the cost cut exceeds it, the set is dropped if its cost cut is no better than
 * the incumbent (a lower bound) or if even its latency cut exceeds L, otherwise its monotone
 * three-tier plans are enumerated ({@link TierAssignments}, at most
 * {@link EnumerationTiersSolver#MAX_PLANS}). Feasibility is always decided by the evaluator.
 * Single-threaded; one per solve.
 */
final class TiersExitSetSearch {
    private final TiersExitsProblem problem;
    private final DnnGraph g;
    private final TiersCutNetwork net;
    private TierExitPlan best;
    private double bestObjective;
    private int setsTried;
    private int setsMeetingAccuracy;
    private int cuts;
    private long enumerated;
    private boolean interrupted;

    private TiersExitSetSearch(TiersExitsProblem problem) {
        this.problem = problem;
        this.g = problem.graph();
        this.net = TiersCutNetwork.compile(g);
    }

    /** Solves {@code problem}, stopping at {@code deadline}. */
    static Outcome<TierExitPlan> solve(TiersExitsProblem problem, Deadline deadline) {
        List<List<String>> sets = ExitSets.subsets(problem.graph(), Integer.MAX_VALUE);
        TiersExitSetSearch s = new TiersExitSetSearch(problem);
        boolean stopped = false;
        for (List<String> set : sets) {
            if (deadline.expired()) {
                stopped = true;
                break;
            }
            s.setsTried++;
            s.minCost(set, deadline);
        }
        stopped |= s.interrupted;
        if (s.best == null) {
            if (stopped) {
                return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached after " + s.setsTried + " of "
                        + sets.size() + " exit sets, no feasible plan yet");
            }
            return s.stats(Outcome.none(Status.INFEASIBLE, s.infeasibility()));
        }
        Outcome<TierExitPlan> outcome = stopped
                ? Outcome.<TierExitPlan>feasible(s.best).message("time limit reached after " + s.setsTried + " of "
                        + sets.size() + " exit sets")
                : Outcome.optimal(s.best);
        return s.stats(outcome);
    }

    /** The cheapest plan of one exit set under {@code w}: one minimum cut on the doubled network. */
    private TierPlacement cut(StopProfile profile, TiersExpectedLoads loads, CostWeights w) {
        cuts++;
        net.setCosts(loads.coefficients(w, problem));
        net.solve();
        return TiersExitSets.tidy(g, profile, net.plan());
    }

    private void minCost(List<String> set, Deadline deadline) {
        StopProfile profile = problem.profile(set);
        if (profile.expectedAccuracy() < problem.variant().minAccuracy()) {
            return;
        }
        setsMeetingAccuracy++;
        TiersExpectedLoads loads = problem.loads(profile);
        TierPlacement x = cut(profile, loads, problem.variant().weights());
        TiersExitsCost c = TiersExitsEvaluator.evaluate(problem, profile, loads, x);
        if (c.feasible()) {
            offer(set, x, c);
            return;
        }
        if (best != null && c.objective() >= bestObjective) {
            return; // the unconstrained optimum of this set is already no better
        }
        TierPlacement fastest = cut(profile, loads, CostWeights.LATENCY);
        if (!TiersExitsEvaluator.evaluate(problem, profile, loads, fastest).feasible()) {
            return; // even the least latency of this set exceeds L
        }
        long plans = TierAssignments.count(g, EnumerationTiersSolver.MAX_PLANS);
        if (plans > EnumerationTiersSolver.MAX_PLANS) {
            throw new InvalidModelException("model", "the latency bound binds and the model has more than "
                    + EnumerationTiersSolver.MAX_PLANS + " monotone three-tier plans to enumerate."
                    + " Maybe drop maxLatencySeconds");
        }
        TierAssignments.Stop stop = TierAssignments.forEach(g, EnumerationTiersSolver.MAX_PLANS, deadline::expired,
                tiers -> {
                    enumerated++;
                    TierPlacement p = new TierPlacement(tiers);
                    TiersExitsCost pc = TiersExitsEvaluator.evaluate(problem, profile, loads, p);
                    if (pc.feasible()) {
                        offer(set, p, pc);
                    }
                });
        interrupted |= stop != TierAssignments.Stop.COMPLETE;
    }

    private void offer(List<String> set, TierPlacement x, TiersExitsCost c) {
        if (best == null || c.objective() < bestObjective) {
            best = new TierExitPlan(set, x);
            bestObjective = c.objective();
        }
    }

    private String infeasibility() {
        if (setsMeetingAccuracy == 0) {
            return "no exit set reaches minAccuracy " + problem.variant().minAccuracy();
        }
        return "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble()
                + " (" + setsMeetingAccuracy + " exit sets meet the accuracy floor)";
    }

    private Outcome<TierExitPlan> stats(Outcome<TierExitPlan> o) {
        return o.stat("exitSets", setsTried).stat("exitSetsMeetingAccuracy", setsMeetingAccuracy)
                .stat("cuts", cuts).stat("enumeratedPlans", enumerated);
    }
}
