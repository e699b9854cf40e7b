package org.cleave.workflows.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.cleave.algorithms.online.BestFixedSplitSolver;
import org.cleave.algorithms.online.PerSampleOracle;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Trace;

/**
 * Scores a P7 schedule (the split a policy chose for each sample of a trace, in trace order)
 * with P7's one reward model: the totals come from {@link OnlineProblem#evaluate(int[])} (the
 * family's evaluator), the per-sample figures from the same {@link RewardModel}; the ground
 * truth is the best fixed split in hindsight ({@link BestFixedSplitSolver}) and the per-sample
 * oracle ({@link PerSampleOracle}), computed as {@code cleave online} does. The cumulative
 * regret against the best fixed split is summed in the order and with the arithmetic of
 * {@link org.cleave.core.online.Simulation}, so a policy run's schedule reproduces the run's
 * regret. O(n·L) time (the ground truth), O(n) memory. Stateless and thread-safe.
 */
public final class ScheduleEvaluator {
    private ScheduleEvaluator() {
    }

    /**
     * Scores {@code splits} ({@code splits[t]} the split of sample t) on {@code problem}.
     *
     * @throws org.cleave.core.model.InvalidModelException naming {@code schedule} or
     *         {@code schedule[t]} when the length or a split does not fit the trace
     */
    public static ScheduleScore score(OnlineProblem problem, int[] splits) {
        OnlineEvaluation evaluation = problem.evaluate(splits); // checks length and range
        Trace trace = problem.trace();
        RewardModel m = problem.rewardModel();
        FixedSplit best = BestFixedSplitSolver.bestSplit(problem);
        int[] oracle = PerSampleOracle.schedule(problem);
        List<SampleScore> rows = new ArrayList<>(trace.size());
        double regretBest = 0;
        double regretOracle = 0;
        for (int t = 0; t < trace.size(); t++) {
            int i = splits[t];
            double reward = m.reward(trace, t, i);
            double bestReward = m.reward(trace, t, best.exit());
            double oracleReward = m.reward(trace, t, oracle[t]);
            regretBest += bestReward - reward;
            regretOracle += oracleReward - reward;
            int answer = m.answeringExit(trace, t, i);
            rows.add(new SampleScore(t, trace.sampleId(t), i, m.offloaded(trace, t, i), answer,
                    trace.confidence(t, answer), trace.correctIfKnown(t, answer), reward,
                    m.reportedCost(trace, t, i), bestReward, oracle[t], oracleReward, regretBest, regretOracle));
        }
        return new ScheduleScore(rows, trace.exits(), evaluation, best, problem.evaluate(best),
                problem.evaluate(oracle));
    }
}
