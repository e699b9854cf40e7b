package org.cleave.core.online;

import java.util.OptionalDouble;
import org.cleave.core.solve.Evaluation;

/**
 * What {@link OnlineEvaluator} says of a sequence of split choices over a trace: totals of
 * SplitEE's reward and cost ({@link RewardModel}), how many samples were offloaded and, where
 * the trace has correctness, how many were answered correctly. The objective is the mean reward
 * per sample (maximised).
 *
 * @param samples     n, the number of samples scored
 * @param totalReward Σ_t reward(t, i_t)
 * @param totalCost   Σ_t reportedCost(t, i_t) (the reward model's cost convention)
 * @param offloaded   number of samples offloaded
 * @param correct     number of samples answered correctly, −1 when the trace has no correctness
 */
public record OnlineEvaluation(int samples, double totalReward, double totalCost, long offloaded, long correct)
        implements Evaluation {

    /** Mean reward per sample. */
    @Override
    public double objective() {
        return totalReward / samples;
    }

    /** Mean cost per sample. */
    public double meanCost() {
        return totalCost / samples;
    }

    /** Fraction of samples offloaded. */
    public double offloadRate() {
        return (double) offloaded / samples;
    }

    /** Fraction answered correctly, empty when the trace has no correctness. */
    public OptionalDouble accuracy() {
        return correct < 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / samples);
    }
}
