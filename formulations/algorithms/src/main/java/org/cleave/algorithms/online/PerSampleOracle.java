package org.cleave.algorithms.online;

import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Trace;

/**
 * The per-sample oracle of P7: for every sample the split with the highest reward,
 * i_t = argmax_i reward(t, i) (ties: the shallowest). Σ_t max_i reward(t, i) is an upper bound
 * on the total reward of every policy, fixed or adaptive, since no policy can do better on any
 * sample. It needs the whole confidence vector of each sample (not available online). O(n·L).
 */
public final class PerSampleOracle {
    private PerSampleOracle() {
    }

    /** The oracle's split for every sample. */
    public static int[] schedule(OnlineProblem problem) {
        Trace trace = problem.trace();
        RewardModel m = problem.rewardModel();
        int[] splits = new int[trace.size()];
        for (int t = 0; t < trace.size(); t++) {
            int best = 0;
            double bestReward = m.reward(trace, t, 0);
            for (int i = 1; i < trace.exits(); i++) {
                double r = m.reward(trace, t, i);
                if (r > bestReward) {
                    bestReward = r;
                    best = i;
                }
            }
            splits[t] = best;
        }
        return splits;
    }

    /** The evaluator's figures for the oracle's schedule. */
    public static OnlineEvaluation evaluate(OnlineProblem problem) {
        return problem.evaluate(schedule(problem));
    }
}
