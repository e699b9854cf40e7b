package org.cleave.core.online;

import org.cleave.core.model.Checks;

/**
 * Runs a {@link SplitPolicy} over a P7 trace, one sample per round in trace order, and scores
 * the run with {@link OnlineEvaluator}. O(n·(cost of the policy per round)) time, O(n) memory
 * for the schedule and the regret curve.
 */
public final class Simulation {
    private Simulation() {
    }

    /**
     * One run.
     *
     * @param problem    the trace and reward model
     * @param policy     the policy
     * @param seed       the learner's seed
     * @param comparator the fixed split the regret is measured against (normally the best fixed
     *                   split in hindsight)
     * @throws IllegalStateException when the policy chooses a split outside 0 … L−1
     */
    public static PolicyRun run(OnlineProblem problem, SplitPolicy policy, long seed, FixedSplit comparator) {
        Checks.present("problem", problem);
        Checks.present("policy", policy);
        Checks.present("comparator", comparator);
        Trace trace = problem.trace();
        RewardModel model = problem.rewardModel();
        OnlineEvaluator.checkExit("comparator.exit", comparator.exit(), trace);
        int n = trace.size();
        int exits = trace.exits();
        SplitPolicy.Learner learner = policy.start(exits, model, seed);
        int[] splits = new int[n];
        double[] regret = new double[n];
        RoundFeedback feedback = new RoundFeedback(trace, model);
        double cumulative = 0;
        for (int t = 0; t < n; t++) {
            int i = learner.choose(t + 1L);
            if (i < 0 || i >= exits) {
                throw new IllegalStateException("policy " + policy.id() + " chose split " + i + " in round "
                        + (t + 1) + "; valid: 0 … " + (exits - 1));
            }
            splits[t] = i;
            feedback.set(t, i);
            cumulative += model.reward(trace, t, comparator.exit()) - feedback.reward();
            regret[t] = cumulative;
            learner.observe(feedback);
        }
        return new PolicyRun(policy.id(), policy.parameters(), seed, splits, regret, comparator,
                OnlineEvaluator.evaluate(problem, splits), OnlineEvaluator.evaluate(problem, comparator));
    }

    /** The feedback of one round; reused between rounds. */
    private static final class RoundFeedback implements Feedback {
        private final Trace trace;
        private final RewardModel model;
        private int t;
        private int split;
        private double reward;

        RoundFeedback(Trace trace, RewardModel model) {
            this.trace = trace;
            this.model = model;
        }

        void set(int sample, int chosen) {
            this.t = sample;
            this.split = chosen;
            this.reward = model.reward(trace, sample, chosen);
        }

        @Override
        public int split() {
            return split;
        }

        @Override
        public boolean offloaded() {
            return model.offloaded(trace, t, split);
        }

        @Override
        public double reward() {
            return reward;
        }

        @Override
        public boolean finalConfidenceObserved() {
            return split == trace.exits() - 1 || offloaded();
        }

        @Override
        public double confidence(int exit) {
            check(exit);
            return trace.confidence(t, exit);
        }

        @Override
        public double rewardIfSplitAt(int exit) {
            check(exit);
            return model.reward(trace, t, exit);
        }

        private void check(int exit) {
            if (exit < 0 || exit > split) {
                throw new IllegalArgumentException("exit " + exit + " is not observable after split " + split
                        + "; observable: 0 … " + split);
            }
        }
    }
}
