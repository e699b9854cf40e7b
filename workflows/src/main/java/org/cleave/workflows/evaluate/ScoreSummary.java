package org.cleave.workflows.evaluate;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of scored plans. Gap statistics are over the feasible plans with a finite gap (a known
 * optimum); NaN when there is none. The median is the mean of the two middle values for an even
 * count; the 95th percentile is the nearest-rank value (the ⌈0.95·n⌉-th smallest).
 *
 * @param count            number of plans
 * @param feasible         number of feasible plans
 * @param optimal          number of feasible plans with gap ≤ {@value #OPTIMAL_GAP}
 * @param betterThanOptimum number of feasible plans whose gap is below −{@value #OPTIMAL_GAP}: the
 *                          "optimum" they were compared with is not one (a wrong label); 0 when the
 *                          optimum came from a verified exact solve
 * @param meanGap          mean gap
 * @param medianGap        median gap
 * @param p95Gap           95th percentile of the gap
 * @param maxGap           largest gap
 */
public record ScoreSummary(int count, int feasible, int optimal, int betterThanOptimum, double meanGap,
                           double medianGap, double p95Gap, double maxGap) {
    /** A plan whose gap is at most this is counted optimal. */
    public static final double OPTIMAL_GAP = 1e-9;

    /** Summarises {@code scores}. O(n log n). */
    public static ScoreSummary of(List<PlanScore> scores) {
        int feasible = 0;
        int optimal = 0;
        int better = 0;
        double[] gaps = new double[scores.size()];
        int n = 0;
        for (PlanScore s : scores) {
            if (!s.feasible()) {
                continue;
            }
            feasible++;
            if (s.optimal()) {
                optimal++;
            }
            if (s.gap() < -OPTIMAL_GAP) {
                better++;
            }
            if (!Double.isNaN(s.gap())) {
                gaps[n++] = s.gap();
            }
        }
        double[] g = Arrays.copyOf(gaps, n);
        Arrays.sort(g);
        double mean = Double.NaN;
        double median = Double.NaN;
        double p95 = Double.NaN;
        double max = Double.NaN;
        if (n > 0) {
            double sum = 0;
            for (double x : g) {
                sum += x;
            }
            mean = sum / n;
            median = n % 2 == 1 ? g[n / 2] : (g[n / 2 - 1] + g[n / 2]) / 2;
            p95 = g[Math.max(0, (int) Math.ceil(0.95 * n) - 1)];
            max = g[n - 1];
        }
        return new ScoreSummary(scores.size(), feasible, optimal, better, mean, median, p95, max);
    }

    /** Share of feasible plans in [0, 1]; NaN without plans. */
    public double feasibleShare() {
        return count == 0 ? Double.NaN : (double) feasible / count;
    }

    /** Share of optimal plans in [0, 1]; NaN without plans. */
    public double optimalShare() {
        return count == 0 ? Double.NaN : (double) optimal / count;
    }
}
