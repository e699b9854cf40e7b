package org.cleave.workflows.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cleave.instances.Examples;
import org.cleave.instances.io.InstanceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static JsonNode call(Server server, String line) {
        String response = server.handle(line);
        assertFalse(response.contains("\n"), "one line: " + response);
        try {
            return JSON.readTree(response);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response, e);
        }
    }

    private static JsonNode ok(Server server, String line) {
        JsonNode r = call(server, line);
        assertTrue(r.get("ok").asBoolean(), line + " -> " + r);
        return r.get("result");
    }

    private static JsonNode error(Server server, String line, String code) {
        JsonNode r = call(server, line);
        assertFalse(r.get("ok").asBoolean(), line + " -> " + r);
        assertEquals(code, r.get("error").get("code").asText(), line + " -> " + r);
        String message = r.get("error").get("message").asText();
        assertFalse(message.isBlank() || message.contains("\n"), message);
        return r;
    }

    private static String message(JsonNode errorResponse) {
        return errorResponse.get("error").get("message").asText();
    }

    private static Server server() {
        return new Server(Server.MAX_REQUEST_BYTES, QUIET);
    }

    private static String loadResnet50(Server s) {
        return ok(s, "{\"id\":1,\"op\":\"load\",\"zoo\":{\"model\":\"resnet50\"}}").get("handle").asText();
    }

    @Test
    void pingAndHelloGiveTheProtocolVersion() {
        Server s = server();
        for (String op : List.of("ping", "hello")) {
            JsonNode r = ok(s, "{\"id\":7,\"op\":\"" + op + "\"}");
            assertEquals(1, r.get("protocolVersion").asInt());
            assertEquals(Server.MAX_REQUEST_BYTES, r.get("maxRequestBytes").asInt());
        }
    }

    @Test
    void loadsFromEverySourceAndDescribes() throws IOException {
        Server s = server();
        String instance = InstanceJson.write(Examples.load("resnet18-two-stages"));
        Path file = dir.resolve("x.json");
        Files.writeString(file, instance);
        JsonNode a = ok(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"b-alexnet\",\"family\":\"exits\",\"network\":\"wifi\"}}");
        JsonNode b = ok(s, "{\"op\":\"load\",\"instance\":" + JSON.readTree(instance) + "}");
        JsonNode c = ok(s, "{\"op\":\"load\",\"path\":" + JSON.writeValueAsString(file.toString()) + "}");
        JsonNode d = ok(s, "{\"op\":\"load\",\"multiuser\":{\"users\":3,\"units\":4,\"seed\":5}}");
        assertEquals(List.of("h1", "h2", "h3", "h4"), List.of(a.get("handle").asText(), b.get("handle").asText(),
                c.get("handle").asText(), d.get("handle").asText()));
        assertEquals("exits", a.get("family").asText());
        assertEquals("resnet18-two-stages", c.get("name").asText());

        JsonNode p2 = ok(s, "{\"op\":\"describe\",\"handle\":\"h1\"}");
        assertEquals(1, p2.get("protocolVersion").asInt());
        assertEquals("minCost", p2.get("variant").asText());
        assertTrue(p2.get("exits").size() > 0);
        assertEquals(p2.get("cutVertices").get(0).asText(), p2.get("layers").get(0).get("id").asText());
        assertEquals("mincut", p2.get("defaultSolver").asText());
        assertTrue(p2.get("state").has("accuracyFloor"));
        JsonNode p4 = ok(s, "{\"op\":\"describe\",\"handle\":\"h4\"}");
        assertEquals(3, p4.get("users").size());
        assertEquals(4, p4.get("computeUnits").asInt());
        assertEquals(3, p4.get("state").get("userUplinkBitsPerSecond").size());
        assertFalse(p4.has("layers"));
    }

    @Test
    void loadErrorsNameTheField() {
        Server s = server();
        assertTrue(message(error(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"nope\"}}", "invalid_input"))
                .startsWith("zoo.model: unknown \"nope\"; known: "));
        error(s, "{\"op\":\"load\",\"zoo\":{\"model\":3}}", "bad_request");
        error(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"resnet50\",\"colour\":\"red\"}}", "bad_request");
        error(s, "{\"op\":\"load\"}", "bad_request");
        error(s, "{\"op\":\"load\",\"path\":\"a.json\",\"zoo\":{\"model\":\"resnet50\"}}", "bad_request");
        assertEquals("path: no-such-file.json: no such file", message(error(s,
                "{\"op\":\"load\",\"path\":\"no-such-file.json\"}", "invalid_input")));
        assertTrue(message(error(s, "{\"op\":\"load\",\"instance\":{\"family\":\"partition\"}}", "invalid_input"))
                .startsWith("instance.schemaVersion: "));
        error(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"b-alexnet\",\"family\":\"throughput\"}}", "unsupported");
        assertTrue(message(error(s, "{\"op\":\"load\",\"multiuser\":{\"users\":0,\"units\":4}}", "invalid_input"))
                .startsWith("multiuser"));
        assertEquals(0, s.handles().size(), "nothing was loaded");
    }

    @Test
    void setChangesTheStateAndNamesRefusedFields() {
        Server s = server();
        String h = loadResnet50(s);
        JsonNode state = ok(s, "{\"op\":\"set\",\"handle\":\"" + h + "\",\"state\":{\"uplinkBitsPerSecond\":8e6,"
                + "\"deviceLoad\":0.3,\"weights\":{\"latency\":1,\"energy\":0.5}}}").get("state");
        assertEquals(8e6, state.get("uplinkBitsPerSecond").asDouble());
        assertEquals(0.3, state.get("deviceLoad").asDouble());
        assertEquals(0.5, state.get("weights").get("energy").asDouble());
        assertTrue(message(error(s, "{\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"accuracyFloor\":0.5}}",
                "invalid_input")).startsWith("state.accuracyFloor: family partition has no such state field; it has "));
        assertEquals("state.deviceLoad: must be a number in [0, 1), got 1.5", message(error(s,
                "{\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"deviceLoad\":1.5}}", "invalid_input")));
        assertEquals("state.deviceLoad: must be a number, got a string \"x\"", message(error(s,
                "{\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"deviceLoad\":\"x\"}}", "bad_request")));
        assertEquals("state.uplinkBitsPerSecond: must be finite, got NaN", message(error(s,
                "{\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"uplinkBitsPerSecond\":NaN}}", "invalid_input")));
        error(s, "{\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"weights\":{\"latency\":1}}}", "bad_request");
        error(s, "{\"op\":\"set\",\"handle\":\"h1\",\"state\":[1]}", "bad_request");
        error(s, "{\"op\":\"set\",\"handle\":\"h1\"}", "bad_request");
        JsonNode after = ok(s, "{\"op\":\"describe\",\"handle\":\"h1\"}").get("state");
        assertEquals(state, after, "refused updates change nothing");
    }

    @Test
    void solveReportsAVerifiedPlanInBothForms() {
        Server s = server();
        String h = loadResnet50(s);
        JsonNode d = ok(s, "{\"op\":\"solve\",\"handle\":\"" + h + "\"}");
        assertEquals("mincut", d.get("solver").asText());
        assertEquals("OPTIMAL", d.get("status").asText());
        assertTrue(d.get("verified").asBoolean());
        assertEquals(d.get("objective").asDouble(), d.get("plan").get("cost").get("objective").asDouble());
        JsonNode warm = ok(s, "{\"op\":\"solve\",\"handle\":\"h1\",\"solver\":\"mincut-compiled\",\"timeLimitSeconds\":5,"
                + "\"seed\":3,\"threads\":1}");
        assertEquals(d.get("action"), warm.get("action"));
        JsonNode topo = ok(s, "{\"op\":\"solve\",\"handle\":\"h1\",\"solver\":\"topo-cut\"}");
        assertTrue(topo.get("objective").asDouble() >= d.get("objective").asDouble() - 1e-12);
        assertTrue(message(error(s, "{\"op\":\"solve\",\"handle\":\"h1\",\"solver\":\"nope\"}", "invalid_input"))
                .startsWith("solver: \"nope\" is no solver of family partition; known: "));
        assertEquals("timeLimitSeconds: must be > 0 and at most 1e9, got -1.0", message(error(s,
                "{\"op\":\"solve\",\"handle\":\"h1\",\"timeLimitSeconds\":-1}", "invalid_input")));
        error(s, "{\"op\":\"solve\",\"handle\":\"h1\",\"seed\":1.5}", "bad_request");
        error(s, "{\"op\":\"solve\",\"handle\":\"h1\",\"threads\":0}", "invalid_input");
    }

    @Test
    void anRlStepIsOneRequestAndTheOptimalActionHasZeroRegret() {
        Server s = server();
        String h = loadResnet50(s);
        Random rnd = new Random(18_010);
        for (int k = 0; k < 50; k++) {
            double up = Math.pow(10, 5 + 4 * rnd.nextDouble());
            double load = 0.9 * rnd.nextDouble();
            String state = "\"state\":{\"uplinkBitsPerSecond\":" + up + ",\"deviceLoad\":" + load + "}";
            int cut = rnd.nextInt(10);
            JsonNode step = ok(s, "{\"id\":" + k + ",\"op\":\"evaluate\",\"handle\":\"" + h + "\",\"action\":{\"cut\":"
                    + cut + "}," + state + ",\"withOptimum\":true}");
            String what = "seed 18010, step " + k + ": " + step.get("optimum");
            assertTrue(step.get("regret").asDouble() >= 0, what);
            assertEquals(cut, step.get("action").get("cut").asInt());
            assertTrue(step.get("optimum").get("verified").asBoolean(), what);
            JsonNode best = step.get("optimum").get("action");
            JsonNode again = ok(s, "{\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":" + best
                    + ",\"withOptimum\":true}");
            assertEquals(0.0, again.get("regret").asDouble(), what);
            assertEquals(step.get("optimum").get("objective").asDouble(), again.get("objective").asDouble(), what);
            ObjectNode maskOnly = JSON.createObjectNode();
            maskOnly.set("edgeMask", best.get("edgeMask"));
            JsonNode byMask = ok(s, "{\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":" + maskOnly + "}");
            assertEquals(again.get("objective"), byMask.get("objective"), what);
            assertEquals(best, byMask.get("action"), "the canonical form names the cut when there is one");
            assertFalse(byMask.has("optimum"));
        }
        JsonNode opt = ok(s, "{\"op\":\"optimum\",\"handle\":\"h1\"}");
        assertTrue(opt.get("cached").asBoolean(), "the last evaluate computed it");
        ok(s, "{\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"uplinkBitsPerSecond\":1e6}}");
        assertFalse(ok(s, "{\"op\":\"optimum\",\"handle\":\"h1\"}").get("cached").asBoolean());
        assertTrue(ok(s, "{\"op\":\"optimum\",\"handle\":\"h1\"}").get("cached").asBoolean());
    }

    @Test
    void p2AndP4StepsHaveZeroRegretAtTheOptimum() {
        Server s = server();
        ok(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"b-alexnet\",\"family\":\"exits\"}}");
        ok(s, "{\"op\":\"load\",\"multiuser\":{\"users\":5,\"units\":6}}");
        JsonNode p2 = ok(s, "{\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":0,\"exits\":[]},"
                + "\"state\":{\"accuracyFloor\":0.5,\"uplinkBitsPerSecond\":2e6},\"withOptimum\":true}");
        JsonNode best2 = p2.get("optimum").get("action");
        assertTrue(best2.has("exits"));
        assertEquals(0.0, ok(s, "{\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":" + best2
                + ",\"withOptimum\":true}").get("regret").asDouble());
        JsonNode p4 = ok(s, "{\"op\":\"evaluate\",\"handle\":\"h2\",\"action\":{\"options\":[0,0,0,0,0],"
                + "\"computeUnits\":[0,0,0,0,0],\"bandwidthUnits\":[0,0,0,0,0]},\"state\":{\"userUplinkBitsPerSecond\":"
                + "[1e6,2e6,3e6,4e6,5e6]},\"withOptimum\":true}");
        JsonNode best4 = p4.get("optimum").get("action");
        assertEquals(5, best4.get("options").size());
        assertEquals(0.0, ok(s, "{\"op\":\"evaluate\",\"handle\":\"h2\",\"action\":" + best4
                + ",\"withOptimum\":true}").get("regret").asDouble());
        // an infeasible action is priced, with its violations
        JsonNode tooMany = ok(s, "{\"op\":\"evaluate\",\"handle\":\"h2\",\"action\":{\"options\":[0,0,0,0,0],"
                + "\"computeUnits\":[9,9,9,9,9],\"bandwidthUnits\":[0,0,0,0,0]}}");
        assertFalse(tooMany.get("feasible").asBoolean());
        assertTrue(tooMany.get("violations").size() > 0);
    }

    @Test
    void fullPlansAsSolveWritesThemAreActionsToo() {
        Server s = server();
        loadResnet50(s);
        ok(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"b-alexnet\",\"family\":\"exits\"}}");
        ok(s, "{\"op\":\"load\",\"multiuser\":{\"users\":4,\"units\":4}}");
        for (String h : List.of("h1", "h2", "h3")) {
            JsonNode topo = ok(s, "{\"op\":\"solve\",\"handle\":\"" + h + "\",\"solver\":\""
                    + (h.equals("h3") ? "greedy" : h.equals("h2") ? "inverse-search" : "topo-cut") + "\"}");
            JsonNode priced = ok(s, "{\"op\":\"evaluate\",\"handle\":\"" + h + "\",\"action\":" + topo.get("plan")
                    + ",\"withOptimum\":true}");
            assertEquals(topo.get("objective"), priced.get("objective"), h);
            assertEquals(topo.get("action"), priced.get("action"), h);
            assertTrue(priced.get("regret").asDouble() >= 0, h);
        }
        assertTrue(message(error(s, "{\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"edgeLayers\":[\"nope\"]}}",
                "invalid_input")).startsWith("action.edgeLayers[0]: unknown layer id \"nope\""));
    }

    @Test
    void badActionsNameThePath() {
        Server s = server();
        String h = loadResnet50(s);
        String pre = "{\"op\":\"evaluate\",\"handle\":\"" + h + "\",\"action\":";
        assertTrue(message(error(s, pre + "{\"cut\":1000}}", "invalid_input")).startsWith("action.cut: must be in 0.."));
        assertTrue(message(error(s, pre + "{\"edgeMask\":[0,1]}}", "invalid_input"))
                .startsWith("action.edgeMask: length 2, expected "));
        error(s, pre + "{\"cut\":\"x\"}}", "bad_request");
        error(s, pre + "{\"cut\":1.5}}", "bad_request");
        assertTrue(message(error(s, pre + "{\"exits\":[]}}", "invalid_input")).startsWith("action.exits: unknown field"));
        error(s, pre + "{}}", "bad_request");
        error(s, pre + "[0]}", "bad_request");
        error(s, "{\"op\":\"evaluate\",\"handle\":\"h1\"}", "bad_request");
        error(s, pre + "{\"cut\":1},\"withOptimum\":1}", "bad_request");
        JsonNode d = ok(s, "{\"op\":\"describe\",\"handle\":\"h1\"}");
        int n = d.get("layers").size();
        StringBuilder mask = new StringBuilder("[1");
        for (int v = 1; v < n; v++) {
            mask.append(",1");
        }
        assertTrue(message(error(s, pre + "{\"edgeMask\":" + mask + "]}}", "invalid_input")).startsWith("action: "));
        mask = new StringBuilder("[0");
        for (int v = 1; v < n; v++) {
            mask.append(v == 1 ? ",1" : ",0");
        }
        error(s, pre + "{\"edgeMask\":" + mask + "]}}", "invalid_input");
    }

    @Test
    void mapGivesPiecesAndRefusesP4() {
        Server s = server();
        loadResnet50(s);
        ok(s, "{\"op\":\"load\",\"multiuser\":{\"users\":2,\"units\":2}}");
        ok(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"b-alexnet\",\"family\":\"exits\"}}");
        JsonNode m = ok(s, "{\"op\":\"map\",\"handle\":\"h1\",\"fromBitsPerSecond\":1e5,\"toBitsPerSecond\":1e10}");
        JsonNode pieces = m.get("pieces");
        assertTrue(pieces.size() >= 2);
        assertEquals(1e5, pieces.get(0).get("fromBitsPerSecond").asDouble());
        assertEquals(1e10, pieces.get(pieces.size() - 1).get("toBitsPerSecond").asDouble());
        for (int k = 1; k < pieces.size(); k++) {
            assertEquals(pieces.get(k - 1).get("toBitsPerSecond"), pieces.get(k).get("fromBitsPerSecond"));
        }
        error(s, "{\"op\":\"map\",\"handle\":\"h2\",\"fromBitsPerSecond\":1e5,\"toBitsPerSecond\":1e10}", "unsupported");
        assertTrue(message(error(s, "{\"op\":\"map\",\"handle\":\"h1\",\"fromBitsPerSecond\":1e6,\"toBitsPerSecond\":1e5}",
                "invalid_input")).startsWith("toBitsPerSecond: "));
        error(s, "{\"op\":\"map\",\"handle\":\"h1\",\"fromBitsPerSecond\":1e6}", "bad_request");
        assertTrue(ok(s, "{\"op\":\"map\",\"handle\":\"h3\",\"fromBitsPerSecond\":1e5,\"toBitsPerSecond\":1e9,"
                + "\"exits\":[]}").get("pieces").size() >= 1);
        assertTrue(ok(s, "{\"op\":\"map\",\"handle\":\"h3\",\"fromBitsPerSecond\":1e5,\"toBitsPerSecond\":1e9,"
                + "\"exits\":\"best\"}").get("pieces").size() >= 1);
        error(s, "{\"op\":\"map\",\"handle\":\"h3\",\"fromBitsPerSecond\":1e5,\"toBitsPerSecond\":1e9,"
                + "\"exits\":[\"nope\"]}", "invalid_input");
    }

    @Test
    void envelopeErrorsAndIds() {
        Server s = server();
        assertTrue(call(s, "{\"id\":1,\"op\":").get("id").isNull());
        error(s, "{\"id\":1,\"op\":", "parse_error");
        error(s, "", "parse_error");
        error(s, "   ", "parse_error");
        error(s, "{\"op\":\"ping\"} trailing", "parse_error");
        error(s, "[1,2]", "bad_request");
        error(s, "\"ping\"", "bad_request");
        error(s, "{\"id\":2}", "bad_request");
        error(s, "{\"id\":2,\"op\":7}", "bad_request");
        assertTrue(call(s, "{\"id\":{\"a\":1},\"op\":\"ping\"}").get("id").isNull());
        error(s, "{\"id\":[1],\"op\":\"ping\"}", "bad_request");
        error(s, "{\"id\":3,\"op\":\"ping\",\"extra\":1}", "bad_request");
        assertEquals(3, error(s, "{\"id\":3,\"op\":\"fly\"}", "unknown_op").get("id").asInt());
        assertEquals("zz", error(s, "{\"id\":\"zz\",\"op\":\"describe\",\"handle\":\"h9\"}", "unknown_handle")
                .get("id").asText());
        error(s, "{\"op\":\"describe\"}", "bad_request");
        error(s, "{\"op\":\"describe\",\"handle\":9}", "bad_request");
        assertEquals("abc", call(s, "{\"id\":\"abc\",\"op\":\"ping\"}").get("id").asText());
        assertEquals(1.5, call(s, "{\"id\":1.5,\"op\":\"ping\"}").get("id").asDouble());
        assertEquals("123456789012345678901234567890",
                call(s, "{\"id\":123456789012345678901234567890,\"op\":\"ping\"}").get("id").bigIntegerValue().toString());
        assertTrue(call(s, "{\"id\":null,\"op\":\"ping\"}").get("id").isNull());
        assertTrue(call(s, "{\"op\":\"ping\"}").get("id").isNull());
        Server small = new Server(64, QUIET);
        error(small, "{\"op\":\"ping\",\"pad\":\"" + "x".repeat(100) + "\"}", "too_large");
        ok(small, "{\"op\":\"ping\"}");
    }

    @Test
    void closeOneOrAll() {
        Server s = server();
        loadResnet50(s);
        ok(s, "{\"op\":\"load\",\"multiuser\":{\"users\":2,\"units\":2}}");
        assertEquals("h1", ok(s, "{\"op\":\"close\",\"handle\":\"h1\"}").get("closed").get(0).asText());
        error(s, "{\"op\":\"describe\",\"handle\":\"h1\"}", "unknown_handle");
        error(s, "{\"op\":\"close\",\"handle\":\"h1\"}", "unknown_handle");
        assertFalse(s.closed());
        assertEquals("h2", ok(s, "{\"op\":\"close\"}").get("closed").get(0).asText());
        assertTrue(s.closed());
        assertEquals(List.of(), s.handles());
    }

    @Test
    void refusesMoreThanTheHandleLimit() throws IOException {
        Server s = server();
        String instance = "{\"op\":\"load\",\"instance\":" + JSON.readTree(InstanceJson.write(
                Examples.load("resnet18-two-stages"))) + "}";
        for (int k = 0; k < Server.MAX_HANDLES; k++) {
            ok(s, instance);
        }
        error(s, instance, "limit");
        ok(s, "{\"op\":\"close\",\"handle\":\"h1\"}");
        assertEquals("h" + (Server.MAX_HANDLES + 1), ok(s, instance).get("handle").asText(), "never reused");
    }

    private static List<JsonNode> serve(Server s, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, s.serve(new ByteArrayInputStream(input), out));
        List<JsonNode> responses = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                responses.add(JSON.readTree(line));
            }
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("\n") || out.size() == 0);
        return responses;
    }

    @Test
    void servesLinesUntilEndOfInput() throws IOException {
        String in = "{\"id\":1,\"op\":\"ping\"}\r\n\n{\"id\":2,\"op\":\"ping\",\"pad\":\"" + "y".repeat(300)
                + "\"}\n{\"id\":3,\"op\":\"ping\"}";
        List<JsonNode> r = serve(new Server(200, QUIET), in.getBytes(StandardCharsets.UTF_8));
        assertEquals(4, r.size());
        assertEquals(1, r.get(0).get("id").asInt());
        assertTrue(r.get(0).get("ok").asBoolean(), "CRLF accepted");
        assertEquals("parse_error", r.get(1).get("error").get("code").asText());
        assertEquals("too_large", r.get(2).get("error").get("code").asText());
        assertEquals(3, r.get(3).get("id").asInt(), "a last line without line feed is answered");
    }

    /** {@code node} without its {@code wallSeconds} fields (the only part of a response that differs between runs). */
    private static JsonNode withoutWallTimes(JsonNode node) {
        JsonNode copy = node.deepCopy();
        List<JsonNode> stack = new ArrayList<>(List.of(copy));
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            if (n.isObject()) {
                ((ObjectNode) n).remove("wallSeconds");
            }
            n.forEach(stack::add);
        }
        return copy;
    }

    @Test
    void aBatchAnswersEachRequestAsItsOwnLineWould() {
        Server alone = server();
        Server batched = server();
        String h = loadResnet50(alone);
        assertEquals(h, loadResnet50(batched));
        Random rnd = new Random(18_020);
        List<String> requests = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            double up = Math.pow(10, 5 + 4 * rnd.nextDouble());
            double load = 0.9 * rnd.nextDouble();
            requests.add("{\"id\":\"e" + k + "\",\"op\":\"evaluate\",\"handle\":\"" + h + "\",\"action\":{\"cut\":"
                    + rnd.nextInt(12) + "},\"plan\":false}");
            requests.add("{\"id\":" + k + ",\"op\":\"set\",\"handle\":\"" + h + "\",\"state\":{\"uplinkBitsPerSecond\":"
                    + up + ",\"deviceLoad\":" + load + "}}");
            requests.add("{\"op\":\"optimum\",\"handle\":\"" + h + "\",\"plan\":" + (k % 2 == 0) + "}");
        }
        requests.add("{\"id\":7,\"op\":\"evaluate\",\"handle\":\"" + h + "\",\"action\":{\"cut\":999}}");
        requests.add("{\"id\":8,\"op\":\"nope\"}");
        requests.add("{\"id\":9,\"op\":\"set\",\"handle\":\"h77\",\"state\":{}}");
        requests.add("[1,2]");
        requests.add("{\"id\":10,\"op\":\"ping\"}");
        List<JsonNode> expected = new ArrayList<>();
        for (String r : requests) {
            expected.add(withoutWallTimes(call(alone, r)));
        }
        JsonNode response = call(batched, "{\"id\":\"b\",\"op\":\"batch\",\"requests\":[" + String.join(",", requests)
                + "]}");
        assertEquals("b", response.get("id").asText());
        assertTrue(response.get("ok").asBoolean(), response.toString());
        JsonNode responses = response.get("result").get("responses");
        assertEquals(requests.size(), responses.size());
        for (int k = 0; k < requests.size(); k++) {
            assertEquals(expected.get(k), withoutWallTimes(responses.get(k)), "seed 18020, request " + k + ": "
                    + requests.get(k));
        }
        assertFalse(responses.get(requests.size() - 5).get("ok").asBoolean(), "an error answers its request only");
        assertTrue(responses.get(requests.size() - 1).get("ok").asBoolean());
    }

    @Test
    void malformedBatchesAreRefusedAndServingGoesOn() {
        Server s = server();
        assertTrue(message(error(s, "{\"id\":1,\"op\":\"batch\"}", "bad_request")).startsWith("requests: must be an array"));
        assertTrue(message(error(s, "{\"id\":2,\"op\":\"batch\",\"requests\":{\"op\":\"ping\"}}", "bad_request"))
                .contains("got an object"), "names the type");
        error(s, "{\"id\":3,\"op\":\"batch\",\"requests\":[],\"extra\":1}", "bad_request");
        assertEquals(0, ok(s, "{\"op\":\"batch\",\"requests\":[]}").get("responses").size());
        String many = "{\"op\":\"ping\"},".repeat(Server.MAX_BATCH_REQUESTS) + "{\"op\":\"ping\"}";
        assertEquals("requests: " + (Server.MAX_BATCH_REQUESTS + 1) + " requests, at most "
                + Server.MAX_BATCH_REQUESTS + " in one batch",
                message(error(s, "{\"id\":4,\"op\":\"batch\",\"requests\":[" + many + "]}", "limit")));
        JsonNode mixed = ok(s, "{\"op\":\"batch\",\"requests\":[{\"id\":1,\"op\":\"batch\",\"requests\":[]},"
                + "\"ping\",null,{\"id\":[1],\"op\":\"ping\"},{\"id\":5,\"op\":\"ping\",\"x\":1},{\"id\":6,\"op\":\"ping\"}]}")
                .get("responses");
        assertEquals(6, mixed.size());
        assertEquals("op: batch cannot be nested in a batch", mixed.get(0).get("error").get("message").asText());
        assertEquals(1, mixed.get(0).get("id").asInt(), "a nested batch's id is still answered");
        for (int k = 1; k < 5; k++) {
            assertEquals("bad_request", mixed.get(k).get("error").get("code").asText(), mixed.get(k).toString());
        }
        assertTrue(mixed.get(1).get("id").isNull());
        assertTrue(mixed.get(5).get("ok").asBoolean());
        error(s, "{\"op\":\"batch\",\"requests\":[{\"op\":\"ping\"}", "parse_error");
        assertEquals(1, ok(s, "{\"op\":\"ping\"}").get("protocolVersion").asInt(), "still serving");
    }

    @Test
    void pipelinedLinesAreFlushedTogetherAndEveryResponseBeforeTheNextRead() throws IOException {
        // all three lines in one read: their responses leave in one flush (plus the final one at end of input)
        int[] flushes = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.io.OutputStream counting = new java.io.FilterOutputStream(bytes) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                flushes[0]++;
                super.flush();
            }
        };
        String three = "{\"id\":1,\"op\":\"ping\"}\n{\"id\":2,\"op\":\"ping\"}\n{\"id\":3,\"op\":\"ping\"}\n";
        server().serve(new ByteArrayInputStream(three.getBytes(StandardCharsets.UTF_8)), counting);
        assertEquals(3, bytes.toString(StandardCharsets.UTF_8).split("\n").length);
        assertEquals(2, flushes[0], "one flush for the chunk, one at end of input");

        // one line per read: before each read, every earlier request has its response flushed
        ByteArrayOutputStream flushed = new ByteArrayOutputStream();
        ByteArrayOutputStream buffered = new ByteArrayOutputStream();
        java.io.OutputStream lazy = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                buffered.write(b);
            }

            @Override
            public void flush() {
                flushed.writeBytes(buffered.toByteArray());
                buffered.reset();
            }
        };
        byte[][] lines = {"{\"id\":1,\"op\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8),
                "{\"id\":2,\"op\":\"ping\"}\n{\"id\":3,".getBytes(StandardCharsets.UTF_8),
                "\"op\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8)};
        int[] answeredBefore = {0, 1, 2, 3};
        InputStream oneAtATime = new InputStream() {
            int next;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long seen = flushed.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
                assertEquals(answeredBefore[next], seen, "responses flushed before read " + next);
                if (next == lines.length) {
                    return -1;
                }
                byte[] l = lines[next++];
                System.arraycopy(l, 0, b, off, l.length);
                return l.length;
            }
        };
        server().serve(oneAtATime, lazy);
        assertEquals(3, flushed.toString(StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    void closeAllStopsReading() throws IOException {
        String in = "{\"id\":1,\"op\":\"ping\"}\n{\"id\":2,\"op\":\"close\"}\n{\"id\":3,\"op\":\"ping\"}\n";
        Server s = server();
        List<JsonNode> r = serve(s, in.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, r.size());
        assertTrue(s.closed());
    }

    @Test
    void aLineOverSixteenMebibytesIsRefusedWithoutHoldingIt() throws IOException {
        byte[] head = "{\"id\":1,\"op\":\"ping\",\"pad\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}\n{\"id\":2,\"op\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8);
        long padding = Server.MAX_REQUEST_BYTES + 1L;
        InputStream in = new InputStream() {
            private long pos;

            @Override
            public int read() {
                long total = head.length + padding + tail.length;
                if (pos >= total) {
                    return -1;
                }
                long p = pos++;
                if (p < head.length) {
                    return head[(int) p];
                }
                if (p < head.length + padding) {
                    return 'z';
                }
                return tail[(int) (p - head.length - padding)];
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, server().serve(in, out));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        JsonNode refused = JSON.readTree(lines[0]);
        assertEquals("too_large", refused.get("error").get("code").asText());
        assertTrue(refused.get("id").isNull());
        assertTrue(JSON.readTree(lines[1]).get("ok").asBoolean());
    }

    /** A seeded stream of malformed requests of every kind, each answered by an error, then a valid one. */
    @Test
    void tenThousandMalformedRequestsAreEachAnsweredAndServingGoesOn() throws IOException {
        long seed = 18_000;
        Random rnd = new Random(seed);
        int limit = 64 * 1024;
        Server s = new Server(limit, QUIET);
        ok(s, "{\"op\":\"load\",\"zoo\":{\"model\":\"resnet18\"}}");
        ok(s, "{\"op\":\"load\",\"multiuser\":{\"users\":3,\"units\":4}}");
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        List<String> expectedIds = new ArrayList<>();
        String[] valid = {
            "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":2},\"withOptimum\":true}",
            "{\"id\":%d,\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"uplinkBitsPerSecond\":1e6}}",
            "{\"id\":%d,\"op\":\"load\",\"zoo\":{\"model\":\"resnet18\"}}",
        };
        String[] wrong = {
            "{\"id\":%d,\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"uplinkBitsPerSecond\":\"fast\"}}",
            "{\"id\":%d,\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"deviceLoad\":[0.1]}}",
            "{\"id\":%d,\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"deviceLoad\":-0.5}}",
            "{\"id\":%d,\"op\":\"set\",\"handle\":\"h1\",\"state\":{\"accuracyFloor\":0.5}}",
            "{\"id\":%d,\"op\":\"set\",\"handle\":\"h2\",\"state\":{\"userUplinkBitsPerSecond\":[1,2]}}",
            "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":\"two\"}}",
            "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":-1}}",
            "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"edgeMask\":true}}",
            "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h2\",\"action\":{\"options\":[0]}}",
            "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h2\",\"action\":{\"options\":[0,0,99],"
                    + "\"computeUnits\":[0,0,0],\"bandwidthUnits\":[0,0,0]}}",
            "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":1},\"withOptimum\":\"yes\"}",
            "{\"id\":%d,\"op\":\"load\",\"zoo\":5}",
            "{\"id\":%d,\"op\":\"load\",\"zoo\":{\"model\":\"resnet18\",\"view\":\"rows\"}}",
            "{\"id\":%d,\"op\":\"load\",\"multiuser\":{\"users\":\"many\",\"units\":4}}",
            "{\"id\":%d,\"op\":\"solve\",\"handle\":\"h1\",\"solver\":false}",
            "{\"id\":%d,\"op\":\"solve\",\"handle\":\"h1\",\"timeLimitSeconds\":\"10s\"}",
            "{\"id\":%d,\"op\":\"map\",\"handle\":\"h2\",\"fromBitsPerSecond\":1,\"toBitsPerSecond\":2}",
            "{\"id\":%d,\"op\":\"map\",\"handle\":\"h1\",\"fromBitsPerSecond\":\"low\",\"toBitsPerSecond\":2}",
            "{\"id\":%d,\"op\":\"close\",\"handle\":[\"h1\"]}",
            "{\"id\":%d,\"op\":\"describe\",\"handle\":\"h1\",\"verbose\":true}",
            "{\"id\":%d,\"op\":null}",
            "{\"id\":%d}",
        };
        int huge = 0;
        for (int k = 0; k < 10_000; k++) {
            int kind = rnd.nextInt(100);
            String line;
            String id = null;
            if (kind < 15) { // truncated JSON
                String v = String.format(valid[rnd.nextInt(valid.length)], k);
                line = v.substring(0, rnd.nextInt(v.length() - 1));
            } else if (kind < 45) { // wrong types and bad values
                line = String.format(wrong[rnd.nextInt(wrong.length)], k);
                id = String.valueOf(k);
            } else if (kind < 55) { // unknown ops
                line = "{\"id\":" + k + ",\"op\":\"op" + Long.toHexString(rnd.nextLong()) + "\"}";
                id = String.valueOf(k);
            } else if (kind < 65) { // unknown handles
                line = "{\"id\":" + k + ",\"op\":\"" + List.of("describe", "set", "optimum", "close").get(rnd.nextInt(4))
                        + "\",\"handle\":\"h" + (3 + rnd.nextInt(1000)) + "\",\"state\":{}}";
                line = line.replace(",\"state\":{}", line.contains("\"set\"") ? ",\"state\":{}" : "");
                id = String.valueOf(k);
            } else if (kind < 67) { // huge payloads over the limit
                line = "{\"id\":" + k + ",\"op\":\"ping\",\"pad\":\"" + "p".repeat(limit + rnd.nextInt(3 * limit)) + "\"}";
                huge++;
            } else if (kind < 85) { // binary garbage (no line feed)
                byte[] b = new byte[1 + rnd.nextInt(200)];
                rnd.nextBytes(b);
                for (int i = 0; i < b.length; i++) {
                    if (b[i] == '\n') {
                        b[i] = 0;
                    }
                }
                if (b[0] == '{' || b[0] == '[') {
                    b[0] = (byte) 0xff; // so that it is not accidentally a request
                }
                in.write(b);
                in.write('\n');
                expectedIds.add(null);
                continue;
            } else { // empty and blank lines
                line = " ".repeat(rnd.nextInt(3)) + (rnd.nextBoolean() ? "\t" : "");
            }
            in.write(line.getBytes(StandardCharsets.UTF_8));
            in.write('\n');
            expectedIds.add(id);
        }
        in.write("{\"id\":\"last\",\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":1},\"withOptimum\":true}\n"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(huge > 50, "the generator made huge payloads");
        List<JsonNode> responses = serve(s, in.toByteArray());
        assertEquals(10_001, responses.size(), "seed " + seed + ": one response per line");
        for (int k = 0; k < 10_000; k++) {
            JsonNode r = responses.get(k);
            String what = "seed " + seed + ", line " + k + ": " + r;
            assertFalse(r.get("ok").asBoolean(), what);
            assertNotNull(r.get("error").get("code"), what);
            assertFalse(r.get("error").get("code").asText().equals("internal"), what);
            if (expectedIds.get(k) != null) {
                assertEquals(expectedIds.get(k), r.get("id").asText(), what);
            }
        }
        JsonNode last = responses.get(10_000);
        assertTrue(last.get("ok").asBoolean(), last.toString());
        assertEquals("last", last.get("id").asText());
        assertEquals(2, s.handles().size(), "no malformed request loaded anything");
    }

    /** Removes {@code field} from a copy of {@code node}. */
    private static ObjectNode without(JsonNode node, String... fields) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        for (String f : fields) {
            copy.remove(f);
        }
        return copy;
    }

    /** With {@code "plan": false} a response is the full response minus {@code plan}, plus {@code plan.cost} as {@code cost}. */
    /** {@code maskless} is {@code withMask} with {@code edgeMask} removed from each action whose {@code cut} is not null. */
    private static void assertMaskless(JsonNode withMask, JsonNode maskless, String what) {
        ObjectNode expected = withMask.deepCopy();
        List<ObjectNode> actions = new ArrayList<>();
        if (expected.get("action").isObject()) {
            actions.add((ObjectNode) expected.get("action"));
        }
        if (expected.has("optimum") && expected.get("optimum").get("action").isObject()) {
            actions.add((ObjectNode) expected.get("optimum").get("action"));
        }
        for (ObjectNode a : actions) {
            if (a.hasNonNull("cut")) {
                a.remove("edgeMask");
            }
        }
        assertEquals(expected, maskless, what);
    }

    private static void assertSlim(JsonNode full, JsonNode slim, String what) {
        assertTrue(full.has("plan") && !full.has("cost"), what + " full: " + full);
        assertTrue(slim.has("cost") && !slim.has("plan"), what + " slim: " + slim);
        JsonNode plan = full.get("plan");
        assertEquals(plan.isNull() ? plan : plan.get("cost"), slim.get("cost"), what);
        assertEquals(without(full, "plan"), without(slim, "cost"), what);
    }

    @Test
    void planFalseLeavesOnlyThePlanOutOfEvaluateOptimumAndSolve() throws IOException {
        long seed = 18;
        Random rnd = new Random(seed);
        Server s = server();
        String[] loads = {"{\"op\":\"load\",\"zoo\":{\"model\":\"resnet50\"}}",
                "{\"op\":\"load\",\"zoo\":{\"model\":\"b-alexnet\",\"family\":\"exits\"}}",
                "{\"op\":\"load\",\"multiuser\":{\"users\":5,\"units\":6}}"};
        for (String load : loads) {
            String h = ok(s, load).get("handle").asText();
            JsonNode d = ok(s, "{\"op\":\"describe\",\"handle\":\"" + h + "\"}");
            String family = d.get("family").asText();
            for (int step = 0; step < 12; step++) {
                String what = family + " step " + step + " (seed " + seed + ")";
                ObjectNode state = JSON.createObjectNode();
                ObjectNode action = JSON.createObjectNode();
                if (family.equals("multiuser")) {
                    int users = d.get("users").size();
                    var up = state.putArray("userUplinkBitsPerSecond");
                    var options = action.putArray("options");
                    var cu = action.putArray("computeUnits");
                    var bu = action.putArray("bandwidthUnits");
                    for (int u = 0; u < users; u++) {
                        up.add(1e6 * (1 + rnd.nextInt(20)));
                        options.add(rnd.nextInt(d.get("users").get(u).get("options").size()));
                        cu.add(rnd.nextInt(3));
                        bu.add(rnd.nextInt(3));
                    }
                } else {
                    state.put("uplinkBitsPerSecond", 1e6 * (1 + rnd.nextInt(50)));
                    state.put("deviceLoad", rnd.nextInt(9) / 10.0);
                    action.put("cut", rnd.nextInt(d.get("cutVertices").size()));
                    if (family.equals("exits")) {
                        var exits = action.putArray("exits");
                        for (JsonNode e : d.get("exits")) {
                            if (rnd.nextBoolean()) {
                                exits.add(e.get("id").asText());
                            }
                        }
                    }
                }
                String base = "\"handle\":\"" + h + "\",\"action\":" + JSON.writeValueAsString(action) + ",\"state\":"
                        + JSON.writeValueAsString(state) + ",\"withOptimum\":true";
                JsonNode full = ok(s, "{\"op\":\"evaluate\"," + base + "}");
                JsonNode slim = ok(s, "{\"op\":\"evaluate\"," + base + ",\"plan\":false}");
                assertSlim(full, slim, "evaluate, " + what);
                assertEquals(full, ok(s, "{\"op\":\"evaluate\"," + base + ",\"plan\":true}"), what);
                // both optimum calls answer from the cache of this state (withOptimum computed it)
                JsonNode fullOpt = ok(s, "{\"op\":\"optimum\",\"handle\":\"" + h + "\"}");
                JsonNode slimOpt = ok(s, "{\"op\":\"optimum\",\"handle\":\"" + h + "\",\"plan\":false}");
                assertTrue(fullOpt.get("cached").asBoolean() && slimOpt.get("cached").asBoolean(), what);
                assertSlim(fullOpt, slimOpt, "optimum, " + what);
                assertEquals(full.get("optimum").get("action"), fullOpt.get("action"), what);
                JsonNode fullSolve = ok(s, "{\"op\":\"solve\",\"handle\":\"" + h + "\"}");
                JsonNode slimSolve = ok(s, "{\"op\":\"solve\",\"handle\":\"" + h + "\",\"plan\":false}");
                assertSlim(without(fullSolve, "wallSeconds"), without(slimSolve, "wallSeconds"), "solve, " + what);
                // "mask": false: the same response but for edgeMask, left out of every action that names its cut
                assertMaskless(slim, ok(s, "{\"op\":\"evaluate\"," + base + ",\"plan\":false,\"mask\":false}"),
                        "evaluate, " + what);
                assertMaskless(without(slimOpt, "wallSeconds"), without(ok(s, "{\"op\":\"optimum\",\"handle\":\"" + h
                        + "\",\"plan\":false,\"mask\":false}"), "wallSeconds"), "optimum, " + what);
                assertMaskless(without(fullSolve, "wallSeconds"), without(ok(s, "{\"op\":\"solve\",\"handle\":\"" + h
                        + "\",\"mask\":false}"), "wallSeconds"), "solve, " + what);
                assertEquals(slim, ok(s, "{\"op\":\"evaluate\"," + base + ",\"plan\":false,\"mask\":true}"), what);
            }
        }
        JsonNode e = error(s, "{\"op\":\"optimum\",\"handle\":\"h1\",\"plan\":\"no\"}", "bad_request");
        assertEquals("plan: must be true or false, got a string \"no\"", message(e));
        assertEquals("mask: must be true or false, got a number 0", message(error(s,
                "{\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"cut\":1},\"mask\":0}", "bad_request")));
    }
}
