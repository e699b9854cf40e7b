package org.cleave.algorithms.throughput;

import java.util.List;
import java.util.Set;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;

/**
 * DADS' heavy-load heuristic DSH for P3 (Hu et al., INFOCOM 2019,
 * doi:10.1109/INFOCOM.2019.8737614): the min-max period is replaced by min-cuts of the scaled sum
 * {@code device + α_u·uplink + α_e·edge}, the device scale fixed at 1, with (α_u, α_e) grid-searched
 * from coarse to fine over 10^[−3, 3] (a 13 × 13 grid of half-decade steps, then three 5 × 5
 * refinements halving the step); the cut of least true period wins. With early exits, each exit
 * set meeting the accuracy floor gets its own search on its expected loads. 244 min-cuts per exit
 * set. A heuristic: its period is never below the optimum ({@link EnumerationThroughputSolver}).
 * When its best period does not sustain the frame rate it returns NO_SOLUTION_IN_LIMIT with the
 * period in the message (not a proof); when no exit set meets the accuracy floor, INFEASIBLE.
 */
public final class DshThroughputSolver extends AbstractSolver<ThroughputProblem, ExitPlan> {
    public DshThroughputSolver() {
        super("dsh", Family.THROUGHPUT, SolverKind.HEURISTIC, ThroughputProblem.class, Set.of(),
                "DADS heavy-load search: scaled min-cuts over a coarse-to-fine grid of uplink/edge scales");
    }

    @Override
    protected Outcome<ExitPlan> run(ThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        Found f = search(problem, ExitSets.subsets(problem.graph(), Integer.MAX_VALUE), false);
        if (f.plan == null) {
            return Outcome.<ExitPlan>none(Status.INFEASIBLE, "no exit set reaches minAccuracy "
                    + problem.minAccuracy()).stat("cuts", f.cuts);
        }
        ThroughputCost cost = problem.evaluate(f.plan);
        if (cost.periodSeconds() > problem.maxPeriodSeconds()) {
            return Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "DSH: "
                    + EnumerationThroughputSolver.unsustainable(problem, cost.periodSeconds())
                    .replace("the least period", "its best period") + "; not a proof (enumerate decides)")
                    .stat("cuts", f.cuts);
        }
        return Outcome.feasible(f.plan).stat("cuts", f.cuts).stat("exitSets", f.sets);
    }

    /** The best plan DSH finds over {@code sets}. */
    static final class Found {
        ExitPlan plan;
        double period = Double.POSITIVE_INFINITY;
        int cuts;
        int sets;
    }

    /**
     * Runs the grid on every set meeting the accuracy floor. With {@code firstSustaining}, the
     * sets are candidates in order and the first whose period sustains the frame rate is returned
     * (inverse search, heavy mode).
     */
    static Found search(ThroughputProblem problem, List<List<String>> sets, boolean firstSustaining) {
        DnnGraph g = problem.graph();
        Found f = new Found();
        for (List<String> set : sets) {
            StopProfile profile = problem.profile(set);
            if (profile.expectedAccuracy() < problem.minAccuracy()) {
                if (firstSustaining) {
                    break;
                }
                continue;
            }
            f.sets++;
            Stages.Grid grid = Stages.search(g, problem.loads(profile));
            f.cuts += grid.cuts();
            if (grid.period() < f.period) {
                f.period = grid.period();
                f.plan = new ExitPlan(set, ExitSets.tidy(g, profile, grid.placement()));
            }
            if (firstSustaining && grid.period() <= problem.maxPeriodSeconds()
                    && problem.frameRatePerSecond().isPresent()) {
                f.plan = new ExitPlan(set, ExitSets.tidy(g, profile, grid.placement()));
                f.period = grid.period();
                break;
            }
        }
        return f;
    }
}
