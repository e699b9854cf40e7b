package org.cleave.algorithms.exits;

import java.util.List;
import java.util.Set;
import org.cleave.algorithms.partition.MinCutNetwork;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.ExpectedLoads;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.CostWeights;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Exact P2 ({@link ExitsProblem}) by enumerating the exit sets and solving, for each, a minimum
 * s–t cut with reach-weighted capacities ({@link ExpectedLoads}, {@link MinCutNetwork}). For a
 * fixed exit set the accuracy is fixed and the expected cost is a sum of per-layer terms, so the
 * cut is the cheapest placement (Hu et al., DADS, INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614,
 * applied per exit set as in Edgent, doi:10.1109/TWC.2019.2946140).
 *
 * <ul>
 *   <li>Variant (a): sets below the accuracy floor are skipped; for each other set the cost cut.
 *   When a latency bound L is given and the cost cut exceeds it, the set is dropped if its cost
 *   cut is no better than the incumbent (a lower bound) or if even its latency cut exceeds L;
 *   otherwise the set's order ideals are enumerated (exact, at most
 *   {@value #MAX_IDEALS} of them, else INVALID_INPUT).</li>
 *   <li>Variant (b): for the full model and each single exit (model truncated there), the latency
 *   cut; the most accurate set whose least latency is within L wins, ties to the lower latency.</li>
 * </ul>
 * Returns INFEASIBLE when no plan meets the constraints. O(2^m · V·E²) without a binding latency
 * bound. Feasibility is always decided by the evaluator. Stops at the time limit with the best
 * plan so far (FEASIBLE).
 */
public final class MinCutExitsSolver extends AbstractSolver<ExitsProblem, ExitPlan> {
    /** Most order ideals enumerated for one exit set under a binding latency bound. */
    public static final long MAX_IDEALS = 1L << 20;

    public MinCutExitsSolver() {
        super("mincut", Family.EXITS, SolverKind.EXACT, ExitsProblem.class, Set.of(Capability.TIME_LIMIT),
                "exit-set enumeration x reach-weighted min s-t cut (ideal enumeration when a latency bound binds)");
    }

    @Override
    protected Outcome<ExitPlan> run(ExitsProblem problem, SolveLimits limits, Deadline deadline) {
        boolean rightSizing = problem.variant() instanceof ExitsProblem.RightSizing;
        List<List<String>> sets = ExitSets.subsets(problem.graph(), rightSizing ? 1 : Integer.MAX_VALUE);
        Search s = new Search(problem);
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

    /** The state of one solve. */
    private static final class Search {
        final ExitsProblem problem;
        final DnnGraph g;
        ExitPlan best;
        double bestObjective;
        double bestLatency;
        int setsTried;
        int setsMeetingAccuracy;
        int cuts;
        long enumerated;
        boolean interrupted;

        Search(ExitsProblem problem) {
            this.problem = problem;
            this.g = problem.graph();
        }

        Placement cut(StopProfile profile, ExpectedLoads loads, CostWeights w) {
            cuts++;
            double[][] c = loads.weightedCoefficients(w, problem.device(), problem.link());
            return ExitSets.tidy(g, profile, MinCutNetwork.solve(g, c[0], c[1], c[2]).placement());
        }

        void rightSize(List<String> set) {
            StopProfile profile = problem.profile(set);
            setsMeetingAccuracy++;
            ExitPlan plan = new ExitPlan(set, cut(profile, problem.loads(profile), CostWeights.LATENCY));
            ExitsCost c = problem.evaluate(plan);
            if (c.feasible() && (best == null || c.objective() > bestObjective
                    || (c.objective() == bestObjective && c.latencySeconds() < bestLatency))) {
                keep(plan, c);
            }
        }

        void minCost(List<String> set, Deadline deadline) {
            ExitsProblem.MinCost a = (ExitsProblem.MinCost) problem.variant();
            StopProfile profile = problem.profile(set);
            if (profile.expectedAccuracy() < a.minAccuracy()) {
                return;
            }
            setsMeetingAccuracy++;
            ExpectedLoads loads = problem.loads(profile);
            ExitPlan plan = new ExitPlan(set, cut(profile, loads, a.weights()));
            ExitsCost c = problem.evaluate(plan);
            if (c.feasible()) {
                offer(plan, c);
                return;
            }
            if (best != null && c.objective() >= bestObjective) {
                return; // the unconstrained optimum of this set is already no better
            }
            ExitsCost fastest = problem.evaluate(new ExitPlan(set, cut(profile, loads, CostWeights.LATENCY)));
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

        void offer(ExitPlan plan, ExitsCost c) {
            if (best == null || c.objective() < bestObjective) {
                keep(plan, c);
            }
        }

        void keep(ExitPlan plan, ExitsCost c) {
            best = plan;
            bestObjective = c.objective();
            bestLatency = c.latencySeconds();
        }

        String infeasibility() {
            if (problem.variant() instanceof ExitsProblem.MinCost a && setsMeetingAccuracy == 0) {
                return "no exit set reaches minAccuracy " + a.minAccuracy();
            }
            return "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble()
                    + " (" + setsMeetingAccuracy + " exit sets meet the accuracy floor)";
        }

        Outcome<ExitPlan> stats(Outcome<ExitPlan> o) {
            return o.stat("exitSets", setsTried).stat("exitSetsMeetingAccuracy", setsMeetingAccuracy)
                    .stat("cuts", cuts).stat("enumeratedPlacements", enumerated);
        }
    }
}
