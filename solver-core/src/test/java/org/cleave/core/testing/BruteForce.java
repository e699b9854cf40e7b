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
        OrderIdeals.Cheapest best = OrderIdeals.cheapest(problem.graph(), Long.MAX_VALUE, () -> false,
                onEdge -> problem.evaluate(Placement.of(onEdge)).objective());
        return new Optimum(best.cost(), Placement.of(best.onEdge()), best.visited());
    }
}
