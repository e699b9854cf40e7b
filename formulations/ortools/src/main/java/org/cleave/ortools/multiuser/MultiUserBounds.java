package org.cleave.ortools.multiuser;

import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Status;

/**
 * The bound the P4 formulations report when they stop without a proof: the optimum with the two
 * unit constraints dropped, Σ_i min_e c_{i,e} over the {@link AllocationTable} entries. Every plan
 * takes one entry per user, and a floating-point sum is nondecreasing in each term, so the sum (in
 * user order, as the evaluator adds user costs) is at most the evaluator's objective of any plan.
 * O(entries).
 */
final class MultiUserBounds {
    private MultiUserBounds() {
    }

    /** Σ_i min_e c_{i,e}: a lower bound on every plan's objective. */
    static double unitsDropped(AllocationTable table) {
        double sum = 0;
        for (int i = 0; i < table.users(); i++) {
            double least = Double.POSITIVE_INFINITY;
            for (int e = 0; e < table.entries(i); e++) {
                least = Math.min(least, table.cost(i, e));
            }
            sum += least;
        }
        return sum;
    }

    /** NO_SOLUTION_IN_LIMIT because building the table and model used the whole time limit, with {@code bound}. */
    static Outcome<MultiUserPlan> outOfTime(AllocationTable table, double bound) {
        return Outcome.<MultiUserPlan>none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached while building the model ("
                + table.totalEntries() + " entries); bound " + bound + " (unit constraints dropped)")
                .bound(bound).stat("variables", table.totalEntries());
    }

    /** The table cost of the plan taking {@code entry[i]} for each user (an upper bound on the optimum). */
    static double cost(AllocationTable table, int[] entry) {
        double sum = 0;
        for (int i = 0; i < entry.length; i++) {
            sum += table.cost(i, entry[i]);
        }
        return sum;
    }
}
