package org.cleave.instances.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.core.model.Placement;
import org.cleave.core.upload.MultiUserUploadCost;
import org.cleave.core.upload.MultiUserUploadPlan;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadUser;
import org.cleave.core.upload.UserAllocation;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;

class MultiUserUploadJsonTest {
    private static final UploadCodec CODEC = new UploadCodec();

    private static MultiUserUploadProblem problem(long seed) {
        UploadMode mode = UploadMode.values()[(int) (seed % UploadMode.values().length)];
        return RandomUploadInstances.multiUser(seed, 4, 6, 4, mode);
    }

    /** A random plan: a topological prefix of each user's layers on the device, units ≥ 1 for an offloading user. */
    private static MultiUserUploadPlan randomPlan(MultiUserUploadProblem p, SplittableRandom rng) {
        List<UserAllocation> a = new ArrayList<>();
        for (UploadUser u : p.users()) {
            int n = u.graph().size();
            int onDevice = 1 + rng.nextInt(n);
            Placement x = Placement.prefixOnDevice(n, onDevice);
            boolean offloads = onDevice < n;
            int kf = (offloads ? 1 : 0) + rng.nextInt(p.computeUnits());
            int kb = (offloads ? 1 : 0) + rng.nextInt(p.bandwidthUnits());
            a.add(new UserAllocation(x, kf, kb));
        }
        return new MultiUserUploadPlan(a);
    }

    @Test
    void instancesRoundTripLosslesslyInEveryMode() {
        for (long seed = 0; seed < 60; seed++) {
            MultiUserUploadProblem p = problem(seed);
            String text = InstanceJson.write(Instance.of("mu-p5-" + seed, p));
            MultiUserUploadProblem back = (MultiUserUploadProblem) InstanceJson.read(text, "test").problem();
            assertEquals(text, InstanceJson.write(Instance.of("mu-p5-" + seed, back)), "seed " + seed);
            assertEquals(p.mode(), back.mode(), "seed " + seed);
            assertEquals(p.weights(), back.weights(), "seed " + seed);
            assertEquals(p.uplinkBitsPerSecond(), back.uplinkBitsPerSecond(), 0, "seed " + seed);
            MultiUserUploadPlan plan = randomPlan(p, new SplittableRandom(seed));
            assertEquals(p.evaluate(plan).objective(), back.evaluate(plan).objective(), 0, "seed " + seed);
        }
    }

    @Test
    void plansRoundTripLosslesslyAndCarryTheirCost() {
        for (long seed = 0; seed < 200; seed++) {
            MultiUserUploadProblem p = problem(seed);
            SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
            MultiUserUploadPlan plan = randomPlan(p, rng);
            JsonNode written = CODEC.writePlan(p, plan);
            // through text, as solve --json writes it and evaluate reads it
            JsonNode reparsed = Json.parse(written.toString(), "plan");
            assertEquals(plan, CODEC.readPlan(p, reparsed, "plan"), "seed " + seed);
            MultiUserUploadCost cost = p.evaluate(plan);
            assertEquals(cost.objective(), written.at("/cost/objective").doubleValue(), 0, "seed " + seed);
            assertEquals(cost.computeUnitsUsed(), written.at("/cost/computeUnits").intValue(), "seed " + seed);
            for (int i = 0; i < p.users().size(); i++) {
                assertEquals(cost.users().get(i).latencySeconds(),
                        written.at("/users/" + i + "/cost/latencySeconds").doubleValue(), 0, "seed " + seed);
                assertEquals(p.users().get(i).id(), written.at("/users/" + i + "/id").asText());
            }
            // the cost member alone, as the codec writes it for a priced plan
            assertEquals(written.get("cost"), CODEC.writeCost(p, plan, cost));
            // a bare plan: per user an edge mask and the units, no ids, no cost
            ObjectNode bare = Json.MAPPER.createObjectNode();
            ArrayNode users = bare.putArray("users");
            for (UserAllocation a : plan.allocations()) {
                StringBuilder mask = new StringBuilder();
                for (int v = 0; v < a.placement().size(); v++) {
                    mask.append(a.placement().onEdge(v) ? '1' : '0');
                }
                users.addObject().put("edgeMask", mask.toString()).put("computeUnits", a.computeUnits())
                        .put("bandwidthUnits", a.bandwidthUnits());
            }
            assertEquals(plan, CODEC.readPlan(p, bare, "plan"), "seed " + seed);
        }
    }

