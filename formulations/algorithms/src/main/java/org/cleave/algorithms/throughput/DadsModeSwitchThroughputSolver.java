package org.cleave.algorithms.throughput;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;

/**
 * DADS' mode switch (Hu et al., INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614) on a P3 instance
 * with frame rate Q. A policy, so kind HEURISTIC: it does not minimise the period when it need not.
 * <ol>
 *   <li>Light load: the plan of least expected latency (P2 variant (a) with latency weights and the
 *   same accuracy floor, solved exactly by {@link MinCutExitsSolver}). If its largest stage is at
 *   most 1/Q it is kept: status FEASIBLE, message "light load: …".</li>
 *   <li>Heavy load: otherwise the period is minimised, exactly by enumeration when there are at
 *   most {@value #EXACT_PAIRS} (exit set, placement) pairs, else by DSH. A sustaining plan is
 *   returned with status FEASIBLE and message "heavy load: …".</li>
 *   <li>Q cannot be sustained: no plan. Status INFEASIBLE when the heavy step was exact (proven; the
 *   result's bound is the least period), NO_SOLUTION_IN_LIMIT when it was DSH (not a proof); the
 *   message says "frame rate … cannot be sustained" with the best period.</li>
 * </ol>
 * Without a frame rate the light step is skipped and the least-period plan is returned. The
 * parameter {@code mode} records light or heavy and {@code heavySolver} enumerate or dsh.
 */
public final class DadsModeSwitchThroughputSolver extends AbstractSolver<ThroughputProblem, ExitPlan> {
    /** Largest number of (exit set, placement) pairs for the exact heavy step. */
    public static final long EXACT_PAIRS = 1L << 16;

    public DadsModeSwitchThroughputSolver() {
        super("dads-switch", Family.THROUGHPUT, SolverKind.HEURISTIC, ThroughputProblem.class, Set.of(),
                "DADS mode switch: latency-optimal plan if it sustains the frame rate, else least period");
    }

    @Override
    protected Outcome<ExitPlan> run(ThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        if (problem.frameRatePerSecond().isPresent()) {
            ExitsProblem light = new ExitsProblem(problem.graph(), problem.device(), problem.edge(), problem.link(),
                    problem.deviceLoad(), problem.finalAccuracy(),
                    new ExitsProblem.MinCost(CostWeights.LATENCY, problem.minAccuracy(), OptionalDouble.empty()));
            Result<ExitPlan> r = new MinCutExitsSolver().solve(light);
            if (r.status() == Status.INFEASIBLE) {
                return Outcome.none(Status.INFEASIBLE, r.message());
            }
            ThroughputCost c = problem.evaluate(r.planOrThrow());
            if (c.feasible()) {
                return Outcome.feasible(r.planOrThrow()).param("mode", "light").message(String.format(Locale.ROOT,
                        "light load: the latency-optimal plan's largest stage %.6g s is within 1/Q = %.6g s",
                        c.periodSeconds(), problem.maxPeriodSeconds()));
            }
        }
        int sets = ExitSets.subsets(problem.graph(), Integer.MAX_VALUE).size();
        boolean exact = OrderIdeals.count(problem.graph(), EXACT_PAIRS) * sets <= EXACT_PAIRS;
        ExitPlan plan;
        if (exact) {
            plan = EnumerationThroughputSolver.solveExactly(problem, deadline).plan;
        } else {
            plan = DshThroughputSolver.search(problem, ExitSets.subsets(problem.graph(), Integer.MAX_VALUE),
                    false).plan;
        }
        String heavy = exact ? "enumerate" : "dsh";
        if (plan == null) {
            return Outcome.<ExitPlan>none(Status.INFEASIBLE, "no exit set reaches minAccuracy "
                    + problem.minAccuracy()).param("heavySolver", heavy);
        }
        ThroughputCost c = problem.evaluate(plan);
        if (c.feasible()) {
            return Outcome.feasible(plan).param("mode", "heavy").param("heavySolver", heavy)
                    .message(String.format(Locale.ROOT, "heavy load: least period %.6g s (%s)%s",
                            c.periodSeconds(), heavy, problem.frameRatePerSecond().isPresent()
                                    ? String.format(Locale.ROOT, " within 1/Q = %.6g s", problem.maxPeriodSeconds())
                                    : ", no frame rate given"));
        }
        String why = EnumerationThroughputSolver.unsustainable(problem, c.periodSeconds());
        if (exact) {
            return Outcome.<ExitPlan>none(Status.INFEASIBLE, why).bound(c.periodSeconds())
                    .param("mode", "heavy").param("heavySolver", heavy);
        }
        return Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, why.replace("the least period", "DSH's best period")
                + "; not a proof").param("mode", "heavy").param("heavySolver", heavy);
    }
}
