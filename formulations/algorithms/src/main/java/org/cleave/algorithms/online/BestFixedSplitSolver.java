package org.cleave.algorithms.online;

import java.util.Set;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Trace;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Exact P7 offline: the best fixed split in hindsight, i* = argmax_i Σ_t reward(t, i) (ties: the
 * shallowest exit), by accumulating all L totals in one pass over the trace; O(n·L) time, O(L)
 * memory. Proves optimality by exhaustion over the L splits. The result also records the
 * per-sample oracle's mean reward ({@link PerSampleOracle}, an upper bound on every policy) as
 * the statistic {@code oracleMeanReward}, and the mean reward of every split as
 * {@code meanReward[i]}. Regret of SplitEE is measured against this split (Bajpai et al.,
 * AIMLSystems 2023, doi:10.1145/3639856.3639873).
 */
public final class BestFixedSplitSolver extends AbstractSolver<OnlineProblem, FixedSplit> {
    public BestFixedSplitSolver() {
        super("best-fixed", Family.ONLINE, SolverKind.EXACT, OnlineProblem.class, Set.of(),
                "best fixed split in hindsight over the trace (all splits scored in one pass)");
    }

    @Override
    protected Outcome<FixedSplit> run(OnlineProblem problem, SolveLimits limits, Deadline deadline) {
        Trace trace = problem.trace();
        RewardModel m = problem.rewardModel();
        int exits = trace.exits();
        double[] totals = new double[exits];
        double oracle = 0;
        for (int t = 0; t < trace.size(); t++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < exits; i++) {
                double r = m.reward(trace, t, i);
                totals[i] += r;
                best = Math.max(best, r);
            }
            oracle += best;
        }
        int argmax = 0;
        for (int i = 1; i < exits; i++) {
            if (totals[i] > totals[argmax]) {
                argmax = i;
            }
        }
        Outcome<FixedSplit> outcome = Outcome.optimal(new FixedSplit(argmax))
                .stat("samples", trace.size()).stat("exits", exits)
                .stat("oracleMeanReward", oracle / trace.size());
        for (int i = 0; i < exits; i++) {
            outcome.stat("meanReward[" + i + "]", totals[i] / trace.size());
        }
        return outcome;
    }

    /** The best fixed split of {@code problem} (convenience for policies' regret). */
    public static FixedSplit bestSplit(OnlineProblem problem) {
        return new BestFixedSplitSolver().solve(problem).planOrThrow();
    }

    /** The evaluation of the best fixed split. */
    public static OnlineEvaluation bestEvaluation(OnlineProblem problem) {
        return problem.evaluate(bestSplit(problem));
    }
}
