package org.cleave.core.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P7 policy meets, on seeded random traces (1–300 samples, 1–8 exits, with and
 * without correctness, random α, λ, o): its run is scored by the evaluator; the regret curve's
 * increments are exactly reward(t, c) − reward(t, i_t) computed from the paper's formula; no
 * policy beats the per-sample oracle; runs are reproducible from the seed; and a learning policy
 * finds a clearly best split. Subclasses name the policy and say whether it learns.
 */
public abstract class SplitPolicyContract {
    /** The policy under test. */
    protected abstract SplitPolicy createPolicy();

    /** Whether the policy learns (then it must play a clearly best split most of the time). */
    protected boolean learns() {
        return false;
    }

    static LongStream seeds() {
        return Seeds.of(71, 60);
    }

    @Test
    void declaresItself() {
        SplitPolicy p = createPolicy();
        assertFalse(p.id().isBlank());
        assertFalse(p.description().isBlank());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomTraces(long seed) {
        int exits = 1 + (int) (seed % 8);
        Trace trace = RandomOnlineInstances.uniformTrace(seed, 1 + (int) ((seed * 7) % 300), exits, seed % 2 == 0);
        OnlineProblem p = new OnlineProblem(trace, RandomOnlineInstances.rewardModel(seed));
        SplitPolicy policy = createPolicy();
        FixedSplit comparator = new FixedSplit((int) (seed % exits));
        PolicyRun run;
        try {
            run = Simulation.run(p, policy, seed, comparator);
        } catch (IllegalArgumentException e) {
            // only a fixed policy whose exit does not exist may refuse, naming the exit
            assertTrue(e.getMessage().contains("exit"), e.getMessage());
            return;
        }
        String label = "seed " + seed;
        assertEquals(trace.size(), run.rounds(), label);
        int[] schedule = run.schedule();
        assertEquals(p.evaluate(schedule), run.evaluation(), label);
        assertEquals(p.evaluate(comparator), run.comparatorEvaluation(), label);
        double previous = 0;
        double policyTotal = 0;
        for (int t = 0; t < trace.size(); t++) {
            double expected = ReferenceOnline.directReward(trace, t, comparator.exit(), p.rewardModel())
                    - ReferenceOnline.directReward(trace, t, schedule[t], p.rewardModel());
            double step = run.cumulativeRegret(t + 1) - previous;
            assertTrue(Math.abs(step - expected) <= 1e-9 * Math.max(1, Math.abs(run.cumulativeRegret(t + 1))),
                    label + " round " + (t + 1) + ": regret step " + step + " but direct " + expected);
            previous = run.cumulativeRegret(t + 1);
            policyTotal += ReferenceOnline.directReward(trace, t, schedule[t], p.rewardModel());
        }
        assertTrue(ReferenceOnline.close(policyTotal, run.evaluation().totalReward()), label);
        assertTrue(policyTotal <= ReferenceOnline.directOracleTotal(p) + 1e-9 * trace.size(),
                label + ": policy " + policyTotal + " above the per-sample oracle");
    }

    @Test
    void isReproducibleFromItsSeed() {
        OnlineProblem p = new OnlineProblem(RandomOnlineInstances.uniformTrace(5, 500, 6, true), RewardModel.SPLITEE_DEFAULT);
        SplitPolicy policy = createPolicy();
        FixedSplit c = new FixedSplit(0);
        assertArrayEquals(Simulation.run(p, policy, 17, c).schedule(), Simulation.run(p, policy, 17, c).schedule());
    }

    @Test
    void learnsAClearlyBestSplit() {
        if (!learns()) {
            return;
        }
        // every sample: C = (0.6, 0.65, 0.95, 0.96, 0.97); rewards 0.37, 0.27, 0.65, 0.56, 0.47
        List<String> ids = new ArrayList<>();
        int n = 20_000;
        double[][] conf = new double[n][];
        for (int t = 0; t < n; t++) {
            ids.add("t" + t);
            conf[t] = new double[] {0.6, 0.65, 0.95, 0.96, 0.97};
        }
        OnlineProblem p = new OnlineProblem(Trace.of(ids, conf, null), RewardModel.SPLITEE_DEFAULT);
        PolicyRun run = Simulation.run(p, createPolicy(), 3, new FixedSplit(2));
        long best = run.splitCounts(5)[2];
        assertTrue(best >= 0.75 * n, "best split 2 played " + best + " of " + n + " rounds");
        assertTrue(run.finalRegret() >= -1e-9, "regret " + run.finalRegret());
        assertEquals(Collections.max(List.of(0.37, 0.27, 0.65, 0.56, 0.47)), run.comparatorEvaluation().objective(),
                1e-12);
    }
}
