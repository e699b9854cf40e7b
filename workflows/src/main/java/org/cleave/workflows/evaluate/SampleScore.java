package org.cleave.workflows.evaluate;

import java.util.Optional;

/**
 * One sample of a P7 schedule scored by {@link ScheduleEvaluator}. Rewards, costs and regrets
 * are dimensionless, in units of confidence ({@link org.cleave.core.online.RewardModel}).
 *
 * @param sample          the sample's 0-based position in the trace
 * @param sampleId        the trace's id of the sample
 * @param split           the schedule's split i_t (0-based exit)
 * @param offloaded       whether the sample is offloaded at that split (C_{t,i} &lt; α, i &lt; L−1)
 * @param answeringExit   the exit whose prediction answers it (L−1 when offloaded, else i_t)
 * @param confidence      C_{t, answeringExit}
 * @param correct         whether that prediction is correct; empty when the trace has no correctness
 * @param reward          reward(t, i_t)
 * @param cost            the reported cost of the sample (the reward model's cost convention)
 * @param bestFixedReward reward(t, i*) of the best fixed split in hindsight i*
 * @param oracleSplit     the per-sample oracle's split argmax_i reward(t, i) (ties: the shallowest)
 * @param oracleReward    max_i reward(t, i)
 * @param regretBestFixed cumulative regret Σ_{s ≤ t} (reward(s, i*) − reward(s, i_s)) through this sample
 * @param regretOracle    cumulative regret Σ_{s ≤ t} (max_i reward(s, i) − reward(s, i_s)) (never negative)
 */
public record SampleScore(int sample, String sampleId, int split, boolean offloaded, int answeringExit,
                          double confidence, Optional<Boolean> correct, double reward, double cost,
                          double bestFixedReward, int oracleSplit, double oracleReward, double regretBestFixed,
                          double regretOracle) {
    /** The oracle's reward minus this sample's reward, ≥ 0. */
    public double oracleShortfall() {
        return oracleReward - reward;
    }
}
