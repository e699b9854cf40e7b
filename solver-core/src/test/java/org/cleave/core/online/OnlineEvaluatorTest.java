package org.cleave.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Sense;
import org.junit.jupiter.api.Test;

class OnlineEvaluatorTest {
    /** Two samples, three exits; the figures below are worked out by hand. */
    static OnlineProblem handExample() {
        Trace trace = Trace.of(List.of("a", "b"), new double[][] {{0.8, 0.6, 0.9}, {0.5, 0.75, 0.95}},
                new boolean[][] {{true, false, true}, {false, true, false}});
        return new OnlineProblem(trace, new RewardModel(0.7, 0.1, 0.5));
    }

    @Test
    void scoresEveryFixedSplitOfTheHandExample() {
        OnlineProblem p = handExample();
        assertEquals(Family.ONLINE, p.family());
        assertEquals(Sense.MAXIMIZE, p.sense());
        // split 0: a exits (0.8 - 0.1), b offloaded (0.95 - 0.5 - 0.1)
        check(p.evaluate(new FixedSplit(0)), 1.05, 0.7, 1, 1);
        // split 1: a offloaded (0.9 - 0.5 - 0.2), b exits (0.75 - 0.2)
        check(p.evaluate(new FixedSplit(1)), 0.75, 0.9, 1, 2);
        // split 2 (final): 0.9 - 0.3 and 0.95 - 0.3, nothing offloaded
        check(p.evaluate(new FixedSplit(2)), 1.25, 0.6, 0, 1);
        double[] totals = OnlineEvaluator.fixedSplitTotals(p);
        assertEquals(1.05, totals[0], 1e-12);
        assertEquals(0.75, totals[1], 1e-12);
        assertEquals(1.25, totals[2], 1e-12);
        // a schedule: a at 0 (0.7), b at 2 (0.65) = the per-sample oracle
        check(p.evaluate(new int[] {0, 2}), 1.35, 0.4, 0, 1);
        assertEquals(1.35, ReferenceOnline.directOracleTotal(p), 1e-12);
        assertEquals(0.625, p.evaluate(new FixedSplit(2)).objective(), 1e-12);
        assertEquals(1.2, p.rewardModel().finalOnlyCost(12), 1e-12);
    }

    private static void check(OnlineEvaluation e, double reward, double cost, long offloaded, long correct) {
        assertEquals(reward, e.totalReward(), 1e-12);
        assertEquals(cost, e.totalCost(), 1e-12);
        assertEquals(offloaded, e.offloaded());
        assertEquals(correct, e.correct());
        assertEquals(correct / 2.0, e.accuracy().orElseThrow(), 1e-12);
        assertEquals(reward / 2, e.objective(), 1e-12);
        assertEquals(cost / 2, e.meanCost(), 1e-12);
    }

    @Test
    void agreesWithTheDirectFormulaOnRandomTraces() {
        for (long seed = 0; seed < 50; seed++) {
            OnlineProblem p = new OnlineProblem(RandomOnlineInstances.uniformTrace(seed, 40, 1 + (int) (seed % 7), false),
                    RandomOnlineInstances.rewardModel(seed));
            double[] direct = ReferenceOnline.directTotals(p);
            double[] totals = OnlineEvaluator.fixedSplitTotals(p);
            for (int i = 0; i < direct.length; i++) {
                assertTrue(ReferenceOnline.close(direct[i], totals[i]), "seed " + seed + " split " + i);
                assertEquals(totals[i], p.evaluate(new FixedSplit(i)).totalReward(), 0.0, "seed " + seed);
            }
            assertTrue(p.evaluate(new FixedSplit(0)).accuracy().isEmpty());
        }
    }

    @Test
    void rejectsPlansThatDoNotFit() {
        OnlineProblem p = handExample();
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> p.evaluate(new FixedSplit(3)));
        assertEquals("plan.exit: must be an exit in [0, 2], got 3", e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> p.evaluate(new int[] {0}));
        assertTrue(e.getMessage().startsWith("schedule:"), e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> p.evaluate(new int[] {0, -1}));
        assertTrue(e.getMessage().startsWith("schedule[1]:"), e.getMessage());
        assertThrows(InvalidModelException.class, () -> new FixedSplit(-1));
    }

    @Test
    void rewardModelNamesBadParameters() {
        assertEquals("alpha: must be a number in [0, 1], got 1.5",
                assertThrows(InvalidModelException.class, () -> new RewardModel(1.5, 0.1, 0.5)).getMessage());
        assertTrue(assertThrows(InvalidModelException.class, () -> new RewardModel(0.7, Double.NaN, 0.5))
                .getMessage().startsWith("lambda:"));
        assertTrue(assertThrows(InvalidModelException.class, () -> new RewardModel(0.7, 0.1, -1))
                .getMessage().startsWith("offloadCost:"));
    }

    @Test
    void traceValidatesAndTransforms() {
        assertEquals("confidence[1][0]: must be a number in [0, 1], got 1.2", assertThrows(
                InvalidModelException.class, () -> Trace.of(List.of("a", "b"), new double[][] {{0.5}, {1.2}}, null))
                .getMessage());
        assertTrue(assertThrows(InvalidModelException.class,
                () -> Trace.of(List.of("a", "a"), new double[][] {{0.5}, {0.2}}, null)).getMessage()
                .contains("duplicate id \"a\""));
        assertTrue(assertThrows(InvalidModelException.class,
                () -> Trace.of(List.of("a", "b"), new double[][] {{0.5, 0.1}, {0.2}}, null)).getMessage()
                .startsWith("confidence[1]: must have 2 exits"));
        Trace t = RandomOnlineInstances.uniformTrace(3, 100, 4, true);
        Trace s = t.shuffled(9);
        assertEquals(t.size(), s.size());
        OnlineProblem a = new OnlineProblem(t, RewardModel.SPLITEE_DEFAULT);
        OnlineProblem b = new OnlineProblem(s, RewardModel.SPLITEE_DEFAULT);
        for (int i = 0; i < 4; i++) {
            assertTrue(ReferenceOnline.close(a.evaluate(new FixedSplit(i)).totalReward(),
                    b.evaluate(new FixedSplit(i)).totalReward()));
            assertEquals(a.evaluate(new FixedSplit(i)).correct(), b.evaluate(new FixedSplit(i)).correct());
        }
        assertEquals(10, t.prefix(10).size());
        assertEquals(t.confidence(9, 3), t.prefix(10).confidence(9, 3));
        assertFalse(Trace.of(List.of("a"), new double[][] {{0.5}}, null).hasCorrectness());
    }
}
