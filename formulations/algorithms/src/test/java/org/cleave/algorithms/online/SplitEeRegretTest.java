package org.cleave.algorithms.online;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.PolicyRun;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Simulation;
import org.cleave.core.online.SplitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "must show" on generated traces (defaults of {@link RandomOnlineInstances},
 * α = 0.7, λ = 0.1, o = 0.5): SplitEE's and SplitEE-S's regret against the best fixed split in
 * hindsight is sublinear — regret per round after 100,000 samples is under a tenth of its value
 * after 1,000 (3 seeds) — and SplitEE-S ends with no more regret than SplitEE on most of 20 seeds
 * (traces of 20,000 samples here to keep the test short; the counts at 100,000 samples are
 * printed by {@code org.cleave.benchmarks.online.SplitEeSweep}). One pass over each trace per
 * policy.
 */
class SplitEeRegretTest {
    private static final int SAMPLES = 100_000;

    private static OnlineProblem problem(long seed, int samples) {
        return new OnlineProblem(RandomOnlineInstances.DEFAULT.generate(samples, seed), RewardModel.SPLITEE_DEFAULT);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void regretIsSublinear(long seed) {
        OnlineProblem p = problem(seed, SAMPLES);
        for (SplitPolicy policy : new SplitPolicy[] {UcbSplitPolicy.splitEe(), UcbSplitPolicy.splitEeS()}) {
            PolicyRun run = SplitPolicies.run(p, policy, seed);
            double early = run.regretPerRound(1_000);
            double late = run.regretPerRound(SAMPLES);
            assertTrue(early > 0, policy.id() + ": regret per round after 1,000 rounds " + early);
            assertTrue(late < early / 10, policy.id() + " seed " + seed + ": regret per round " + late
                    + " after 100,000 rounds, " + early + " after 1,000");
        }
    }

    @Test
    void sideInformationHelpsOnMostSeeds() {
        int noWorse = 0;
        int seeds = 20;
        for (long seed = 1; seed <= seeds; seed++) {
            OnlineProblem p = problem(seed, 20_000);
            FixedSplit best = BestFixedSplitSolver.bestSplit(p);
            double plain = Simulation.run(p, UcbSplitPolicy.splitEe(), seed, best).finalRegret();
            double side = Simulation.run(p, UcbSplitPolicy.splitEeS(), seed, best).finalRegret();
            if (side <= plain) {
                noWorse++;
            }
        }
        assertTrue(noWorse > seeds / 2, "SplitEE-S no worse than SplitEE on only " + noWorse + " of " + seeds);
    }
}
