package org.cleave.algorithms.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cleave.algorithms.partition.MinCutPartitionSolver;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;
import org.junit.jupiter.api.Test;

/**
 * Agreement of the P1-3T exact solvers on 1,200 seeded instances (chains, residual, inception-style
 * and layered DAGs of 1–14 layers after the input; latency, energy and mixed weights), the two-tier
 * comparison and the reduction to P1.
 */
class TiersAgreementTest {
    static final int INSTANCES = 1200;

    static TiersProblem instance(int i) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[i % 4];
        return RandomTiersInstances.tiers(2026L * 1_000_003L + i, shape, 1 + (i / 4) % 14,
                RandomPartitionInstances.WeightMode.ANY);
    }

    @Test
    void mincutEqualsEnumerationAndNeverExceedsATwoTierOptimum() {
        MinCutTiersSolver mincut = new MinCutTiersSolver();
        EnumerationTiersSolver enumerate = new EnumerationTiersSolver();
        CompiledMinCutTiersSolver compiled = new CompiledMinCutTiersSolver();
        MinCutPartitionSolver p1 = new MinCutPartitionSolver();
        int strictlyBelow = 0;
        int allThree = 0;
        for (int i = 0; i < INSTANCES; i++) {
            TiersProblem p = instance(i);
            String label = "instance " + i + " (seed " + (2026L * 1_000_003L + i) + ")";
            Result<TierPlacement> exact = mincut.solve(p);
            Result<TierPlacement> ref = enumerate.solve(p);
            assertEquals(Status.OPTIMAL, exact.status(), label + ": " + exact.message());
            assertEquals(Status.OPTIMAL, ref.status(), label + ": " + ref.message());
            assertTrue(Verifier.verify(p, exact).ok(), label + ": " + Verifier.verify(p, exact).defects());
            assertTrue(Verifier.verify(p, ref).ok(), label);
            assertTrue(Verifier.close(ref.objective(), exact.objective(), 1e-9),
                    label + ": enumerate " + ref.objective() + " but mincut " + exact.objective());
            Result<TierPlacement> blocks = compiled.solve(p);
            assertTrue(Verifier.verify(p, blocks).ok(), label);
            assertTrue(Verifier.close(ref.objective(), blocks.objective(), 1e-9),
                    label + ": enumerate " + ref.objective() + " but mincut-compiled " + blocks.objective());
            double opt = exact.objective();
            // P1 on device | edge, solved by P1's own solver, and the other two pairs
            double deviceEdge = p1.solve(p.deviceEdge()).objective();
            assertTrue(opt <= deviceEdge * (1 + 1e-12), label + ": " + opt + " above P1's " + deviceEdge);
            double bestTwo = deviceEdge;
            for (TwoTierPlans.Pair pair : TwoTierPlans.Pair.values()) {
                double two = p.evaluate(TwoTierPlans.solve(p, pair)).objective();
                assertTrue(opt <= two * (1 + 1e-12), label + ": " + opt + " above the " + pair + " optimum " + two);
                bestTwo = Math.min(bestTwo, two);
            }
            if (opt < bestTwo * (1 - 1e-9)) {
                strictlyBelow++;
            }
            TierPlacement plan = exact.planOrThrow();
            // all three tiers compute: a layer besides the input on the device, one on the edge, one in the cloud
            if (plan.count(Tier.DEVICE) > 1 && plan.count(Tier.EDGE) > 0 && plan.count(Tier.CLOUD) > 0) {
                allThree++;
            }
        }
        // measured: printed for the report; the assertion keeps the share from silently vanishing
        System.out.printf("P1-3T agreement: %d instances, three-tier strictly below every two-tier optimum on %d"
                + " (%.1f %%), all three tiers compute in the optimum on %d%n", INSTANCES, strictlyBelow,
                100.0 * strictlyBelow / INSTANCES, allThree);
        assertEquals(allThree, strictlyBelow, "strictly below every two-tier optimum iff all three tiers compute");
        // measured on this seed stream: 7 of 1,200 (0.6 %); most random instances are won by one or two tiers
        assertTrue(strictlyBelow >= 5, "only " + strictlyBelow + " instances strictly below");
    }

    @Test
    void withoutAUsableCloudTheOptimumIsP1s() {
        // cloud at 1e-3 FLOP/s and a 1 bit/s WAN: every plan that uses the cloud costs > 1e8, more than
        // any plan without it, so the three-tier optimum must be P1's on device | edge exactly
        MinCutTiersSolver mincut = new MinCutTiersSolver();
        MinCutPartitionSolver p1 = new MinCutPartitionSolver();
        for (int i = 0; i < INSTANCES; i++) {
            TiersProblem p = instance(i).withCloud(new CloudServer(1e-3));
            p = p.withLinks(p.link1(), new Link(1, 1, 0));
            String label = "instance " + i;
            Result<TierPlacement> three = mincut.solve(p);
            PartitionProblem two = p.deviceEdge();
            Result<Placement> reference = p1.solve(two);
            assertTrue(Verifier.verify(p, three).ok(), label);
            assertEquals(0, three.planOrThrow().count(Tier.CLOUD), label);
            assertTrue(Verifier.close(reference.objective(), three.objective(), 1e-9),
                    label + ": P1 " + reference.objective() + " but three tiers " + three.objective());
        }
    }

    @Test
    void warmReSolvesMatchColdOnes() {
        SplittableRandom rng = new SplittableRandom(5);
        TiersProblem base = RandomTiersInstances.tiers(333, RandomGraphs.Shape.INCEPTION, 40,
                RandomPartitionInstances.WeightMode.MIXED);
        TiersCutNetwork net = TiersCutNetwork.compile(base);
        CompiledTiersNetwork blocks = CompiledTiersNetwork.compile(base);
        MinCutTiersSolver cold = new MinCutTiersSolver();
        for (int k = 0; k < 200; k++) {
            Link l1 = new Link(1e5 * Math.pow(1e4, rng.nextDouble()), 1e6, 0.01 * rng.nextDouble());
            Link l2 = new Link(1e6 * Math.pow(1e4, rng.nextDouble()), 1e8, 0.05 * rng.nextDouble());
            net.setLinks(l1, l2);
            double warm = net.solve();
            TiersProblem p = base.withLinks(l1, l2);
            double evaluated = p.evaluate(net.plan()).objective();
            assertTrue(Verifier.close(evaluated, warm, 1e-9), "step " + k);
            assertTrue(Verifier.close(cold.solve(p).objective(), warm, 1e-9), "step " + k);
            blocks.setLinks(l1, l2);
            double warmBlocks = blocks.solve();
            assertTrue(Verifier.close(p.evaluate(blocks.plan()).objective(), warmBlocks, 1e-9), "step " + k);
            assertTrue(Verifier.close(warm, warmBlocks, 1e-9), "step " + k + ": " + warm + " vs " + warmBlocks);
        }
    }

    @Test
    void solversAreRegistered() {
        for (String id : new String[] {"mincut", "mincut-compiled", "enumerate", "single-tier", "two-tier", "scission", "dads-twice"}) {
            assertTrue(Solvers.find(Family.TIERS, id).isPresent(), id);
        }
    }

    @Test
    void heuristicsAreNeverBelowTheOptimumAndScissionIsExactOnChains() {
        ScissionSolver scission = new ScissionSolver();
        MinCutTiersSolver mincut = new MinCutTiersSolver();
        for (int i = 0; i < 300; i++) {
            TiersProblem p = RandomTiersInstances.tiers(77L + i, RandomGraphs.Shape.CHAIN, 1 + i % 14,
                    RandomPartitionInstances.WeightMode.ANY);
            assertTrue(Verifier.close(mincut.solve(p).objective(), scission.solve(p).objective(), 1e-9),
                    "chain seed " + (77L + i));
        }
        assertTrue(Arrays.asList(TwoTierPlans.Pair.values()).size() == 3);
    }
}
