package org.cleave.core.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.Exit;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;

/** Test-only reference for P3: every (exit set, order ideal) pair evaluated by the evaluator. */
public final class ThroughputBruteForce {
    private ThroughputBruteForce() {
    }

    /**
     * The least period among feasible plans.
     *
     * @param plan         an optimal plan, empty when none is feasible
     * @param period       its period (NaN when infeasible)
     * @param unconstrainedPeriod the least period ignoring the frame rate (NaN if the accuracy floor fails)
     */
    public record Optimum(Optional<ExitPlan> plan, double period, double unconstrainedPeriod) {
        public boolean feasible() {
            return plan.isPresent();
        }
    }

    /** The brute-force optimum. */
    public static Optimum solve(ThroughputProblem problem) {
        ThroughputProblem free = problem.withFrameRate(java.util.OptionalDouble.empty());
        List<Exit> exits = problem.graph().exits();
        ExitPlan[] best = {null};
        double[] period = {Double.NaN};
        double[] unconstrained = {Double.NaN};
        for (int mask = 0; mask < (1 << exits.size()); mask++) {
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < exits.size(); j++) {
                if ((mask & (1 << j)) != 0) {
                    ids.add(exits.get(j).id());
                }
            }
            OrderIdeals.forEach(problem.graph(), Long.MAX_VALUE, () -> false, onEdge -> {
                ExitPlan plan = new ExitPlan(ids, Placement.of(onEdge));
                ThroughputCost c = free.evaluate(plan);
                if (!c.feasible()) {
                    return;
                }
                if (Double.isNaN(unconstrained[0]) || c.periodSeconds() < unconstrained[0]) {
                    unconstrained[0] = c.periodSeconds();
                    if (problem.evaluate(plan).feasible()) {
                        best[0] = plan;
                        period[0] = c.periodSeconds();
                    }
                }
            });
        }
        return new Optimum(Optional.ofNullable(best[0]), period[0], unconstrained[0]);
    }
}
