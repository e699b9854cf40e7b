package org.cleave.algorithms.online;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.ReferenceOnline;
import org.junit.jupiter.api.Test;

class PerSampleOracleTest {
    @Test
    void equalsTheDirectOracleAndBoundsEveryFixedSplit() {
        for (long seed = 0; seed < 100; seed++) {
            OnlineProblem p = new OnlineProblem(RandomOnlineInstances.uniformTrace(seed, 1 + (int) (seed % 50), 1 + (int) (seed % 9),
                    true), RandomOnlineInstances.rewardModel(seed));
            double oracle = PerSampleOracle.evaluate(p).totalReward();
            assertTrue(ReferenceOnline.close(ReferenceOnline.directOracleTotal(p), oracle), "seed " + seed);
            assertTrue(oracle >= ReferenceOnline.directBestTotal(p) - 1e-9, "seed " + seed);
        }
    }
}
