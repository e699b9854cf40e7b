package org.cleave.workflows.evaluate;

import java.util.Arrays;
import java.util.List;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.solve.Sense;

/**
 * A P7 schedule scored against the ground truth of its trace ({@link ScheduleEvaluator}): the
 * per-sample rows, the evaluator's totals for the schedule, for the best fixed split in hindsight
 * i* and for the per-sample oracle, and the derived regrets and gaps. With R the schedule's total
 * reward, R* = Σ_t reward(t, i*) and R° = Σ_t max_i reward(t, i):
 * <pre>
 *   regret vs best fixed = Σ_t (reward(t, i*) − reward(t, i_t))    (may be negative: adaptivity can win)
 *   regret vs oracle     = Σ_t (max_i reward(t, i) − reward(t, i_t)) ≥ 0
 *   gap vs best fixed    = (R* − R)/|R*|,   gap vs oracle = (R° − R)/|R°|
 * </pre>
 * the gaps being {@link PlanEvaluator#gap} of the maximised objective (0 = as good as the
 * comparator, ±∞ when the comparator's total is 0 and R differs). A sample is <i>optimal</i>
 * when its reward is within {@link ScoreSummary#OPTIMAL_GAP} of the oracle's.
 *
 * @param samples             one row per sample in trace order
 * @param exits               L, the trace's number of exits
 * @param evaluation          the evaluator's figures of the schedule
 * @param bestFixed           i*, the best fixed split in hindsight (ties: the shallowest)
 * @param bestFixedEvaluation the evaluator's figures of i*
 * @param oracleEvaluation    the evaluator's figures of the per-sample oracle's schedule
 */
public record ScheduleScore(List<SampleScore> samples, int exits, OnlineEvaluation evaluation, FixedSplit bestFixed,
                            OnlineEvaluation bestFixedEvaluation, OnlineEvaluation oracleEvaluation) {
    public ScheduleScore {
        samples = List.copyOf(samples);
    }

    /** Cumulative regret against the best fixed split after the last sample. */
    public double regretBestFixed() {
        return samples.get(samples.size() - 1).regretBestFixed();
    }

    /** Cumulative regret against the per-sample oracle after the last sample. */
    public double regretOracle() {
        return samples.get(samples.size() - 1).regretOracle();
    }

    /** (R* − R)/|R*|. */
    public double gapBestFixed() {
        return PlanEvaluator.gap(evaluation.totalReward(), bestFixedEvaluation.totalReward(), Sense.MAXIMIZE);
    }

    /** (R° − R)/|R°|. */
    public double gapOracle() {
        return PlanEvaluator.gap(evaluation.totalReward(), oracleEvaluation.totalReward(), Sense.MAXIMIZE);
    }

    /** Number of samples whose reward is within {@link ScoreSummary#OPTIMAL_GAP} of the oracle's. */
    public int optimalSamples() {
        int k = 0;
        for (SampleScore s : samples) {
            if (s.oracleShortfall() <= ScoreSummary.OPTIMAL_GAP) {
                k++;
            }
        }
        return k;
    }

    /** Share of optimal samples in [0, 1]. */
    public double optimalShare() {
        return (double) optimalSamples() / samples.size();
    }

    /**
     * Mean, median, 95th percentile (nearest rank) and maximum of the per-sample shortfall
     * against the oracle, max_i reward(t, i) − reward(t, i_t), as in {@link ScoreSummary}. O(n log n).
     */
    public double[] shortfallStatistics() {
        double[] d = new double[samples.size()];
        for (int t = 0; t < d.length; t++) {
            d[t] = samples.get(t).oracleShortfall();
        }
        Arrays.sort(d);
        int n = d.length;
        double sum = 0;
        for (double x : d) {
            sum += x;
        }
        double median = n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
        return new double[] {sum / n, median, d[Math.max(0, (int) Math.ceil(0.95 * n) - 1)], d[n - 1]};
    }
}
