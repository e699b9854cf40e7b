package org.cleave.core.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;
import org.junit.jupiter.api.Test;

class MultiUserEvaluatorTest {
    private static final Device DEVICE = new Device(1e9, 2, 1, 0.5);
    private static final Link LINK = new Link(8e6, 16e6, 0.01);

    @Test
    void computesEveryTermByHand() {
        PlanOption cut = new PlanOption("cut", 0.1, 0.2, 8e5, 4e9, 1.6e4, 0.5, 0.9, List.of("e1"));
        User u = new User("a", DEVICE, LINK, List.of(cut));
        // F = 1e12 over K_F = 4: a unit is 2.5e11 FLOP/s; R = 8e6 over K_B = 2: a unit is 4e6 bit/s
        MultiUserProblem p = new MultiUserProblem(new EdgeServer(1e12), 4, 2, new CostWeights(1, 0.5), List.of(u));
        MultiUserCost c = p.evaluate(new MultiUserPlan(List.of(new UserChoice(0, 2, 1))));
        UserCost uc = c.users().get(0);
        assertEquals(4e9 / 5e11, uc.edgeSeconds(), 1e-15);
        assertEquals(8e5 / 4e6, uc.uploadSeconds(), 1e-15);
        assertEquals(1.6e4 / 16e6, uc.downloadSeconds(), 1e-15);
        assertEquals(0.005, uc.linkLatencySeconds(), 1e-15);
        double t = 0.1 + 0.2 + 0.008 + 0.001 + 0.005;
        assertEquals(t, uc.latencySeconds(), 1e-12);
        double e = 0.2 + 1 * 0.2 + 0.5 * (0.008 + 0.001);
        assertEquals(e, uc.energyJoules(), 1e-12);
        assertEquals(t + 0.5 * e, c.objective(), 1e-12);
        assertTrue(c.feasible());
    }

    @Test
    void reportsViolations() {
        PlanOption edge = new PlanOption("edge", 0, 0, 1e5, 1e9, 0, 1, 0.7, List.of());
        User u = new User("a", DEVICE, LINK, OptionalDouble.of(1e-6), OptionalDouble.of(0.8), List.of(edge));
        MultiUserProblem p = new MultiUserProblem(new EdgeServer(1e12), 1, 1, CostWeights.LATENCY, List.of(u, 
                new User("b", DEVICE, LINK, List.of(edge))));
        MultiUserCost zero = p.evaluate(new MultiUserPlan(List.of(new UserChoice(0, 0, 1), new UserChoice(0, 1, 1))));
        assertEquals(Double.POSITIVE_INFINITY, zero.objective());
        assertFalse(zero.feasible());
        assertTrue(zero.violations().stream().anyMatch(v -> v.contains("0 compute units")), zero.violations().toString());
        assertTrue(zero.violations().stream().anyMatch(v -> v.contains("bandwidth units: the plan uses 2")));
        MultiUserCost slow = p.evaluate(new MultiUserPlan(List.of(new UserChoice(0, 1, 1), new UserChoice(0, 0, 0))));
        assertTrue(slow.violations().stream().anyMatch(v -> v.contains("below the floor")), slow.violations().toString());
    }

    @Test
    void rejectsMalformedPlans() {
        User u = new User("a", DEVICE, LINK, List.of(new PlanOption("local", 1, 1, 0, 0, 0, 0, 1, List.of())));
        MultiUserProblem p = new MultiUserProblem(new EdgeServer(1e12), 1, 1, CostWeights.LATENCY, List.of(u));
        assertThrows(InvalidModelException.class, () -> p.evaluate(new MultiUserPlan(List.of())));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> p.evaluate(new MultiUserPlan(List.of(new UserChoice(3, 0, 0)))));
        assertTrue(e.getMessage().contains("choices[0].option"), e.getMessage());
        assertThrows(InvalidModelException.class, () -> new UserChoice(0, -1, 0));
        assertThrows(InvalidModelException.class, () -> new PlanOption("x", 0, 0, 5, 0, 0, 0, 1, List.of()));
        assertThrows(InvalidModelException.class, () -> new MultiUserProblem(new EdgeServer(1), 0, 1,
                CostWeights.LATENCY, List.of(u)));
        assertThrows(InvalidModelException.class, () -> new MultiUserProblem(new EdgeServer(1), 1, 1,
                CostWeights.LATENCY, List.of(u, u)));
    }

    @Test
    void statesReachWeightedOptionsOfAChainWithAnExit() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 1e9, 500, 0))
                .addLayer(new Layer("b", 2e9, 100, 0)).addArc("in", "a").addArc("a", "b")
                .addExit(new Exit("e", "a", 1e8, 0.4, 0.7)).addExit(new Exit("f", "b", 0, 1, 0.9)).build();
        EdgeServer edge = new EdgeServer(1e11);
        List<PlanOption> options = PlanOptions.of(g, DEVICE, edge);
        assertEquals(6, options.size()); // 3 cuts x {no exit, exit e}
        // exit e active, cut after a: device runs in, a, exit branch; 60 % send a's output and run b
        PlanOption o = options.get(4);
        assertEquals(List.of("e", "f"), o.exits());
        assertEquals(1.0 + 0.1, o.deviceSeconds(), 1e-12);
        assertEquals(0.6 * 8 * 500, o.uploadBits(), 1e-9);
        assertEquals(0.6 * 2e9, o.edgeFlops(), 1e-3);
        assertEquals(0.6 * 8 * 100, o.downloadBits(), 1e-9);
        assertEquals(0.6, o.offloadProbability(), 1e-12);
        assertEquals(0.4 * 0.7 + 0.6 * 0.9, o.accuracy(), 1e-12);
        PlanOption local = options.get(5);
        assertTrue(local.deviceOnly());
        assertEquals(1.1 + 0.6 * 2, local.deviceSeconds(), 1e-12);
        PlanOption edgeOnly = options.get(0);
        assertTrue(edgeOnly.edgeOnly());
        assertEquals(8000, edgeOnly.uploadBits(), 1e-9);
        assertEquals(0.9, edgeOnly.accuracy(), 1e-12);
    }
}
