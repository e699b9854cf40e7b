package org.cleave.algorithms.exits;

import java.util.List;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Status;

/**
 * The exact exit-set search shared by the P2 min-cut solvers ({@link MinCutExitsSolver},
 * {@link CompiledMinCutExitsSolver}): they differ only in how the cheapest placement of one exit
 * set is cut ({@link Cut}). See {@link MinCutExitsSolver} for the method.
 */
final class ExitSetSearch {
    /** Most order ideals enumerated for one exit set under a binding latency bound. */
    static final long MAX_IDEALS = 1L << 20;

    /** The cheapest monotone placement of one exit set. */
    @FunctionalInterface
    interface Cut {
        /**
         * A placement minimising the expected {@code w_T·T + w_E·E} of {@code profile}'s exit set,
         * tidied with {@link ExitSets#tidy}.
         */
        Placement cut(StopProfile profile, CostWeights weights);
    }

    private final ExitsProblem problem;
    private final DnnGraph g;
    private final Cut cutter;
    private ExitPlan best;
    private double bestObjective;
    private double bestLatency;
    private int setsTried;
    private int setsMeetingAccuracy;
    private int cuts;
    private long enumerated;
    private boolean interrupted;

    private ExitSetSearch(ExitsProblem problem, Cut cutter) {
        this.problem = problem;
        this.g = problem.graph();
        this.cutter = cutter;
    }

    /** Solves {@code problem} with {@code cutter}, stopping at {@code deadline}. */
    static Outcome<ExitPlan> solve(ExitsProblem problem, Deadline deadline, Cut cutter) {
        boolean rightSizing = problem.variant() instanceof ExitsProblem.RightSizing;
        List<List<String>> sets = ExitSets.subsets(problem.graph(), rightSizing ? 1 : Integer.MAX_VALUE);
        ExitSetSearch s = new ExitSetSearch(problem, cutter);
        boolean stopped = false;
        for (List<String> set : sets) {
            if (deadline.expired()) {
                stopped = true;
                break;
            }
            s.setsTried++;
            if (rightSizing) {
                s.rightSize(set);
            } else {
                s.minCost(set, deadline);
            }
        }
        stopped |= s.interrupted;
        if (s.best == null) {
            if (stopped) {
                return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached after " + s.setsTried + " of "
                        + sets.size() + " exit sets, no feasible plan yet");
            }
            return s.stats(Outcome.none(Status.INFEASIBLE, s.infeasibility()));
        }
        Outcome<ExitPlan> outcome = stopped
                ? Outcome.<ExitPlan>feasible(s.best).message("time limit reached after " + s.setsTried + " of "
                        + sets.size() + " exit sets")
                : Outcome.optimal(s.best);
        return s.stats(outcome);
    }

    private Placement cut(StopProfile profile, CostWeights w) {
        cuts++;
        return cutter.cut(profile, w);
    }

    private void rightSize(List<String> set) {
        StopProfile profile = problem.profile(set);
        setsMeetingAccuracy++;
        ExitPlan plan = new ExitPlan(set, cut(profile, CostWeights.LATENCY));
        ExitsCost c = problem.evaluate(plan);
        if (c.feasible() && (best == null || c.objective() > bestObjective
                || (c.objective() == bestObjective && c.latencySeconds() < bestLatency))) {
            keep(plan, c);
        }
    }

    private void minCost(List<String> set, Deadline deadline) {
        ExitsProblem.MinCost a = (ExitsProblem.MinCost) problem.variant();
        StopProfile profile = problem.profile(set);
        if (profile.expectedAccuracy() < a.minAccuracy()) {
            return;
        }
        setsMeetingAccuracy++;
        ExitPlan plan = new ExitPlan(set, cut(profile, a.weights()));
        ExitsCost c = problem.evaluate(plan);
        if (c.feasible()) {
            offer(plan, c);
            return;
        }
        if (best != null && c.objective() >= bestObjective) {
            return; // the unconstrained optimum of this set is already no better
        }
        ExitsCost fastest = problem.evaluate(new ExitPlan(set, cut(profile, CostWeights.LATENCY)));
        if (!fastest.feasible()) {
            return; // even the least latency of this set exceeds L
        }
        long ideals = OrderIdeals.count(g, MAX_IDEALS);
        if (ideals > MAX_IDEALS) {
            throw new InvalidModelException("model", "the latency bound binds and the model has more than "
                    + MAX_IDEALS + " monotone placements to enumerate. Maybe drop maxLatencySeconds");
        }
        OrderIdeals.Stop stop = OrderIdeals.forEach(g, MAX_IDEALS, deadline::expired, onEdge -> {
            enumerated++;
            ExitPlan p = new ExitPlan(set, Placement.of(onEdge));
            ExitsCost pc = problem.evaluate(p);
            if (pc.feasible()) {
                offer(p, pc);
            }
        });
        interrupted |= stop != OrderIdeals.Stop.COMPLETE;
    }

    private void offer(ExitPlan plan, ExitsCost c) {
        if (best == null || c.objective() < bestObjective) {
            keep(plan, c);
        }
    }

    private void keep(ExitPlan plan, ExitsCost c) {
        best = plan;
        bestObjective = c.objective();
        bestLatency = c.latencySeconds();
    }

    private String infeasibility() {
        if (problem.variant() instanceof ExitsProblem.MinCost a && setsMeetingAccuracy == 0) {
            return "no exit set reaches minAccuracy " + a.minAccuracy();
        }
        return "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble()
                + " (" + setsMeetingAccuracy + " exit sets meet the accuracy floor)";
    }

    private Outcome<ExitPlan> stats(Outcome<ExitPlan> o) {
        return o.stat("exitSets", setsTried).stat("exitSetsMeetingAccuracy", setsMeetingAccuracy)
                .stat("cuts", cuts).stat("enumeratedPlacements", enumerated);
    }
}
