package org.cleave.core.tiers.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierAssignments;
import org.cleave.core.tiers.TierPlacement;
import org.junit.jupiter.api.Test;

class TiersThroughputEvaluatorTest {
    @Test
    void handCheckedPlanHasTheStagesOfItsJavadoc() {
        TiersThroughputProblem p = ThroughputHandChecked.problem();
        TiersThroughputCost c = p.evaluate(ThroughputHandChecked.OPTIMAL_PLAN);
        assertEquals(1.0, c.deviceStageSeconds(), 1e-15);
        assertEquals(0.1, c.link1StageSeconds(), 1e-15);
        assertEquals(1.0, c.edgeStageSeconds(), 1e-15);
        assertEquals(0.2, c.link2StageSeconds(), 1e-15);
        assertEquals(1.0, c.cloudStageSeconds(), 1e-15);
        assertEquals(1.0, c.periodSeconds(), 0);
        assertEquals(1.0, c.throughputPerSecond(), 0);
        assertEquals(TiersThroughputCost.Stage.DEVICE, c.bottleneck());
        assertEquals(List.of("a"), c.sentOverLink1());
        assertEquals(List.of("a", "b"), c.sentOverLink2(), "a's tensor is relayed to c in the cloud");
        assertTrue(c.feasible());
        assertEquals(c.periodSeconds(), c.objective());
    }

    @Test
    void handCheckedAlternativesHaveTheirJavadocPeriods() {
        TiersThroughputProblem p = ThroughputHandChecked.problem();
        TiersThroughputCost cloud = p.evaluate(new TierPlacement(new int[] {0, 0, 2, 2}));
        assertEquals(1.5, cloud.periodSeconds(), 1e-15);
        assertEquals(TiersThroughputCost.Stage.CLOUD, cloud.bottleneck());
        assertEquals(List.of("a"), cloud.sentOverLink2(), "a's tensor crosses link 2 once though b and c consume it");
        TiersThroughputCost edge = p.evaluate(new TierPlacement(new int[] {0, 0, 1, 1}));
        assertEquals(3.0, edge.periodSeconds(), 1e-15);
        assertEquals(TiersThroughputCost.Stage.EDGE, edge.bottleneck());
        TiersThroughputCost offload = p.evaluate(new TierPlacement(new int[] {0, 1, 1, 2}));
        assertEquals(2.0, offload.link1StageSeconds(), 1e-15);
        assertEquals(TiersThroughputCost.Stage.LINK1, offload.bottleneck());
        // the least period over all 10 monotone plans is the optimum of the javadoc
        assertEquals(ThroughputHandChecked.OPTIMUM, TiersThroughputBruteForce.of(p).period(), 0);
        assertEquals(ThroughputHandChecked.OPTIMAL_PLAN, TiersThroughputBruteForce.of(p).plan());
    }

    @Test
    void aFrameRateAboveTheThroughputIsAViolationNamingTheField() {
        TiersThroughputProblem p = ThroughputHandChecked.problem().withFrameRate(OptionalDouble.of(1.25));
        TiersThroughputCost c = p.evaluate(ThroughputHandChecked.OPTIMAL_PLAN);
        assertFalse(c.feasible());
        assertTrue(c.violations().get(0).contains("frameRatePerSecond"), c.violations().toString());
        assertTrue(p.withFrameRate(OptionalDouble.of(1.0)).evaluate(ThroughputHandChecked.OPTIMAL_PLAN).feasible());
    }

    @Test
    void refusesBadPlansAndFields() {
        TiersThroughputProblem p = ThroughputHandChecked.problem();
        assertThrows(InvalidModelException.class, () -> p.evaluate(new TierPlacement(new int[] {0, 2, 1, 2})));
        assertThrows(InvalidModelException.class, () -> p.evaluate(new TierPlacement(new int[] {0, 0, 1})));
        InvalidModelException q = assertThrows(InvalidModelException.class,
                () -> p.withFrameRate(OptionalDouble.of(0)));
        assertTrue(q.getMessage().contains("frameRatePerSecond"), q.getMessage());
    }

    @Test
    void refusesExitsAndOfStripsThem() {
        TiersThroughputProblem p = ThroughputHandChecked.problem();
        var withExit = p.graph().withExits(List.of(new org.cleave.core.model.Exit("e1", "a", 1e6, 0.5, 0.8)));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new TiersThroughputProblem(withExit,
                p.device(), p.edge(), p.cloud(), p.link1(), p.link2()));
        assertTrue(e.getMessage().startsWith("model.exits"), e.getMessage());
    }

    @Test
    void familyKeyAndCode() {
        assertEquals(Family.THROUGHPUT_TIERS, ThroughputHandChecked.problem().family());
        assertEquals("throughput-tiers", Family.THROUGHPUT_TIERS.key());
        assertEquals("P3-3T", Family.THROUGHPUT_TIERS.code());
        assertEquals(Family.THROUGHPUT_TIERS, Family.fromKey("throughput-tiers"));
    }

    /**
     * Reduction: every plan that leaves the cloud unused has P3's period (P3's own evaluator on the
     * same device | edge placement over link 1) to 1e-12, with P3's stages as D, U₁, G and U₂ = C = 0.
     */
    @Test
    void withoutTheCloudThePeriodIsP3s() {
        int plans = 0;
        for (int i = 0; i < 200; i++) {
            long seed = 777L + i;
            RandomGraphs.Shape shape = RandomGraphs.Shape.values()[i % 4];
            TiersThroughputProblem p = TiersThroughputSolverContract.instance(seed, shape, 1 + i % 10);
            ThroughputProblem p3 = p.deviceEdge();
            int[] count = {0};
            TierAssignments.forEach(p.graph(), Long.MAX_VALUE, () -> false, t -> {
                for (int v : t) {
                    if (v == 2) {
                        return;
                    }
                }
                TierPlacement plan = new TierPlacement(t);
                TiersThroughputCost three = p.evaluate(plan);
                ThroughputCost two = p3.evaluate(ExitPlan.withoutExits(plan.beyond(Tier.EDGE)));
                String label = "seed " + seed + " plan " + plan;
                assertEquals(two.periodSeconds(), three.periodSeconds(), 1e-12 * two.periodSeconds(), label);
                assertEquals(two.deviceStageSeconds(), three.deviceStageSeconds(), 1e-12, label);
                assertEquals(two.uplinkStageSeconds(), three.link1StageSeconds(), 1e-12, label);
                assertEquals(two.edgeStageSeconds(), three.edgeStageSeconds(), 1e-12, label);
                assertEquals(0, three.link2StageSeconds(), label);
                assertEquals(0, three.cloudStageSeconds(), label);
                assertEquals(two.sentTensors(), three.sentOverLink1(), label);
                assertEquals(two.feasible(), three.feasible(), label);
                count[0]++;
            });
            plans += count[0];
        }
        assertTrue(plans > 1000, "only " + plans + " plans compared");
    }
}
