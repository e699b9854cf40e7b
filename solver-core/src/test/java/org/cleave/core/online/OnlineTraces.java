package org.cleave.core.online;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test-only P7 helpers: uniformly random traces, and SplitEE's reward, the best fixed split and
 * the per-sample oracle computed directly from the paper's case distinction (no call into
 * {@link RewardModel} or {@link OnlineEvaluator}), as the independent reference.
 */
public final class OnlineTraces {
    private OnlineTraces() {
    }

    /** n samples, L exits, confidences uniform in [0, 1] (a few exactly α-like round values), correctness optional. */
    public static Trace random(long seed, int samples, int exits, boolean withCorrectness) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        double[][] conf = new double[samples][exits];
        boolean[][] ok = withCorrectness ? new boolean[samples][exits] : null;
        for (int t = 0; t < samples; t++) {
            ids.add("x" + t);
            for (int i = 0; i < exits; i++) {
                conf[t][i] = rng.nextInt(10) == 0 ? rng.nextInt(11) / 10.0 : rng.nextDouble();
                if (ok != null) {
                    ok[t][i] = rng.nextDouble() < conf[t][i];
                }
            }
        }
        return Trace.of(ids, conf, ok);
    }

    /** A random reward model: α in [0, 1], λ in [0, 0.2], o in [0, 1]. */
    public static RewardModel randomModel(long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return new RewardModel(rng.nextInt(11) / 10.0, rng.nextDouble() * 0.2, rng.nextDouble());
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
