package org.cleave.workflows.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cleave.algorithms.partition.UplinkMap;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final double TOLERANCE = 1e-9;

    private static Session resnet50() {
        return Session.zoo(ZooSpec.of("resnet50"));
    }

    private static Session exits(String model) {
        return Session.zoo(new ZooSpec(model, Family.EXITS, "layers", "4g", "rpi4", "gpu", "float32"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Result<?> reference(Family family, Problem<?> problem) {
        Solver solver = Solvers.require(family, Session.defaultExact(family));
        return solver.solve((Problem) problem, SolveLimits.none());
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Verifier.close(expected, actual, TOLERANCE), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void p1OptimumEqualsTheDefaultExactSolverOnSeededStatesOfResNet50() {
        Session s = resnet50();
        long seed = 18_001;
        Random rnd = new Random(seed);
        for (int k = 0; k < 200; k++) {
            double up = Math.pow(10, 5 + 4 * rnd.nextDouble());
            double down = Math.pow(10, 5 + 4 * rnd.nextDouble());
            double load = 0.9 * rnd.nextDouble();
            StateUpdate.Builder b = StateUpdate.builder().uplinkBitsPerSecond(up).downlinkBitsPerSecond(down)
                    .deviceLoad(load).linkLatencySeconds(0.05 * rnd.nextDouble());
            if (k % 3 == 0) {
                b.weights(new CostWeights(rnd.nextDouble(), rnd.nextDouble() + 0.01));
            }
            s.set(b.build());
            String what = "seed " + seed + ", state " + k + " " + s.state();
            Solution opt = s.optimum();
            Result<?> ref = reference(Family.PARTITION, s.problem());
            assertEquals(Status.OPTIMAL, opt.status(), what);
            assertTrue(opt.verified(), what + " " + opt.defects());
            assertClose(ref.objective(), opt.objective(), what);
            assertClose(s.problem().evaluate(castPlan(opt)).objective(), opt.objective(), what);
            assertSame(opt, s.optimum(), "cached per state");
            assertTrue(s.optimumCached());
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> S castPlan(Solution s) {
        return (S) s.plan().orElseThrow();
    }

    @Test
    void p2OptimumEqualsTheDefaultExactSolverOnSeededStates() {
        for (String model : List.of("b-alexnet", "resnet18-exits")) {
            Session s = exits(model);
            long seed = 18_002;
            Random rnd = new Random(seed);
            for (int k = 0; k < 60; k++) {
                StateUpdate.Builder b = StateUpdate.builder().uplinkBitsPerSecond(Math.pow(10, 5 + 4 * rnd.nextDouble()))
                        .deviceLoad(0.8 * rnd.nextDouble()).accuracyFloor(0.9 * rnd.nextDouble());
                if (k % 4 == 1) {
                    b.latencyBoundSeconds(0.05 + rnd.nextDouble());
                }
                s.set(b.build());
                String what = model + ", seed " + seed + ", state " + k + " " + s.state();
                Solution opt = s.optimum();
                Result<?> ref = reference(Family.EXITS, s.problem());
                assertEquals(ref.status(), opt.status(), what);
                if (ref.hasPlan()) {
                    assertTrue(opt.verified(), what + " " + opt.defects());
                    assertClose(ref.objective(), opt.objective(), what);
                }
            }
        }
    }

    @Test
    void p4OptimumEqualsTheDefaultExactSolverAndEnumeration() {
        Session s = Session.multiUser(new MultiUserSpec(2, 4, List.of("chain-6", "chain-4"), "4g", 7, 1e12));
        MultiUserProblem base = (MultiUserProblem) s.problem();
        long seed = 18_004;
        Random rnd = new Random(seed);
        for (int k = 0; k < 20; k++) {
            List<Double> up = new ArrayList<>();
            List<Double> down = new ArrayList<>();
            for (int i = 0; i < base.users().size(); i++) {
                up.add(Math.pow(10, 5 + 3 * rnd.nextDouble()));
                down.add(Math.pow(10, 5 + 3 * rnd.nextDouble()));
            }
            s.set(StateUpdate.builder().userUplinkBitsPerSecond(up).userDownlinkBitsPerSecond(down).build());
            String what = "seed " + seed + ", state " + k;
            Solution opt = s.optimum();
            assertTrue(opt.verified(), what);
            assertClose(reference(Family.MULTIUSER, s.problem()).objective(), opt.objective(), what);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Result<?> enumerated = ((Solver) Solvers.require(Family.MULTIUSER, "enumerate"))
                    .solve((Problem) s.problem(), SolveLimits.none());
            assertEquals(Status.OPTIMAL, enumerated.status(), what + " " + enumerated.message());
            assertClose(enumerated.objective(), opt.objective(), what + " (enumerate)");
            assertEquals(up, s.state().get("userUplinkBitsPerSecond"), what);
        }
    }

    @Test
    void p4TwentyUsersLikeGenerateMultiuser() {
        Session s = Session.multiUser(new MultiUserSpec(20, 16, List.of("resnet18", "mobilenetv2"), "4g", 1, 1e12));
        Solution opt = s.optimum();
        assertEquals(Status.OPTIMAL, opt.status());
        assertTrue(opt.verified());
        assertEquals(20, s.describe().users().size());
    }

    @Test
    void setIsAllOrNothingAndRefusesFieldsTheFamilyHasNot() {
        Session s = resnet50();
        Map<String, Object> before = s.state();
        Solution opt = s.optimum();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.set(StateUpdate.builder().uplinkBitsPerSecond(2e6).deviceLoad(1.5).build()));
        assertEquals("deviceLoad: must be a number in [0, 1), got 1.5", e.getMessage());
        assertEquals(before, s.state());
        assertSame(opt, s.optimum(), "a refused update keeps the cache");
        e = assertThrows(IllegalArgumentException.class,
                () -> s.set(StateUpdate.builder().accuracyFloor(0.5).build()));
        assertTrue(e.getMessage().startsWith("accuracyFloor: family partition has no such state field; it has"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.set(StateUpdate.builder().uplinkBitsPerSecond(0).build()));
        assertEquals("uplinkBitsPerSecond: must be a finite number > 0, got 0.0", e.getMessage());
        s.set(StateUpdate.none());
        assertSame(opt, s.optimum(), "an empty update keeps the cache");
        s.set(StateUpdate.builder().uplinkBitsPerSecond(1e6).build());
        assertFalse(s.optimumCached(), "set invalidates the optimum");
        assertEquals(1e6, s.state().get("uplinkBitsPerSecond"));
        assertEquals(((PartitionProblem) s.problem()).link().uplinkBitsPerSecond(), 1e6);
    }

    @Test
    void p4RefusesRatesOfTheWrongLengthNamingTheField() {
        Session s = Session.multiUser(MultiUserSpec.of(4, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.set(StateUpdate.builder().userUplinkBitsPerSecond(List.of(1e6, 2e6)).build()));
        assertEquals("userUplinkBitsPerSecond: has 2 entries, the instance has 4 users", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> s.set(StateUpdate.builder().userDownlinkBitsPerSecond(List.of(1e6, 2e6, -1.0, 1e6)).build()));
        assertEquals("userDownlinkBitsPerSecond[2]: must be a finite number > 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.set(StateUpdate.builder().deviceLoad(0.1).build()));
        assertTrue(e.getMessage().startsWith("deviceLoad: family multiuser has no such state field"), e.getMessage());
    }

    @Test
    void p2StateFieldsChangeTheVariant() {
        Session s = exits("b-alexnet");
        s.set(StateUpdate.builder().latencyBoundSeconds(0.2).accuracyFloor(0.7).build());
        ExitsProblem p = (ExitsProblem) s.problem();
        ExitsProblem.MinCost m = (ExitsProblem.MinCost) p.variant();
        assertEquals(0.7, m.minAccuracy());
        assertEquals(0.2, m.maxLatencySeconds().getAsDouble());
        assertEquals(0.2, s.state().get("latencyBoundSeconds"));
        assertThrows(IllegalArgumentException.class, () -> s.set(StateUpdate.builder().accuracyFloor(1.5).build()));
    }

    @Test
    void cutActionsCoverBothExtremesAndRoundTrip() {
        Session s = resnet50();
        DnnGraph g = ((PartitionProblem) s.problem()).graph();
        List<String> cuts = s.cutVertices();
        assertEquals(g.input().id(), cuts.get(0));
        assertEquals(g.output().id(), cuts.get(cuts.size() - 1));
        assertEquals(Placement.allButInputOnEdge(g.size()), s.cutPlacement(0), "cut 0 = all-edge");
        assertEquals(Placement.allDevice(g.size()), s.cutPlacement(cuts.size() - 1), "last cut = all-device");
        for (int i = 0; i < cuts.size(); i++) {
            Placement p = s.cutPlacement(i);
            assertEquals(i, s.cutOf(p).getAsInt());
            // the device side is exactly the cut vertex and its ancestors
            int c = g.indexOf(cuts.get(i));
            for (int v = 0; v < g.size(); v++) {
                assertEquals(v > c, p.onEdge(v), "cut " + i + ", layer " + v);
            }
            assertTrue(s.evaluate(p).feasible());
        }
        assertThrows(IllegalArgumentException.class, () -> s.cutPlacement(cuts.size()));
        assertThrows(IllegalArgumentException.class, () -> s.cutPlacement(-1));
        boolean[] odd = new boolean[g.size()];
        odd[g.size() - 1] = true;
        odd[g.size() - 2] = true;
        if (!g.isCutVertex(g.size() - 3)) {
            assertTrue(s.cutOf(Placement.of(odd)).isEmpty());
        }
    }

    @Test
    void evaluateIsTheFamilyEvaluator() {
        Session s = resnet50();
        s.set(StateUpdate.builder().uplinkBitsPerSecond(3e6).deviceLoad(0.2).build());
        Placement p = s.cutPlacement(3);
        Assessment a = s.evaluate(p);
        assertEquals(((PartitionProblem) s.problem()).evaluate(p), a.breakdown());
        assertEquals(a.breakdown().objective(), a.objective());
        assertTrue(a.feasible());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.evaluate(new MultiUserPlan(List.of(new UserChoice(0, 0, 0)))));
        assertEquals("plan: family partition takes a Placement, got a MultiUserPlan", e.getMessage());
        boolean[] nonMonotone = new boolean[s.layerCount()];
        nonMonotone[1] = true;
        assertThrows(IllegalArgumentException.class, () -> s.evaluate(Placement.of(nonMonotone)));
    }

    @Test
    void infeasibleP2PlansArePricedWithTheirViolations() {
        Session s = exits("b-alexnet");
        s.set(StateUpdate.builder().accuracyFloor(0.99).build());
        Assessment a = s.evaluate(new ExitPlan(List.of(), s.cutPlacement(0)));
        assertFalse(a.feasible());
        assertFalse(a.violations().isEmpty());
    }

    @Test
    void solveRunsAnyRegisteredSolverAndNamesTheKnownOnes() {
        Session s = resnet50();
        Solution warm = s.solve("mincut-compiled", SolveLimits.none());
        Solution cold = s.solve("mincut", SolveLimits.none());
        Solution topo = s.solve("topo-cut", SolveLimits.none());
        assertTrue(warm.verified() && cold.verified() && topo.verified());
        assertClose(cold.objective(), warm.objective(), "mincut-compiled vs mincut");
        assertTrue(topo.objective() >= cold.objective() - 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.solve("nope", SolveLimits.none()));
        assertTrue(e.getMessage().startsWith("solver: \"nope\" is no solver of family partition; known: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("mincut-compiled"), e.getMessage());
    }

    @Test
    void mapPiecesAgreeWithTheOptimumAtTheirRates() {
        Session s = resnet50();
        UplinkMap<?> map = s.map(1e5, 1e10);
        assertFalse(map.pieces().isEmpty());
        for (double rate : new double[] {2e5, 3e6, 5e7, 9e9}) {
            double mapped = map.costAt(rate);
            s.set(StateUpdate.builder().uplinkBitsPerSecond(rate).build());
            assertClose(s.optimum().objective(), mapped, "rate " + rate);
        }
        Session p4 = Session.multiUser(MultiUserSpec.of(2, 2));
        ServeException e = assertThrows(ServeException.class, () -> p4.map(1e5, 1e6));
        assertEquals(ServeException.Code.UNSUPPORTED, e.code());
        Session p2 = exits("b-alexnet");
        assertFalse(p2.map(1e5, 1e9).pieces().isEmpty());
        assertFalse(p2.map(1e5, 1e9, List.of()).pieces().isEmpty());
    }

    @Test
    void describeListsWhatActionsNeed() {
        Description d = exits("b-alexnet").describe();
        assertEquals(Family.EXITS, d.family());
        assertFalse(d.exits().isEmpty());
        assertEquals("minCost", d.variant());
        assertEquals("mincut", d.defaultSolver());
        assertTrue(d.solvers().containsKey("mincut-compiled"));
        assertEquals(d.cutVertices().size(), d.layers().stream().filter(l -> d.cutVertices().contains(l.id())).count());
        Description u = Session.multiUser(MultiUserSpec.of(3, 4)).describe();
        assertEquals(3, u.users().size());
        assertEquals(4, u.computeUnits());
        assertTrue(u.layers().isEmpty());
    }

    @Test
    void otherFamiliesAreNotServed() {
        ServeException e = assertThrows(ServeException.class, () -> Session.zoo(new ZooSpec("b-alexnet",
                Family.THROUGHPUT, "layers", "4g", "rpi4", "gpu", "float32")));
        assertEquals(ServeException.Code.UNSUPPORTED, e.code());
        assertEquals("family: \"throughput\" is not served; served: partition, exits, multiuser", e.getMessage());
    }
}
