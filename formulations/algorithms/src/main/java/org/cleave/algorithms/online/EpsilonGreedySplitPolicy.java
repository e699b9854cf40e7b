package org.cleave.algorithms.online;

import java.util.Map;
import java.util.SplittableRandom;
import org.cleave.core.model.Checks;
import org.cleave.core.online.Feedback;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.SplitPolicy;

/**
 * ε-greedy over the L split exits: each arm is played once (deepest first); then with
 * probability ε a uniformly random exit, otherwise the exit with the highest mean reward so far
 * (ties: the shallowest). Only the chosen arm is updated. A baseline of Sutton and Barto,
 * "Reinforcement Learning: An Introduction", 2nd ed., MIT Press 2018, §2.2; with constant ε its
 * regret is linear (ε·n·mean gap). O(L) per round; randomness from
 * {@link SplittableRandom}{@code (seed)}.
 */
public final class EpsilonGreedySplitPolicy implements SplitPolicy {
    /** Default ε. */
    public static final double DEFAULT_EPSILON = 0.1;

    private final double epsilon;

    /** @param epsilon ε ∈ [0, 1] */
    public EpsilonGreedySplitPolicy(double epsilon) {
        this.epsilon = Checks.probability("epsilon", epsilon);
    }

    @Override
    public String id() {
        return "epsilon-greedy";
    }

    @Override
    public String description() {
        return "epsilon-greedy over split exits (random exit with probability epsilon)";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("epsilon", String.valueOf(epsilon));
    }

    @Override
    public Learner start(int exits, RewardModel model, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] sums = new double[exits];
        long[] counts = new long[exits];
        return new Learner() {
            @Override
            public int choose(long round) {
                for (int i = exits - 1; i >= 0; i--) {
                    if (counts[i] == 0) {
                        return i;
                    }
                }
                if (rng.nextDouble() < epsilon) {
                    return rng.nextInt(exits);
                }
                int best = 0;
                for (int i = 1; i < exits; i++) {
                    if (sums[i] / counts[i] > sums[best] / counts[best]) {
                        best = i;
                    }
                }
                return best;
            }

            @Override
            public void observe(Feedback feedback) {
                sums[feedback.split()] += feedback.reward();
                counts[feedback.split()]++;
            }
        };
    }
}
