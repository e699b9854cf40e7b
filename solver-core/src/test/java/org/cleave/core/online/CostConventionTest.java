package org.cleave.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.model.InvalidModelException;
import org.junit.jupiter.api.Test;

class CostConventionTest {
    @Test
    void spliteeCodeChargesTheFirstLayerLambdaAndEveryLaterOne80Percent() {
        Trace trace = Trace.of(java.util.List.of("a", "b"), new double[][] {{0.9, 0.95, 0.99}, {0.2, 0.4, 0.8}},
                new boolean[][] {{true, true, true}, {false, true, true}});
        RewardModel reward = new RewardModel(0.7, 0.1, 0.5);
        RewardModel code = reward.withCostConvention(RewardModel.CostConvention.SPLITEE_CODE);
        // sample a exits at split 1: 2 layers; sample b is offloaded at split 1
        assertEquals(0.2, reward.reportedCost(trace, 0, 1), 1e-12);
        assertEquals(0.1 + 0.08, code.reportedCost(trace, 0, 1), 1e-12);
        assertEquals(0.5 + 0.1 + 0.08, code.reportedCost(trace, 1, 1), 1e-12);
        assertEquals(0.1, code.reportedCost(trace, 0, 0), 1e-12);
        assertEquals(0.3, reward.finalOnlyReportedCost(3), 1e-12);
        assertEquals(0.1 + 0.16, code.finalOnlyReportedCost(3), 1e-12);
        // the reward, and so the policy's problem, does not depend on the convention
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(reward.reward(trace, t, i), code.reward(trace, t, i), 0.0, t + " " + i);
                assertEquals(reward.cost(trace, t, i), code.cost(trace, t, i), 0.0, t + " " + i);
            }
        }
        OnlineEvaluation r = new OnlineProblem(trace, reward).evaluate(new FixedSplit(1));
        OnlineEvaluation c = new OnlineProblem(trace, code).evaluate(new FixedSplit(1));
        assertEquals(r.totalReward(), c.totalReward(), 0.0);
        assertEquals(0.2 + 0.7, r.totalCost(), 1e-12);
        assertEquals(0.18 + 0.68, c.totalCost(), 1e-12);
        assertTrue(c.totalCost() < r.totalCost());
    }

    @Test
    void keysRoundTripAndAnUnknownOneNamesTheField() {
        for (RewardModel.CostConvention c : RewardModel.CostConvention.values()) {
            assertEquals(c, RewardModel.CostConvention.fromKey(c.key()));
        }
        assertEquals("splitee-code", RewardModel.CostConvention.SPLITEE_CODE.key());
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> RewardModel.CostConvention.fromKey("paper"));
        assertEquals("costConvention", e.field());
    }
}
