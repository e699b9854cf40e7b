package org.cleave.core.tiers.throughput;

import org.cleave.core.tiers.TierAssignments;
import org.cleave.core.tiers.TierPlacement;

/**
 * Test-only reference: the least P3-3T period by evaluating every monotone three-tier plan with the
 * evaluator itself (no solver arithmetic), and whether it sustains the frame rate.
 */
public final class TiersThroughputBruteForce {
    private TiersThroughputBruteForce() {
    }

    /**
     * The least period over all plans, one plan attaining it and whether that period meets the frame rate.
     */
    public record Optimum(double period, TierPlacement plan, boolean feasible) {
    }

    /** Brute-force P3-3T optimum. */
    public static Optimum of(TiersThroughputProblem problem) {
        TierAssignments.Cheapest best = TierAssignments.cheapest(problem.graph(), Long.MAX_VALUE, () -> false,
                t -> problem.evaluate(new TierPlacement(t)).periodSeconds());
        return new Optimum(best.cost(), new TierPlacement(best.tiers()), best.cost() <= problem.maxPeriodSeconds());
    }
}
