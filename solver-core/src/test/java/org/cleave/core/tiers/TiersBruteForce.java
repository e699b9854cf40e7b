package org.cleave.core.tiers;

/**
 * Test-only reference: the P1-3T optimum by evaluating every monotone three-tier plan with the
 * evaluator itself (no solver arithmetic, not even the coefficients).
 */
public final class TiersBruteForce {
    private TiersBruteForce() {
    }

    /** The optimal objective, one optimal plan and the number of plans. */
    public record Optimum(double objective, TierPlacement plan, long plans) {
    }

    /** Brute-force P1-3T optimum. */
    public static Optimum of(TiersProblem problem) {
        TierAssignments.Cheapest best = TierAssignments.cheapest(problem.graph(), Long.MAX_VALUE, () -> false,
                t -> problem.evaluate(new TierPlacement(t)).objective());
        return new Optimum(best.cost(), new TierPlacement(best.tiers()), best.visited());
    }
}
