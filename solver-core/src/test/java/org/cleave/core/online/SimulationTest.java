package org.cleave.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationTest {
    /** A policy that plays {@code split} and reads the feedback of exit {@code peek}. */
    private static SplitPolicy probe(int split, int peek, boolean[] sawFinal) {
        return new SplitPolicy() {
            @Override
            public String id() {
                return "probe";
            }

            @Override
            public String description() {
                return "test probe";
            }

            @Override
            public Map<String, String> parameters() {
                return Map.of();
            }

            @Override
            public Learner start(int exits, RewardModel model, long seed) {
                return new Learner() {
                    @Override
                    public int choose(long round) {
                        return split;
                    }

                    @Override
                    public void observe(Feedback feedback) {
                        sawFinal[0] |= feedback.finalConfidenceObserved();
                        feedback.confidence(peek);
                        feedback.rewardIfSplitAt(peek);
                    }
                };
            }
        };
    }

    @Test
    void deeperExitsAreNotObservable() {
        OnlineProblem p = OnlineEvaluatorTest.handExample();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulation.run(p, probe(0, 1, new boolean[1]), 1, new FixedSplit(0)));
        assertEquals("exit 1 is not observable after split 0; observable: 0 … 0", e.getMessage());
        boolean[] sawFinal = {false};
        PolicyRun run = Simulation.run(p, probe(1, 0, sawFinal), 1, new FixedSplit(2));
        assertTrue(sawFinal[0], "sample a is offloaded at split 1, so C_final is observed");
        // regret against split 2: (0.6 - 0.2) + (0.65 - 0.55)
        assertEquals(0.4, run.cumulativeRegret(1), 1e-12);
        assertEquals(0.5, run.finalRegret(), 1e-12);
        assertEquals(0.25, run.regretPerRound(2), 1e-12);
    }

    @Test
    void splitsOutsideTheTraceAreAnError() {
        OnlineProblem p = OnlineEvaluatorTest.handExample();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Simulation.run(p, probe(3, 0, new boolean[1]), 1, new FixedSplit(0)));
        assertTrue(e.getMessage().contains("chose split 3 in round 1"), e.getMessage());
    }
}
