package org.cleave.core.online;

import org.cleave.core.model.Checks;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Sense;

/**
 * P7 offline: the best fixed split in hindsight (Bajpai et al., SplitEE, AIMLSystems 2023,
 * doi:10.1145/3639856.3639873). Given a trace of n samples with L exits and the
 * {@link RewardModel} (α, λ, o), choose one split i ∈ {0, …, L−1} maximising the total reward
 * <pre>
 *   R(i) = Σ_{t=1..n} reward(t, i),   i* = argmax_i R(i).
 * </pre>
 * It is the comparator of SplitEE's regret, R(i*) − Σ_t reward(t, i_t) for a policy playing
 * i_t; the per-sample oracle Σ_t max_i reward(t, i) bounds every policy from above. The
 * objective reported is the mean reward R(i)/n (maximised). O(n·L) to solve exactly.
 *
 * @param trace       the samples
 * @param rewardModel α, λ and o
 */
public record OnlineProblem(Trace trace, RewardModel rewardModel) implements Problem<FixedSplit> {
    public OnlineProblem {
        Checks.present("trace", trace);
        Checks.present("rewardModel", rewardModel);
    }

    @Override
    public Family family() {
        return Family.ONLINE;
    }

    @Override
    public Sense sense() {
        return Sense.MAXIMIZE;
    }

    @Override
    public OnlineEvaluation evaluate(FixedSplit plan) {
        return OnlineEvaluator.evaluate(this, plan);
    }

    /** Scores a schedule (the split chosen for each sample), e.g. a policy's run. */
    public OnlineEvaluation evaluate(int[] splits) {
        return OnlineEvaluator.evaluate(this, splits);
    }

    @Override
    public Class<FixedSplit> planType() {
        return FixedSplit.class;
    }

    /** Final-layer inference: the fixed split L−1. */
    public FixedSplit finalOnly() {
        return new FixedSplit(trace.exits() - 1);
    }
}
