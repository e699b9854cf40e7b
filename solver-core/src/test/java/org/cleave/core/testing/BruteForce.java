package org.cleave.core.testing;

import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;

/**
 * Test-only reference: the P1 optimum by evaluating every monotone placement with the
 * evaluator itself (no solver arithmetic involved).
 */
public final class BruteForce {
    private BruteForce() {
    }

    /** The optimal objective and one optimal placement. */
    public record Optimum(double objective, Placement plan, long placements) {
    }

    /** Brute-force P1 optimum. */
    public static Optimum partition(PartitionProblem problem) {
        double[] best = {Double.POSITIVE_INFINITY};
        Placement[] plan = {null};
        long[] count = {0};
        OrderIdeals.forEach(problem.graph(), Long.MAX_VALUE, () -> false, onEdge -> {
            count[0]++;
            Placement p = Placement.of(onEdge);
            double cost = problem.evaluate(p).objective();
            if (cost < best[0]) {
                best[0] = cost;
                plan[0] = p;
            }
        });
        return new Optimum(best[0], plan[0], count[0]);
    }
}
