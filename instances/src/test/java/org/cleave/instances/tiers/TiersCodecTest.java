package org.cleave.instances.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.Consumer;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.profiles.TierProfiles;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.junit.jupiter.api.Test;

class TiersCodecTest {
    private static TiersProblem problem() {
        return RandomTiersInstances.tiers(3, RandomGraphs.Shape.INCEPTION, 9, RandomPartitionInstances.WeightMode.MIXED);
    }

    private static ObjectNode root() {
        return InstanceJson.toJson(new Instance("t", "", problem(), null));
    }

    private static String error(Consumer<ObjectNode> edit) {
        ObjectNode r = root();
        edit.accept(r);
        return assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(r.toString(), "x")).getMessage();
    }

    @Test
    void roundTripsAndPricesEveryPlanTheSame() {
        TiersProblem p = problem();
        Instance back = InstanceJson.read(InstanceJson.write(new Instance("t", "", p, null)), "t.json");
        assertEquals(Family.TIERS, back.problem().family());
        TiersProblem q = (TiersProblem) back.problem();
        assertEquals(p.link2(), q.link2());
        assertEquals(p.cloud(), q.cloud());
        assertEquals(p.weights(), q.weights());
        int[] t = new int[p.graph().size()];
        java.util.Arrays.fill(t, 1, t.length, 2);
        t[1] = 1;
        TierPlacement plan = new TierPlacement(t);
        assertEquals(p.evaluate(plan).objective(), q.evaluate(plan).objective(), 0);
    }

    @Test
    void errorsNameTheJsonPath() {
        assertTrue(error(r -> r.with("tiers").with("cloud").put("speed", 1))
                .startsWith("$.tiers.cloud.speed: unknown field; allowed here: flopsPerSecond"));
        assertTrue(error(r -> r.with("tiers").putObject("fog")).startsWith("$.tiers.fog: unknown field"));
        assertEquals("$.links: must hold exactly 2 links (device-edge, edge-cloud), got 1",
                error(r -> ((ArrayNode) r.get("links")).remove(1)));
        assertEquals("$.links[1].uplinkBitsPerSecond: must be a finite number > 0, got 0.0",
                error(r -> ((ObjectNode) r.get("links").get(1)).put("uplinkBitsPerSecond", 0)));
        assertEquals("$.tiers.cloud.flopsPerSecond: must be a finite number > 0, got -1.0",
                error(r -> r.with("tiers").with("cloud").put("flopsPerSecond", -1)));
        assertEquals("$.tiers: required object is missing", error(r -> r.remove("tiers")));
        assertTrue(error(r -> r.put("link", 1)).startsWith("$.link: unknown field"));
    }

    @Test
    void schemaNamesEveryFieldTheWriterEmits() throws Exception {
        JsonNode schema;
        try (InputStream in = InstanceJson.class.getResourceAsStream(InstanceJson.SCHEMA_RESOURCE)) {
            schema = Json.MAPPER.readTree(in);
        }
        boolean familyListed = false;
        for (JsonNode f : schema.at("/properties/family/enum")) {
            familyListed |= f.asText().equals("tiers");
        }
        assertTrue(familyListed);
        JsonNode then = null;
        for (JsonNode branch : schema.get("allOf")) {
            if (branch.at("/if/properties/family/const").asText().equals("tiers")) {
                then = branch.get("then");
            }
        }
        assertTrue(then != null, "no tiers branch");
        ObjectNode root = root();
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            assertTrue(then.get("properties").has(name), "$." + name + " is not in the tiers schema");
        }
        Iterator<String> tiers = root.get("tiers").fieldNames();
        while (tiers.hasNext()) {
            String name = tiers.next();
            assertTrue(then.at("/properties/tiers/properties").has(name), "$.tiers." + name + " is not in the schema");
        }
    }

    @Test
    void zooExportNamesItsSources() {
        Instance i = ZooTierInstances.of(Zoo.get("resnet18"), ZooInstances.View.LAYERS, "4g", "fiber", "rpi4", "cpu",
                "a100");
        TiersProblem p = (TiersProblem) i.problem();
        assertEquals(TierProfiles.wanProfile("fiber").link(), p.link2());
        assertEquals(1e9, p.link2().uplinkBitsPerSecond());
        assertTrue(i.metadata().get("cloudSource").asText().contains("A100"));
        assertTrue(i.metadata().get("wanSource").asText().startsWith("assumption"));
        Instance back = InstanceJson.read(InstanceJson.write(i), "z.json");
        assertEquals(p.graph().size(), ((TiersProblem) back.problem()).graph().size());
        assertThrows(IllegalArgumentException.class, () -> TierProfiles.wanProfile("carrier-pigeon"));
    }
}
