package org.cleave.algorithms.online;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.OnlineTraces;
import org.junit.jupiter.api.Test;

class PerSampleOracleTest {
    @Test
    void equalsTheDirectOracleAndBoundsEveryFixedSplit() {
        for (long seed = 0; seed < 100; seed++) {
            OnlineProblem p = new OnlineProblem(OnlineTraces.random(seed, 1 + (int) (seed % 50), 1 + (int) (seed % 9),
                    true), OnlineTraces.randomModel(seed));
            double oracle = PerSampleOracle.evaluate(p).totalReward();
            assertTrue(OnlineTraces.close(OnlineTraces.directOracleTotal(p), oracle), "seed " + seed);
            assertTrue(oracle >= OnlineTraces.directBestTotal(p) - 1e-9, "seed " + seed);
        }
    }
}
