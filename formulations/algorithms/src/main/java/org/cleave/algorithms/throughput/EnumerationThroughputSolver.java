package org.cleave.algorithms.throughput;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExpectedLoads;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;

/**
 * Exact P3 ({@link ThroughputProblem}) for small instances: every exit set meeting the accuracy
 * floor × every monotone placement (order ideal), the least period kept. O(2^m · #ideals ·
 * (|V| + |A|)); refuses more than {@value #MAX_PAIRS} (exit set, placement) pairs with
 * INVALID_INPUT. When the least period exceeds 1/Q the frame rate cannot be sustained: INFEASIBLE,
 * with the least period as the bound and in the message. Stops at the time limit with the best
 * plan so far (FEASIBLE).
 */
public final class EnumerationThroughputSolver extends AbstractSolver<ThroughputProblem, ExitPlan> {
    /** Largest number of (exit set, placement) pairs enumerated. */
    public static final long MAX_PAIRS = 1L << 22;

    public EnumerationThroughputSolver() {
        super("enumerate", Family.THROUGHPUT, SolverKind.EXACT, ThroughputProblem.class,
                Set.of(Capability.TIME_LIMIT), "enumeration of exit sets x order ideals; exact for small instances");
    }

    @Override
    protected Outcome<ExitPlan> run(ThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        Best best = solveExactly(problem, deadline);
        if (best.plan == null) {
            if (best.stopped) {
                return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached before any plan");
            }
            return Outcome.<ExitPlan>none(Status.INFEASIBLE, "no exit set reaches minAccuracy "
                    + problem.minAccuracy()).stat("pairs", best.pairs);
        }
        ThroughputCost cost = problem.evaluate(best.plan);
        if (!best.stopped && cost.periodSeconds() > problem.maxPeriodSeconds()) {
            return Outcome.<ExitPlan>none(Status.INFEASIBLE, unsustainable(problem, cost.periodSeconds()))
                    .bound(cost.periodSeconds()).stat("pairs", best.pairs);
        }
        Outcome<ExitPlan> o = best.stopped
                ? Outcome.<ExitPlan>feasible(best.plan).message("time limit reached after " + best.pairs + " plans")
                : Outcome.optimal(best.plan);
        if (best.stopped && !cost.feasible()) {
            return Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached; the best plan so far"
                    + " does not sustain the frame rate").stat("pairs", best.pairs);
        }
        return o.stat("pairs", best.pairs);
    }

    /** "frame rate Q = … cannot be sustained: …", shared by the P3 solvers. */
    static String unsustainable(ThroughputProblem p, double period) {
        return String.format(Locale.ROOT, "frame rate %.6g frames/s cannot be sustained: the least period is"
                + " %.6g s (at most %.6g frames/s)", p.frameRatePerSecond().getAsDouble(), period, 1 / period);
    }

    /** The least-period plan ignoring the frame rate (empty plan when no set meets the accuracy floor). */
    static final class Best {
        ExitPlan plan;
        double period = Double.POSITIVE_INFINITY;
        long pairs;
        boolean stopped;
    }

    /** Enumerates every accuracy-feasible exit set × ideal; the frame rate is not applied. */
    static Best solveExactly(ThroughputProblem problem, Deadline deadline) {
        DnnGraph g = problem.graph();
        List<List<String>> sets = ExitSets.subsets(g, Integer.MAX_VALUE);
        long ideals = OrderIdeals.count(g, MAX_PAIRS);
        if (ideals * sets.size() > MAX_PAIRS) {
            throw new InvalidModelException("model", "has more than " + MAX_PAIRS + " (exit set, placement) pairs"
                    + " to enumerate (" + sets.size() + " exit sets, " + (ideals > MAX_PAIRS ? "over " + MAX_PAIRS
                    : String.valueOf(ideals)) + " placements). Maybe use dsh");
        }
        Best best = new Best();
        for (List<String> set : sets) {
            StopProfile profile = problem.profile(set);
            if (profile.expectedAccuracy() < problem.minAccuracy()) {
                continue;
            }
            ExpectedLoads stages = problem.loads(profile);
            OrderIdeals.Stop stop = OrderIdeals.forEach(g, MAX_PAIRS, deadline::expired, onEdge -> {
                best.pairs++;
                double period = Stages.period(g, stages, onEdge);
                if (period < best.period) {
                    best.period = period;
                    best.plan = new ExitPlan(set, Placement.of(onEdge));
                }
            });
            if (stop == OrderIdeals.Stop.STOPPED || deadline.expired()) {
                best.stopped = true;
                break;
            }
        }
        return best;
    }
}
