package org.cleave.algorithms.throughput;

import java.util.Set;
import org.cleave.algorithms.exits.ExitSets;
import org.cleave.core.exits.ExitPlan;
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
 * The inverse search of DAPDEE (Dynamic Adaptive Partitioning of DNNs based on an Early Exit
 * mechanism, J. Electronics &amp; Information Technology 2025, doi:10.11999/JEIT250291) in heavy mode
 * for P3, a heuristic. The candidates are the full model,
 * then each exit alone from the deepest towards the shallowest; the walk stops at the first
 * candidate below the accuracy floor. Each candidate's partition comes from DSH's scaled min-cut
 * grid on its expected loads. With a frame rate Q the first candidate whose period sustains Q is
 * returned; without one, the candidate of least period. O(m · 244 · V·E²).
 * No sustaining candidate: NO_SOLUTION_IN_LIMIT with the best period in the message (not a proof).
 */
public final class InverseSearchThroughputSolver extends AbstractSolver<ThroughputProblem, ExitPlan> {
    public InverseSearchThroughputSolver() {
        super("inverse-search", Family.THROUGHPUT, SolverKind.HEURISTIC, ThroughputProblem.class, Set.of(),
                "DAPDEE inverse search, heavy mode: single exits from the deepest, DSH partition each");
    }

    @Override
    protected Outcome<ExitPlan> run(ThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        DshThroughputSolver.Found f = DshThroughputSolver.search(problem, ExitSets.deepestFirst(problem.graph()),
                true);
        if (f.plan == null) {
            return Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "inverse search: the full model is below"
                    + " minAccuracy " + problem.minAccuracy() + "; not a proof (enumerate decides)");
        }
        ThroughputCost cost = problem.evaluate(f.plan);
        if (!cost.feasible()) {
            return Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "inverse search: "
                    + EnumerationThroughputSolver.unsustainable(problem, cost.periodSeconds())
                    .replace("the least period", "its best period") + "; not a proof (enumerate decides)")
                    .stat("candidates", f.sets);
        }
        return Outcome.feasible(f.plan).stat("candidates", f.sets).stat("cuts", f.cuts);
    }
}
