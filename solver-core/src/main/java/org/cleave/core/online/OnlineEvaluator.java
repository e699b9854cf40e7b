package org.cleave.core.online;

import org.cleave.core.model.InvalidModelException;

/**
 * The single evaluator of P7: scores any sequence of split choices (a fixed split, a policy's
 * run, the per-sample oracle) over a trace with {@link RewardModel}. O(n) time for n samples.
 * Solvers, policies and the command line all report figures computed here.
 */
public final class OnlineEvaluator {
    private OnlineEvaluator() {
    }

    /** The fixed split {@code plan} applied to every sample. */
    public static OnlineEvaluation evaluate(OnlineProblem problem, FixedSplit plan) {
        Trace trace = problem.trace();
        checkExit("plan.exit", plan.exit(), trace);
        return score(problem, t -> plan.exit());
    }

    /**
     * The schedule {@code splits[t]} (the split chosen for sample t).
     *
     * @throws InvalidModelException when the schedule's length or an entry does not fit the trace
     */
    public static OnlineEvaluation evaluate(OnlineProblem problem, int[] splits) {
        Trace trace = problem.trace();
        if (splits.length != trace.size()) {
            throw new InvalidModelException("schedule", "must have one split per sample (" + trace.size()
                    + "), got " + splits.length);
        }
        for (int t = 0; t < splits.length; t++) {
            checkExit("schedule[" + t + "]", splits[t], trace);
        }
        return score(problem, t -> splits[t]);
    }

    /**
     * Σ_t reward(t, i) for every fixed split i = 0 … L−1, in one pass over the trace (the same
     * arithmetic and summation order as {@link #evaluate(OnlineProblem, FixedSplit)}).
     */
    public static double[] fixedSplitTotals(OnlineProblem problem) {
        Trace trace = problem.trace();
        RewardModel m = problem.rewardModel();
        double[] totals = new double[trace.exits()];
        for (int t = 0; t < trace.size(); t++) {
            for (int i = 0; i < totals.length; i++) {
                totals[i] += m.reward(trace, t, i);
            }
        }
        return totals;
    }

    static void checkExit(String field, int exit, Trace trace) {
        if (exit < 0 || exit >= trace.exits()) {
            throw new InvalidModelException(field, "must be an exit in [0, " + (trace.exits() - 1) + "], got "
                    + exit);
        }
    }

    private static OnlineEvaluation score(OnlineProblem problem, java.util.function.IntUnaryOperator split) {
        Trace trace = problem.trace();
        RewardModel m = problem.rewardModel();
        double reward = 0;
        double cost = 0;
        long offloaded = 0;
        long correct = trace.hasCorrectness() ? 0 : -1;
        for (int t = 0; t < trace.size(); t++) {
            int i = split.applyAsInt(t);
            reward += m.reward(trace, t, i);
            cost += m.reportedCost(trace, t, i);
            if (m.offloaded(trace, t, i)) {
                offloaded++;
            }
            if (correct >= 0 && trace.correct(t, m.answeringExit(trace, t, i))) {
                correct++;
            }
        }
        return new OnlineEvaluation(trace.size(), reward, cost, offloaded, correct);
    }
}
