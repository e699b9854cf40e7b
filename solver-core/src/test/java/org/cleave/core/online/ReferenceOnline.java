package org.cleave.core.online;

/**
 * Test-only P7 helpers: SplitEE's reward, the best fixed split and the per-sample oracle computed
 * directly from the paper's case distinction (no call into
 * {@link RewardModel} or {@link OnlineEvaluator}), as the independent reference.
 */
public final class ReferenceOnline {
    private ReferenceOnline() {
    }

    /** SplitEE's reward, case by case as in the paper. */
    public static double directReward(Trace trace, int t, int split, RewardModel m) {
        int last = trace.exits() - 1;
        if (split == last) {
            return trace.confidence(t, last) - m.costPerLayer() * trace.exits();
        }
        if (trace.confidence(t, split) >= m.threshold()) {
            return trace.confidence(t, split) - m.costPerLayer() * (split + 1);
        }
        return trace.confidence(t, last) - m.offloadCost() - m.costPerLayer() * (split + 1);
    }

    /** Σ_t reward(t, i) for every i, directly. */
    public static double[] directTotals(OnlineProblem p) {
        double[] totals = new double[p.trace().exits()];
        for (int i = 0; i < totals.length; i++) {
            for (int t = 0; t < p.trace().size(); t++) {
                totals[i] += directReward(p.trace(), t, i, p.rewardModel());
            }
        }
        return totals;
    }

    /** max_i Σ_t reward(t, i), directly. */
    public static double directBestTotal(OnlineProblem p) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : directTotals(p)) {
            best = Math.max(best, v);
        }
        return best;
    }

    /** Σ_t max_i reward(t, i), directly. */
    public static double directOracleTotal(OnlineProblem p) {
        double total = 0;
        for (int t = 0; t < p.trace().size(); t++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.trace().exits(); i++) {
                best = Math.max(best, directReward(p.trace(), t, i, p.rewardModel()));
            }
            total += best;
        }
        return total;
    }

    /** Whether a and b agree to 1e-9 relative to the larger magnitude or absolute 1e-9. */
    public static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
