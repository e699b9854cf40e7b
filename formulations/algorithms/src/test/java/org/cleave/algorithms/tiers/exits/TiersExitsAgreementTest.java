package org.cleave.algorithms.tiers.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.exits.RandomTiersExitsInstances;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.junit.jupiter.api.Test;

/**
 * Agreement of the P2-3T exact solvers on 600 seeded instances (chains, residual, inception-style and
 * layered DAGs of 1–10 layers after the input, 0–3 exits, latency, energy and mixed weights, an
 * accuracy floor, a latency bound on about a third), the comparison with P2's two-tier optimum and
 * the reduction to P2 with the cloud absent.
 */
class TiersExitsAgreementTest {
    static final int INSTANCES = 600;
    static final long BASE = 2027L * 1_000_003L;

    static TiersExitsProblem instance(int i) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[i % 4];
        return RandomTiersExitsInstances.exitsTiers(BASE + i, shape, 1 + (i / 4) % 10, 3);
    }

    private static String label(int i, TiersExitsProblem p) {
        return "instance " + i + " (seed " + (BASE + i) + ", " + RandomGraphs.Shape.values()[i % 4] + ", "
                + p.graph().exits().size() + " exits, " + p.variant() + ")";
    }

    @Test
    void mincutEqualsEnumerationAndNeverExceedsP2sTwoTierOptimum() {
        MinCutTiersExitsSolver mincut = new MinCutTiersExitsSolver();
        EnumerationTiersExitsSolver enumerate = new EnumerationTiersExitsSolver();
        MinCutExitsSolver p2 = new MinCutExitsSolver();
        int feasible = 0;
        int strictlyBelow = 0;
        int onlyThreeTierFeasible = 0;
        int withExits = 0;
        int allThree = 0;
        for (int i = 0; i < INSTANCES; i++) {
            TiersExitsProblem p = instance(i);
            String label = label(i, p);
            Result<TierExitPlan> exact = mincut.solve(p);
            Result<TierExitPlan> ref = enumerate.solve(p);
            assertTrue(Verifier.verify(p, exact).ok(), label + ": " + Verifier.verify(p, exact).defects());
            assertTrue(Verifier.verify(p, ref).ok(), label + ": " + Verifier.verify(p, ref).defects());
            assertEquals(ref.status(), exact.status(), label + ": " + ref.message() + " / " + exact.message());
            Result<ExitPlan> two = p2.solve(p.deviceEdge());
            assertTrue(Verifier.verify(p.deviceEdge(), two).ok(), label);
            if (ref.status() == Status.INFEASIBLE) {
                assertEquals(Status.INFEASIBLE, two.status(), label + ": P2 feasible where three tiers are not");
                continue;
            }
            assertEquals(Status.OPTIMAL, ref.status(), label + ": " + ref.message());
            feasible++;
            assertTrue(Verifier.close(ref.objective(), exact.objective(), 1e-9),
                    label + ": enumerate " + ref.objective() + " but mincut " + exact.objective());
            if (!two.hasPlan()) {
                assertEquals(Status.INFEASIBLE, two.status(), label);
                onlyThreeTierFeasible++;
                continue;
            }
            double opt = exact.objective();
            assertTrue(opt <= two.objective() * (1 + 1e-12), label + ": " + opt + " above P2's " + two.objective());
            if (opt < two.objective() * (1 - 1e-9)) {
                strictlyBelow++;
            }
            TierExitPlan plan = exact.planOrThrow();
            withExits += plan.activeExits().isEmpty() ? 0 : 1;
            TierPlacement x = plan.placement();
            if (x.count(Tier.DEVICE) > 1 && x.count(Tier.EDGE) > 0 && x.count(Tier.CLOUD) > 0) {
                allThree++;
            }
        }
        System.out.printf("P2-3T agreement: %d instances, %d feasible; three-tier optimum strictly below P2's"
                + " device|edge optimum on %d (%.1f %% of the feasible), feasible only on three tiers on %d;"
                + " optimum uses early exits on %d, all three tiers compute on %d%n", INSTANCES, feasible,
                strictlyBelow, 100.0 * strictlyBelow / feasible, onlyThreeTierFeasible, withExits, allThree);
        assertTrue(feasible > INSTANCES / 2, "only " + feasible + " feasible instances");
        assertTrue(strictlyBelow > 0, "the cloud never helps on this seed stream");
    }

    @Test
    void withoutAUsableCloudTheOptimumIsP2s() {
        // cloud at 1e-3 FLOP/s and a 1 bit/s WAN ("cloud absent", as P1-3T's test): every plan that puts
        // a reached layer in the cloud costs > 1e6 s, so the optimum must be P2's on device | edge
        MinCutTiersExitsSolver mincut = new MinCutTiersExitsSolver();
        MinCutExitsSolver p2 = new MinCutExitsSolver();
        for (int i = 0; i < INSTANCES; i++) {
            TiersExitsProblem p = instance(i).withCloud(new CloudServer(1e-3), new Link(1, 1, 0));
            String label = label(i, p);
            Result<TierExitPlan> three = mincut.solve(p);
            Result<ExitPlan> two = p2.solve(p.deviceEdge());
            assertTrue(Verifier.verify(p, three).ok(), label);
            assertEquals(two.status(), three.status(), label + ": " + two.message() + " / " + three.message());
            if (two.hasPlan()) {
                assertTrue(Verifier.close(two.objective(), three.objective(), 1e-9),
                        label + ": P2 " + two.objective() + " but three tiers " + three.objective());
                assertEquals(0, three.planOrThrow().placement().count(Tier.CLOUD), label);
            }
        }
    }

    @Test
    void theSolversAreRegistered() {
        for (String id : new String[] {"mincut", "enumerate", "two-tier", "single-tier"}) {
            assertTrue(Solvers.find(Family.EXITS_TIERS, id).isPresent(), id);
        }
        assertEquals("mincut", Solvers.defaultExact(Family.EXITS_TIERS));
    }
}
