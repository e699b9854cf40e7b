package org.cleave.core.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;

class TiersEvaluatorTest {
    private static final double EPS = 1e-12;

    @Test
    void handCheckedBreakdown() {
        TiersProblem p = HandChecked.problem();
        DnnGraph g = p.graph();
        assertEquals(List.of("in", "a", "b", "c", "d"), g.layers().stream().map(l -> l.id()).toList());
        TiersCost c = p.evaluate(HandChecked.OPTIMAL_PLAN);
        assertEquals(0.01, c.deviceComputeSeconds(), EPS);
        assertEquals(0.02, c.edgeComputeSeconds(), EPS);
        assertEquals(1.0, c.cloudComputeSeconds(), EPS);
        assertEquals(0.01, c.link1UploadSeconds(), EPS);      // a's 1e5 B once, though b and c both read it
        assertEquals(0.002, c.link2UploadSeconds(), EPS);     // b's and c's 1e3 B over 1e6 B/s
        assertEquals(1e-5, c.link1DownloadSeconds(), EPS);    // d's 100 B over 1e7 B/s
        assertEquals(1e-4, c.link2DownloadSeconds(), EPS);    // d's 100 B over 1e6 B/s
        assertEquals(0.005, c.link1LatencySeconds(), EPS);
        assertEquals(0.02, c.link2LatencySeconds(), EPS);
        assertEquals(1.06711, c.latencySeconds(), 1e-12);
        assertEquals(HandChecked.OPTIMUM, c.objective(), 1e-12);
        assertEquals(List.of("a"), c.sentOverLink1());
        assertEquals(List.of("b", "c"), c.sentOverLink2());
        // energy: compute 2 W · 0.01, transmit 1 W · 0.01, idle 0.5 W · (0.02 + 1 + 0.002 + 1e-5 + 1e-4)
        assertEquals(0.02, c.computeJoules(), EPS);
        assertEquals(0.01, c.transmitJoules(), EPS);
        assertEquals(0.5 * 1.02211, c.idleJoules(), EPS);
    }

    @Test
    void handCheckedOptimumUsesAllThreeTiersAndBeatsEveryTwoTierPlan() {
        TiersProblem p = HandChecked.problem();
        TiersBruteForce.Optimum opt = TiersBruteForce.of(p);
        assertEquals(HandChecked.OPTIMAL_PLAN, opt.plan());
        assertEquals(HandChecked.OPTIMUM, opt.objective(), 1e-12);
        double[] best = {Double.POSITIVE_INFINITY};
        TierAssignments.forEach(p.graph(), Long.MAX_VALUE, () -> false, t -> {
            TierPlacement plan = new TierPlacement(t);
            boolean allThree = plan.count(Tier.EDGE) > 0 && plan.count(Tier.CLOUD) > 0;
            if (!allThree) {
                best[0] = Math.min(best[0], p.evaluate(plan).objective());
            }
        });
        double bestTwoTier = best[0];
        assertEquals(1.14711, bestTwoTier, 1e-12);
        assertTrue(opt.objective() < bestTwoTier);
    }

    @Test
    void relaysADeviceTensorToTheCloudOverBothLinks() {
        TiersProblem p = HandChecked.problem();
        // in, a on the device; b, c, d in the cloud: a's tensor is relayed through the edge
        TiersCost c = p.evaluate(new TierPlacement(new int[] {0, 0, 2, 2, 2}));
        assertEquals(List.of("a"), c.sentOverLink1());
        assertEquals(List.of("a"), c.sentOverLink2());
        assertEquals(0.01, c.link1UploadSeconds(), EPS);
        assertEquals(0.1, c.link2UploadSeconds(), EPS);
        assertEquals(0, c.edgeComputeSeconds(), EPS);
        assertEquals(1.14711, c.latencySeconds(), 1e-12);
    }

    @Test
    void rejectsPlansThatAreNotMonotone() {
        TiersProblem p = HandChecked.problem();
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> p.evaluate(new TierPlacement(new int[] {0, 2, 1, 1, 2})));
        assertTrue(e.getMessage().contains("not monotone"), e.getMessage());
        assertThrows(InvalidModelException.class, () -> p.evaluate(new TierPlacement(new int[] {1, 1, 1, 1, 1})));
        assertThrows(InvalidModelException.class, () -> p.evaluate(new TierPlacement(new int[] {0, 0, 1, 1})));
        assertThrows(InvalidModelException.class, () -> new TierPlacement(new int[] {0, 3}));
    }

    @Test
    void withoutTheCloudItIsP1() {
        Seeds.of(7, 200).forEach(seed -> {
            RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
            TiersProblem p = RandomTiersInstances.tiers(seed, shape, 1 + (int) (seed % 12),
                    RandomPartitionInstances.WeightMode.ANY);
            TierAssignments.forEach(p.graph(), 200, () -> false, t -> {
                boolean noCloud = true;
                for (int x : t) {
                    noCloud &= x < 2;
                }
                if (noCloud) {
                    boolean[] onEdge = new boolean[t.length];
                    for (int v = 0; v < t.length; v++) {
                        onEdge[v] = t[v] == 1;
                    }
                    PartitionCost p1 = p.deviceEdge().evaluate(Placement.of(onEdge));
                    TiersCost c = p.evaluate(new TierPlacement(t));
                    assertEquals(p1.objective(), c.objective(), 1e-12 * Math.max(1, p1.objective()), "seed " + seed);
                    assertEquals(p1.latencySeconds(), c.latencySeconds(), 1e-12 * Math.max(1, p1.latencySeconds()),
                            "seed " + seed);
                    assertEquals(p1.energyJoules(), c.energyJoules(), 1e-12 * Math.max(1, p1.energyJoules()),
                            "seed " + seed);
                }
            });
        });
    }

    @Test
    void coefficientsPriceEveryPlanAsTheEvaluatorDoes() {
        Seeds.of(8, 200).forEach(seed -> {
            RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
            TiersProblem p = RandomTiersInstances.tiers(seed, shape, 1 + (int) (seed % 10),
                    RandomPartitionInstances.WeightMode.ANY);
            TiersCoefficients c = TiersCoefficients.of(p);
            TierAssignments.forEach(p.graph(), 500, () -> false, t -> {
                double e = p.evaluate(new TierPlacement(t)).objective();
                assertEquals(e, c.cost(p.graph(), t), 1e-9 * Math.max(1e-12, e), "seed " + seed);
            });
        });
    }

    @Test
    void countsNestedIdealPairs() {
        // a chain of n layers after the input has (n + 1)(n + 2) / 2 monotone three-tier plans
        for (int n = 1; n <= 8; n++) {
            DnnGraph chain = RandomGraphs.chain(n, new java.util.SplittableRandom(n));
            assertEquals((n + 1L) * (n + 2) / 2, TierAssignments.count(chain, 1_000_000), "n = " + n);
        }
    }

    @Test
    void isItsOwnFamily() {
        assertEquals(Family.TIERS, HandChecked.problem().family());
        assertEquals("tiers", Family.TIERS.key());
        assertEquals(Family.TIERS, Family.fromKey("tiers"));
        assertEquals(CostWeights.LATENCY, HandChecked.problem().weights());
    }
}
