package org.cleave.instances.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.junit.jupiter.api.Test;

/** Round trips and error messages of the P2 and P3 instance formats. */
class EarlyExitCodecsTest {
    @Test
    void p2InstancesOfBothVariantsRoundTrip() {
        int seen = 0;
        for (long seed = 1; seed <= 40; seed++) {
            ExitsProblem p = RandomExitsInstances.exits(seed, RandomGraphs.Shape.RESIDUAL, 9, 3);
            String text = InstanceJson.write(Instance.of("p2-" + seed, p));
            Instance back = InstanceJson.read(text, "round trip");
            assertEquals(Family.EXITS, back.problem().family());
            assertEquals(p.variant(), ((ExitsProblem) back.problem()).variant());
            assertEquals(text, InstanceJson.write(back), "seed " + seed);
            seen += p.graph().exits().size();
        }
        assertTrue(seen > 20, "exits written: " + seen);
    }

    @Test
    void p3InstancesRoundTrip() {
        for (long seed = 1; seed <= 30; seed++) {
            ThroughputProblem p = RandomThroughputInstances.throughput(seed, RandomGraphs.Shape.INCEPTION, 9, 2);
            String text = InstanceJson.write(Instance.of("p3-" + seed, p));
            Instance back = InstanceJson.read(text, "round trip");
            ThroughputProblem q = (ThroughputProblem) back.problem();
            assertEquals(p.frameRatePerSecond(), q.frameRatePerSecond());
            assertEquals(p.minAccuracy(), q.minAccuracy());
            assertEquals(text, InstanceJson.write(back), "seed " + seed);
        }
    }

    @Test
    void plansAreWrittenWithSharesAndCosts() {
        ExitsProblem p = RandomExitsInstances.exits(3, RandomGraphs.Shape.CHAIN, 6, 3).withVariant(
                new ExitsProblem.MinCost(org.cleave.core.model.CostWeights.LATENCY, 0, java.util.OptionalDouble.empty()));
        ExitPlan plan = new ExitPlan(p.graph().exits().stream().map(e -> e.id()).toList(),
                Placement.allDevice(p.graph().size()));
        JsonNode json = InstanceJson.codec(Family.EXITS).writePlan(p, plan);
        assertEquals(p.graph().exits().size() + 1, json.get("stops").size());
        assertTrue(json.get("cost").has("accuracy"));
        ThroughputProblem t = RandomThroughputInstances.throughput(3, RandomGraphs.Shape.CHAIN, 6, 2);
        JsonNode tj = InstanceJson.codec(Family.THROUGHPUT).writePlan(t,
                ExitPlan.withoutExits(Placement.allDevice(t.graph().size())));
        assertEquals("device", tj.get("cost").get("bottleneck").asText());
    }

    @Test
    void badVariantsAreNamedWithTheirPath() {
        ExitsProblem p = RandomExitsInstances.exits(5, RandomGraphs.Shape.CHAIN, 4, 1);
        ObjectNode root = InstanceJson.toJson(Instance.of("x", p));
        ((ObjectNode) root.get("variant")).put("kind", "fastest");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read(root.toString(), "t"));
        assertTrue(e.getMessage().startsWith("$.variant.kind: unknown variant \"fastest\""), e.getMessage());
        ObjectNode right = InstanceJson.toJson(Instance.of("x", p.withVariant(new ExitsProblem.RightSizing(1))));
        ((ObjectNode) right.get("variant")).put("minAccuracy", 0.5);
        e = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(right.toString(), "t"));
        assertTrue(e.getMessage().startsWith("$.variant.minAccuracy: unknown field"), e.getMessage());
        ((ObjectNode) right.get("variant")).remove("minAccuracy");
        ((ObjectNode) right.get("variant")).put("maxLatencySeconds", -1);
        e = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(right.toString(), "t"));
        assertTrue(e.getMessage().contains("maxLatencySeconds") && e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void aFinalClassifierExitIsLiftedAndAMissingOrDoubleFinalAccuracyIsRejected() {
        ThroughputProblem p = RandomThroughputInstances.throughput(8, RandomGraphs.Shape.CHAIN, 4, 0);
        ObjectNode root = InstanceJson.toJson(Instance.of("x", p));
        String out = p.graph().output().id();
        ObjectNode exit = ((ObjectNode) root.get("model")).putArray("exits").addObject();
        exit.put("id", "f").put("afterLayer", out).put("flops", 0).put("exitRate", 1.0).put("accuracy", 0.9);
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read(root.toString(), "t"));
        assertTrue(e.getMessage().startsWith("$.finalAccuracy: given twice"), e.getMessage());
        root.remove("finalAccuracy");
        ThroughputProblem lifted = (ThroughputProblem) InstanceJson.read(root.toString(), "t").problem();
        assertEquals(0.9, lifted.finalAccuracy());
        assertTrue(lifted.graph().exits().isEmpty());
        ((ObjectNode) root.get("model")).remove("exits");
        e = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(root.toString(), "t"));
        assertTrue(e.getMessage().startsWith("$.finalAccuracy: required number is missing"), e.getMessage());
    }
}
