package org.cleave.core.online;

import org.cleave.core.model.Checks;

/**
 * The one place where P7's reward and cost are defined (SplitEE's convention). Exits are
 * numbered 0 … L−1 (0-based, exit i sits after layer i+1, so choosing split i computes i+1
 * layers on the device); exit L−1 is the final classifier. For sample t with confidences
 * C_{t,0} … C_{t,L−1} and split i:
 * <pre>
 *   offloaded(t, i) = [i &lt; L−1 and C_{t,i} &lt; α]
 *   cost(t, i)      = λ·(i+1) + offloaded(t, i)·o
 *   answer(t, i)    = L−1 if offloaded(t, i), else i       (the exit whose prediction is used)
 *   reward(t, i)    = C_{t, answer(t, i)} − cost(t, i)
 * </pre>
 * i.e. reward C_i − λ·(i+1) when the sample exits on the device at i, C_{L−1} − o − λ·(i+1)
 * when it is offloaded and answered by the final layer, and C_{L−1} − λ·L for the final split
 * (the whole network on the device; nothing left to offload). This is the reward of Bajpai et
 * al., SplitEE, AIMLSystems 2023 (doi:10.1145/3639856.3639873) and of the authors' code, where
 * the trade-off weight μ is folded into λ and o. All quantities are dimensionless, in units of
 * confidence: λ is the device cost of one layer, o the cost of offloading one sample (the paper
 * thinks of both as energy/latency normalised against confidence).
 *
 * <p>The "cost" reported by Cleave (mean cost, cost reduction against final-layer inference) is
 * exactly {@link #cost(Trace, int, int)}: device layers plus offloading, without the confidence
 * term. Final-layer inference costs λ·L per sample.
 *
 * @param threshold    α ∈ [0, 1], the confidence at or above which a sample exits on the device
 * @param costPerLayer λ ≥ 0, the cost of computing one layer on the device
 * @param offloadCost  o ≥ 0, the cost of offloading one sample to the edge/cloud
 */
public record RewardModel(double threshold, double costPerLayer, double offloadCost) {
    /** SplitEE's setting reported in the issue: α = 0.7, λ = 0.1, o = 0.5. */
    public static final RewardModel SPLITEE_DEFAULT = new RewardModel(0.7, 0.1, 0.5);

    public RewardModel {
        Checks.probability("alpha", threshold);
        Checks.nonNegative("lambda", costPerLayer);
        Checks.nonNegative("offloadCost", offloadCost);
    }

    /** Whether sample {@code t} is offloaded when split at exit {@code split}. */
    public boolean offloaded(Trace trace, int t, int split) {
        return split < trace.exits() - 1 && trace.confidence(t, split) < threshold;
    }

    /** The exit whose prediction answers sample {@code t} when split at {@code split}. */
    public int answeringExit(Trace trace, int t, int split) {
        return offloaded(trace, t, split) ? trace.exits() - 1 : split;
    }

    /** cost(t, i) = λ·(i+1) + offloaded·o. */
    public double cost(Trace trace, int t, int split) {
        return costPerLayer * (split + 1) + (offloaded(trace, t, split) ? offloadCost : 0.0);
    }

    /** reward(t, i) = C_{t, answer(t, i)} − cost(t, i). */
    public double reward(Trace trace, int t, int split) {
        return trace.confidence(t, answeringExit(trace, t, split)) - cost(trace, t, split);
    }

    /** The cost of final-layer inference of one sample, λ·L. */
    public double finalOnlyCost(int exits) {
        return costPerLayer * exits;
    }
}
