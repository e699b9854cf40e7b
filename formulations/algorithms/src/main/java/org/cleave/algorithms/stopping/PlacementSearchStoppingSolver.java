package org.cleave.algorithms.stopping;

import java.util.Set;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/**
 * Shared search of the P6 solvers over the placement m: build the rule for each candidate m,
 * evaluate it with the family evaluator, keep the least objective (ties: the smallest m). The
 * evaluator's objective includes the placement cost, so m* minimises expected cost per inference
 * plus amortised placement cost. Stops at the time limit with the best m so far (FEASIBLE).
 */
abstract class PlacementSearchStoppingSolver extends AbstractSolver<StoppingProblem, StoppingPlan> {
    PlacementSearchStoppingSolver(String id, SolverKind kind, String description) {
        super(id, Family.STOPPING, kind, StoppingProblem.class, Set.of(org.cleave.core.solve.Capability.TIME_LIMIT),
                description);
    }

    /** The candidate placements, in increasing order. */
    protected int[] candidates(StoppingProblem p) {
        return java.util.stream.IntStream.rangeClosed(0, p.layerCount()).toArray();
    }

    /** The rule for placement m. */
    protected abstract StoppingPlan plan(StoppingProblem p, int m);

    /** Whether a completed search proves optimality. */
    protected boolean proves() {
        return kind() == SolverKind.EXACT;
    }

    @Override
    protected Outcome<StoppingPlan> run(StoppingProblem problem, SolveLimits limits, Deadline deadline) {
        StoppingPlan best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int tried = 0;
        boolean complete = true;
        for (int m : candidates(problem)) {
            if (best != null && deadline.expired()) {
                complete = false;
                break;
            }
            StoppingPlan plan = plan(problem, m);
            double value = problem.evaluate(plan).objective();
            tried++;
            if (best == null || value < bestValue) {
                best = plan;
                bestValue = value;
            }
        }
        if (best == null) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "no placement evaluated");
        }
        Outcome<StoppingPlan> out = complete && proves() ? Outcome.optimal(best) : Outcome.feasible(best);
        if (!complete) {
            out.message("time limit reached after " + tried + " placements");
        }
        return out.stat("placements", tried).stat("deviceLayers", best.deviceLayers());
    }
}
