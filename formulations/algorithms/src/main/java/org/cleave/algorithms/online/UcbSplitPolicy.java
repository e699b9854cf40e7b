package org.cleave.algorithms.online;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cleave.core.model.Checks;
import org.cleave.core.online.Feedback;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.SplitPolicy;

/**
 * SplitEE and SplitEE-S (Bajpai, Trivedi, Yadav, Hanawal, "SplitEE: Early Exit in Deep Neural
 * Networks with Split Computing", AIMLSystems 2023, doi:10.1145/3639856.3639873): UCB1 over the
 * L split exits. Each arm is played once (deepest first); then in round t the policy plays
 * <pre>
 *   i_t = argmax_i  Q_i + c·sqrt(ln t / N_i)      (ties: the shallowest exit)
 * </pre>
 * where Q_i is the mean of the rewards credited to arm i, N_i their number and c the
 * exploration constant (the authors use c = 1). SplitEE credits only the chosen arm with its
 * reward. SplitEE-S ({@link SideInformation#SHALLOWER_ARMS}) also credits every shallower arm
 * j &lt; i_t with the reward it would have got on the same sample, since C_0 … C_{i_t} were all
 * computed on the way (see {@link Feedback} for the one quantity, C_{L−1} when the sample exited,
 * that the authors' code takes from the trace). O(L) time per round, O(L) memory. Deterministic:
 * the seed is not used. Regret O(log n) for rewards in a bounded range and a unique best arm
 * (UCB1, Auer et al. 2002, doi:10.1023/A:1013689704352).
 */
public final class UcbSplitPolicy implements SplitPolicy {
    /** The authors' exploration constant. */
    public static final double DEFAULT_EXPLORATION = 1.0;

    /** Which arms a round updates. */
    public enum SideInformation {
        /** SplitEE: only the chosen arm. */
        NONE,
        /** SplitEE-S: the chosen arm and every shallower arm. */
        SHALLOWER_ARMS
    }

    private final SideInformation side;
    private final double exploration;

    /**
     * @param side        SplitEE ({@code NONE}) or SplitEE-S ({@code SHALLOWER_ARMS})
     * @param exploration c ≥ 0
     */
    public UcbSplitPolicy(SideInformation side, double exploration) {
        this.side = Checks.present("side", side);
        this.exploration = Checks.nonNegative("exploration", exploration);
    }

    /** SplitEE with c = 1. */
    public static UcbSplitPolicy splitEe() {
        return new UcbSplitPolicy(SideInformation.NONE, DEFAULT_EXPLORATION);
    }

    /** SplitEE-S with c = 1. */
    public static UcbSplitPolicy splitEeS() {
        return new UcbSplitPolicy(SideInformation.SHALLOWER_ARMS, DEFAULT_EXPLORATION);
    }

    @Override
    public String id() {
        return side == SideInformation.NONE ? "splitee" : "splitee-s";
    }

    @Override
    public String description() {
        return side == SideInformation.NONE ? "SplitEE: UCB over split exits, chosen arm updated"
                : "SplitEE-S: UCB over split exits, shallower arms updated with side information";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("exploration", String.valueOf(exploration));
        p.put("sideInformation", side.name());
        return p;
    }

    @Override
    public Learner start(int exits, RewardModel model, long seed) {
        return new UcbLearner(exits);
    }

    private final class UcbLearner implements Learner {
        private final double[] sums;
        private final long[] counts;

        UcbLearner(int exits) {
            sums = new double[exits];
            counts = new long[exits];
        }

        @Override
        public int choose(long round) {
            for (int i = counts.length - 1; i >= 0; i--) {
                if (counts[i] == 0) {
                    return i;
                }
            }
            double log = Math.log(round);
            int best = 0;
            double bestIndex = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < counts.length; i++) {
                double index = sums[i] / counts[i] + exploration * Math.sqrt(log / counts[i]);
                if (index > bestIndex) {
                    bestIndex = index;
                    best = i;
                }
            }
            return best;
        }

        @Override
        public void observe(Feedback feedback) {
            int i = feedback.split();
            sums[i] += feedback.reward();
            counts[i]++;
            if (side == SideInformation.SHALLOWER_ARMS) {
                for (int j = 0; j < i; j++) {
                    sums[j] += feedback.rewardIfSplitAt(j);
                    counts[j]++;
                }
            }
        }
    }
}