    private static String planError(MultiUserUploadProblem p, String json) {
        return assertThrows(InvalidInstanceException.class,
                () -> CODEC.readPlan(p, Json.parse(json, "t"), "plans[3]")).getMessage();
    }

    @Test
    void malformedPlansAreNamedByPathAndValue() {
        MultiUserUploadProblem p = problem(5);
        int n = p.users().size();
        ObjectNode good = (ObjectNode) CODEC.writePlan(p, randomPlan(p, new SplittableRandom(1)));
        String m;

        ObjectNode negative = good.deepCopy();
        ((ObjectNode) negative.get("users").get(1)).put("computeUnits", -2);
        m = planError(p, negative.toString());
        assertEquals("plans[3].users[1].computeUnits: must be >= 0, got -2", m);

        ObjectNode fewer = good.deepCopy();
        ((ArrayNode) fewer.get("users")).remove(0);
        m = planError(p, fewer.toString());
        assertEquals("plans[3].users: " + (n - 1) + " entries, the instance has " + n + " users", m);

        ObjectNode wrongId = good.deepCopy();
        ((ObjectNode) wrongId.get("users").get(0)).put("id", "zz");
        m = planError(p, wrongId.toString());
        assertTrue(m.startsWith("plans[3].users[0].id: \"zz\" but user 0 of the instance is \"u0\""), m);

        ObjectNode unknownLayer = good.deepCopy();
        ObjectNode u0 = (ObjectNode) unknownLayer.get("users").get(0);
        u0.remove("deviceLayers");
        u0.putArray("edgeLayers").add("nope");
        m = planError(p, unknownLayer.toString());
        assertTrue(m.startsWith("plans[3].users[0].edgeLayers[0]") && m.contains("nope"), m);

        ObjectNode shortMask = Json.MAPPER.createObjectNode();
        ArrayNode users = shortMask.putArray("users");
        for (int i = 0; i < n; i++) {
            users.addObject().put("edgeMask", "0").put("computeUnits", 0).put("bandwidthUnits", 0);
        }
        int size = p.users().get(0).graph().size();
        m = planError(p, shortMask.toString());
        assertTrue(size == 1 || m.startsWith("plans[3].users[0].edgeMask") && m.contains("length 1"), m);

        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.get("users").get(1)).put("mode", "serial");
        m = planError(p, extra.toString());
        assertTrue(m.startsWith("plans[3].users[1].mode: unknown field of a plan"), m);

        ObjectNode noUnits = good.deepCopy();
        ((ObjectNode) noUnits.get("users").get(0)).remove("bandwidthUnits");
        m = planError(p, noUnits.toString());
        assertTrue(m.startsWith("plans[3].users[0].bandwidthUnits"), m);
    }

    @Test
    void singleAndMultiUserFieldsDoNotMix() {
        MultiUserUploadProblem p = problem(2);
        ObjectNode root = (ObjectNode) Json.parse(InstanceJson.write(Instance.of("mix", p)), "t");
        ObjectNode withModel = root.deepCopy();
        withModel.set("model", root.get("users").get(0).get("model"));
        String m = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read(withModel.toString(), "t")).getMessage();
        assertTrue(m.contains("$.model: a multi-user P5 instance (it has users) states model per user"), m);
        ObjectNode noUsers = root.deepCopy();
        noUsers.remove("users");
        m = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(noUsers.toString(), "t"))
                .getMessage();
        assertTrue(m.contains("$.computeUnits: only a multi-user P5 instance (with users) has computeUnits"), m);
        ObjectNode badUser = root.deepCopy();
        ((ObjectNode) badUser.get("users").get(1)).put("downlinkBitsPerSecond", -1);
        m = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(badUser.toString(), "t"))
                .getMessage();
        assertTrue(m.contains("$.users[1]") && m.contains("downlinkBitsPerSecond") && m.contains("-1"), m);
    }
}
