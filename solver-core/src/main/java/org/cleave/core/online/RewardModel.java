package org.cleave.core.online;

import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;

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
 * {@link #reportedCost(Trace, int, int)}, device layers plus offloading without the confidence
 * term, under a {@link CostConvention}: by default ({@link CostConvention#REWARD}) exactly
 * {@link #cost(Trace, int, int)}, so final-layer inference costs λ·L per sample. The convention
 * changes only what is reported; the reward, and so every policy's choices, the best fixed split
 * and the regret, stay the same.
 *
 * @param threshold      α ∈ [0, 1], the confidence at or above which a sample exits on the device
 * @param costPerLayer   λ ≥ 0, the cost of computing one layer on the device
 * @param offloadCost    o ≥ 0, the cost of offloading one sample to the edge/cloud
 * @param costConvention how the reported cost charges device layers
 */
public record RewardModel(double threshold, double costPerLayer, double offloadCost, CostConvention costConvention) {
    /** SplitEE's setting reported in the issue: α = 0.7, λ = 0.1, o = 0.5. */
    public static final RewardModel SPLITEE_DEFAULT = new RewardModel(0.7, 0.1, 0.5);

    /**
     * How the reported cost charges the i+1 device layers of split i (offloading always costs o).
     * The authors' code (github.com/Div290/SplitEE, commit a866714, files {@code splitee.py} and
     * {@code splitee_s.py}) learns from the same reward in both algorithms but reports cost
     * differently: {@code splitee_s.py} reports λ·(i+1), the reward's charge, and {@code splitee.py}
     * reports λ + 0.8·λ·i (the first layer λ, every further layer 0.8·λ).
     */
    public enum CostConvention {
        /** λ·(i+1): the reward's charge (and {@code splitee_s.py}'s reported cost). */
        REWARD,
        /** λ·(1 + 0.8·i): the cost {@code splitee.py} reports for SplitEE. */
        SPLITEE_CODE;

        /** Lower-case key with dashes, for files and the command line. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The convention whose {@link #key()} is {@code key}. */
        public static CostConvention fromKey(String key) {
            for (CostConvention c : values()) {
                if (c.key().equals(key)) {
                    return c;
                }
            }
            throw new InvalidModelException("costConvention", "unknown convention \"" + key
                    + "\"; known: reward, splitee-code");
        }
    }

    /** The share of λ that {@link CostConvention#SPLITEE_CODE} charges for every layer after the first. */
    public static final double SPLITEE_CODE_LATER_LAYER_SHARE = 0.8;

    public RewardModel {
        Checks.probability("alpha", threshold);
        Checks.nonNegative("lambda", costPerLayer);
        Checks.nonNegative("offloadCost", offloadCost);
        Checks.present("costConvention", costConvention);
    }

    /** The reward's own cost convention ({@link CostConvention#REWARD}). */
    public RewardModel(double threshold, double costPerLayer, double offloadCost) {
        this(threshold, costPerLayer, offloadCost, CostConvention.REWARD);
    }

    /** This model reporting cost under {@code convention}. */
    public RewardModel withCostConvention(CostConvention convention) {
        return new RewardModel(threshold, costPerLayer, offloadCost, convention);
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

    /**
     * The reported cost of sample {@code t} at split {@code split}: {@link #cost} under
     * {@link CostConvention#REWARD}, λ·(1 + 0.8·i) + offloaded·o under
     * {@link CostConvention#SPLITEE_CODE}.
     */
    public double reportedCost(Trace trace, int t, int split) {
        return deviceCost(split) + (offloaded(trace, t, split) ? offloadCost : 0.0);
    }

    /** The cost of final-layer inference of one sample, λ·L. */
    public double finalOnlyCost(int exits) {
        return costPerLayer * exits;
    }

    /** The reported cost of final-layer inference of one sample: λ·L, or λ·(1 + 0.8·(L−1)) for SPLITEE_CODE. */
    public double finalOnlyReportedCost(int exits) {
        return deviceCost(exits - 1);
    }

    private double deviceCost(int split) {
        return costConvention == CostConvention.REWARD ? costPerLayer * (split + 1)
                : costPerLayer + SPLITEE_CODE_LATER_LAYER_SHARE * costPerLayer * split;
    }
}
