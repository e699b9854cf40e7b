package org.cleave.instances.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.exits.RandomTiersExitsInstances;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;

class TiersExitsCodecTest {
    /** A chain with exits and a latency bound (seed chosen so both are present). */
    private static TiersExitsProblem problem() {
        for (long seed = 1; ; seed++) {
            TiersExitsProblem p = RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.CHAIN, 8, 3);
            if (p.graph().exits().size() >= 2 && p.maxLatencySeconds().isPresent()) {
                return p;
            }
        }
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
    void roundTripsTheProblemAndItsPlans() throws Exception {
        TiersExitsProblem p = problem();
        Instance back = InstanceJson.read(InstanceJson.write(new Instance("t", "", p, null)), "t.json");
        assertEquals(Family.EXITS_TIERS, back.problem().family());
        TiersExitsProblem q = (TiersExitsProblem) back.problem();
        assertEquals(p, q);
        int[] t = new int[p.graph().size()];
        java.util.Arrays.fill(t, 1, t.length, 2);
        t[1] = 1;
        TierExitPlan plan = new TierExitPlan(List.of(p.graph().exits().get(0).id()), new TierPlacement(t));
        FamilyCodec codec = new TiersExitsCodec();
        JsonNode written = Json.MAPPER.readTree(codec.writePlan(p, plan).toString());
        assertEquals(plan, codec.readPlan(q, written, "$.plans[0]"));
        assertEquals(p.evaluate(plan).objective(), written.get("cost").get("objective").asDouble(), 0);
        assertEquals(p.evaluate(plan).feasible(), written.get("feasible").asBoolean());
    }

    @Test
    void errorsNameTheJsonPath() {
        assertTrue(error(r -> r.with("tiers").with("cloud").put("speed", 1))
                .startsWith("$.tiers.cloud.speed: unknown field; allowed here: flopsPerSecond"));
        assertEquals("$.links: must hold exactly 2 links (device-edge, edge-cloud), got 1",
                error(r -> ((ArrayNode) r.get("links")).remove(1)));
        assertTrue(error(r -> r.with("variant").put("kind", "rightSizing"))
                .startsWith("$.variant.kind: unknown variant \"rightSizing\" for family exits-tiers"));
        assertTrue(error(r -> r.with("variant").put("budget", 1)).startsWith("$.variant.budget: unknown field"));
        assertTrue(error(r -> r.put("finalAccuracy", 1.5)).startsWith("$.finalAccuracy"), error(r -> r.put(
                "finalAccuracy", 1.5)));
        assertTrue(error(r -> r.remove("finalAccuracy")).startsWith("$.finalAccuracy: required number is missing"));
        assertTrue(error(r -> r.put("link", 1)).startsWith("$.link: unknown field"));
        assertEquals("$.variant: required object is missing", error(r -> r.remove("variant")));
    }

    @Test
    void schemaNamesEveryFieldTheWriterEmits() throws Exception {
        JsonNode schema;
        try (InputStream in = InstanceJson.class.getResourceAsStream(InstanceJson.SCHEMA_RESOURCE)) {
            schema = Json.MAPPER.readTree(in);
        }
        boolean familyListed = false;
        for (JsonNode f : schema.at("/properties/family/enum")) {
            familyListed |= f.asText().equals("exits-tiers");
        }
        assertTrue(familyListed);
        JsonNode then = null;
        for (JsonNode branch : schema.get("allOf")) {
            if (branch.at("/if/properties/family/const").asText().equals("exits-tiers")) {
                then = branch.get("then");
            }
        }
        assertTrue(then != null, "no exits-tiers branch");
        ObjectNode root = root();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(then.get("properties").has(name), "$." + name + " is not in the exits-tiers schema");
        }
        for (Iterator<String> names = root.get("variant").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(then.at("/properties/variant/properties").has(name), "$.variant." + name + " not in schema");
        }
    }
}
