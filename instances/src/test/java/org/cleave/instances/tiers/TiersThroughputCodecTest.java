package org.cleave.instances.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.junit.jupiter.api.Test;

class TiersThroughputCodecTest {
    private static TiersThroughputProblem problem() {
        return TiersThroughputProblem.of(RandomTiersInstances.tiers(3, RandomGraphs.Shape.INCEPTION, 9,
                RandomPartitionInstances.WeightMode.MIXED), OptionalDouble.of(12.5));
    }

    private static ObjectNode root() {
        return InstanceJson.toJson(new Instance("t", "", problem(), null));
    }

    private static String error(Consumer<ObjectNode> edit) {
        ObjectNode r = root();
        edit.accept(r);
        return assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(r.toString(), "x")).getMessage();
    }

    private static TierPlacement plan(int n) {
        int[] t = new int[n];
        java.util.Arrays.fill(t, 1, n, 2);
        t[1] = 1;
        return new TierPlacement(t);
    }

    private static void same(TiersThroughputProblem p, TiersThroughputProblem q) {
        assertEquals(p.graph().size(), q.graph().size());
        assertEquals(p.device(), q.device());
        assertEquals(p.edge(), q.edge());
        assertEquals(p.cloud(), q.cloud());
        assertEquals(p.link1(), q.link1());
        assertEquals(p.link2(), q.link2());
        assertEquals(p.deviceLoad(), q.deviceLoad());
        assertEquals(p.frameRatePerSecond(), q.frameRatePerSecond());
    }

    @Test
    void roundTripsAndPricesEveryPlanTheSame() {
        TiersThroughputProblem p = problem();
        ObjectNode json = root();
        assertEquals("throughput-tiers", json.get("family").asText());
        assertEquals(12.5, json.get("frameRatePerSecond").asDouble());
        assertFalse(json.has("objective"), "the period is the objective");
        Instance back = InstanceJson.read(InstanceJson.write(new Instance("t", "", p, null)), "t.json");
        assertEquals(Family.THROUGHPUT_TIERS, back.problem().family());
        TiersThroughputProblem q = (TiersThroughputProblem) back.problem();
        same(p, q);
        TierPlacement plan = plan(p.graph().size());
        assertEquals(p.evaluate(plan), q.evaluate(plan));
        TiersThroughputProblem none = p.withFrameRate(OptionalDouble.empty());
        same(none, (TiersThroughputProblem) InstanceJson.read(InstanceJson.write(new Instance("t", "", none, null)),
                "t").problem());
    }

    @Test
    void plansRoundTripWithTheirStages() throws Exception {
        TiersThroughputProblem p = problem();
        FamilyCodec codec = new TiersThroughputCodec();
        TierPlacement plan = plan(p.graph().size());
        JsonNode json = Json.MAPPER.readTree(codec.writePlan(p, plan).toString());
        assertEquals(plan, codec.readPlan(p, json, "plan"));
        assertEquals(p.evaluate(plan).periodSeconds(), json.at("/cost/periodSeconds").asDouble(), 0);
        assertEquals(p.evaluate(plan).bottleneck().key(), json.at("/cost/bottleneck").asText());
        assertTrue(json.at("/cost/link2StageSeconds").isNumber());
    }

    @Test
    void errorsNameTheJsonPath() {
        assertEquals("$.frameRatePerSecond: must be a finite number > 0, got 0.0",
                error(r -> r.put("frameRatePerSecond", 0)));
        assertTrue(error(r -> r.putObject("objective")).startsWith("$.objective: unknown field"));
        assertTrue(error(r -> r.with("tiers").with("cloud").put("speed", 1))
                .startsWith("$.tiers.cloud.speed: unknown field; allowed here: flopsPerSecond"));
        assertEquals("$.links: must hold exactly 2 links (device-edge, edge-cloud), got 1",
                error(r -> ((ArrayNode) r.get("links")).remove(1)));
        String exits = error(r -> {
            ObjectNode model = r.with("model");
            ArrayNode list = model.putArray("exits");
            list.addObject().put("id", "e1").put("afterLayer", model.get("layers").get(1).get("id").asText())
                    .put("flops", 1e6).put("exitRate", 0.5).put("accuracy", 0.8);
        });
        assertTrue(exits.startsWith("$.model.exits: P3-3T (throughput-tiers) has no early exits"), exits);
    }

    @Test
    void schemaNamesEveryFieldTheWriterEmits() throws Exception {
        JsonNode schema;
        try (InputStream in = InstanceJson.class.getResourceAsStream(InstanceJson.SCHEMA_RESOURCE)) {
            schema = Json.MAPPER.readTree(in);
        }
        boolean familyListed = false;
        for (JsonNode f : schema.at("/properties/family/enum")) {
            familyListed |= f.asText().equals("throughput-tiers");
        }
        assertTrue(familyListed);
        JsonNode then = null;
        for (JsonNode branch : schema.get("allOf")) {
            if (branch.at("/if/properties/family/const").asText().equals("throughput-tiers")) {
                then = branch.get("then");
            }
        }
        assertTrue(then != null, "no throughput-tiers branch");
        Iterator<String> names = root().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            assertTrue(then.get("properties").has(name), "$." + name + " is not in the throughput-tiers schema");
        }
        for (String f : new TiersThroughputCodec().fields()) {
            assertTrue(then.get("properties").has(f), "$." + f + " is not in the throughput-tiers schema");
        }
    }

    @Test
    void zooExportStripsExitsAndKeepsTheFrameRate() {
        Instance i = ZooTierInstances.throughput(Zoo.get("resnet18"), ZooInstances.View.LAYERS, "4g", "fiber", "rpi4",
                "cpu", "a100", OptionalDouble.of(5));
        TiersThroughputProblem p = (TiersThroughputProblem) i.problem();
        assertEquals(5, p.frameRatePerSecond().getAsDouble());
        assertTrue(p.graph().exits().isEmpty());
        assertTrue(i.metadata().get("generator").asText().contains("--family throughput"));
        Instance back = InstanceJson.read(InstanceJson.write(i), "z.json");
        same(p, (TiersThroughputProblem) back.problem());
    }
}
