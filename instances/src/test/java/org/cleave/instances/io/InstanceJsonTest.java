package org.cleave.instances.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.Consumer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.instances.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InstanceJsonTest {
    private static ObjectNode example() {
        return InstanceJson.toJson(Examples.load("resnet18-two-stages"));
    }

    /** The message that reading {@code example} after {@code edit} fails with. */
    private static String error(Consumer<ObjectNode> edit) {
        ObjectNode root = example();
        edit.accept(root);
        String text = root.toString();
        return assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(text, "x.json")).getMessage();
    }

    private static ObjectNode layer(ObjectNode root, int i) {
        return (ObjectNode) root.get("model").get("layers").get(i);
    }

    @ParameterizedTest
    @EnumSource(RandomGraphs.Shape.class)
    void roundTripsLosslessly(RandomGraphs.Shape shape) {
        PartitionProblem p = RandomPartitionInstances.partition(3, shape, 12, RandomPartitionInstances.WeightMode.MIXED);
        Instance original = new Instance("r", "random", p, Json.MAPPER.createObjectNode().put("seed", 3));
        String text = InstanceJson.write(original);
        Instance back = InstanceJson.read(text, "mem");
        assertEquals(original, back);
        assertEquals(text, InstanceJson.write(back));
    }

    @Test
    void keepsExitsAndMeasuredTimes() {
        ObjectNode root = example();
        layer(root, 3).put("measuredDeviceSeconds", 0.5).put("measuredEdgeSeconds", 0.01);
        ((ArrayNode) root.with("model").putArray("exits")).addObject().put("id", "e1").put("afterLayer", "maxpool")
                .put("flops", 1e6).put("exitRate", 0.4).put("accuracy", 0.6);
        Instance back = InstanceJson.read(root.toString(), "mem");
        PartitionProblem p = (PartitionProblem) back.problem();
        assertEquals(new Exit("e1", "maxpool", 1e6, 0.4, 0.6), p.graph().exits().get(0));
        assertEquals(0.5, p.graph().layer(3).measuredDeviceSeconds().getAsDouble());
        assertEquals(root, InstanceJson.toJson(back));
    }

    @Test
    void malformedJson() {
        String m = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read("{\"schemaVersion\": 1,\n \"family\": }", "bad.json")).getMessage();
        assertTrue(m.startsWith("bad.json: malformed JSON at line 2, column 12: Unexpected character ('}'"), m);
        assertFalse(m.contains("\n"), m);
        m = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read("", "empty.json")).getMessage();
        assertEquals("empty.json: empty file, expected a JSON object", m);
        m = assertThrows(InvalidInstanceException.class,
                () -> InstanceJson.read("{\"a\":1,\"a\":2}", "dup.json")).getMessage();
        assertTrue(m.startsWith("dup.json: malformed JSON at line 1") && m.contains("Duplicate field 'a'"), m);
    }

    @Test
    void cycle() {
        String m = error(r -> ((ArrayNode) r.get("model").get("arcs")).addObject().put("from", "fc").put("to", "conv1"));
        assertTrue(m.startsWith("$.model.arcs: the graph has a cycle: \"conv1\" -> "), m);
        assertTrue(m.endsWith("-> \"fc\" -> \"conv1\""), m);
    }

    @Test
    void danglingId() {
        assertEquals("$.model.arcs[17].to: unknown layer id \"ghost\"", error(r ->
                ((ArrayNode) r.get("model").get("arcs")).addObject().put("from", "fc").put("to", "ghost")));
    }

    @Test
    void negativeNumber() {
        assertEquals("$.model.layers[2].flops: must be a finite number >= 0, got -5.0",
                error(r -> layer(r, 2).put("flops", -5)));
    }

    @Test
    void nanAndInfinity() {
        ObjectNode root = example();
        String text = root.toString().replace("\"computeWatts\":3.4", "\"computeWatts\":NaN");
        String m = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(text, "x")).getMessage();
        assertEquals("$.device.computeWatts: must be a finite number >= 0, got NaN", m);
        String inf = root.toString().replace("\"latencySeconds\":0.02", "\"latencySeconds\":Infinity");
        m = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(inf, "x")).getMessage();
        assertEquals("$.link.latencySeconds: must be a finite number >= 0, got Infinity", m);
        String huge = root.toString().replace("\"flopsPerSecond\":5.0E12", "\"flopsPerSecond\":1e400");
        m = assertThrows(InvalidInstanceException.class, () -> InstanceJson.read(huge, "x")).getMessage();
        assertEquals("$.edge.flopsPerSecond: must be a finite number > 0, got Infinity", m);
    }

    @Test
    void zeroRates() {
        assertEquals("$.link.uplinkBitsPerSecond: must be a finite number > 0, got 0.0",
                error(r -> r.with("link").put("uplinkBitsPerSecond", 0)));
        assertEquals("$.device.flopsPerSecond: must be a finite number > 0, got 0.0",
                error(r -> r.with("device").put("flopsPerSecond", 0)));
    }

    @Test
    void misplacedExit() {
        String m = error(r -> r.with("model").putArray("exits").addObject().put("id", "e1")
                .put("afterLayer", "layer1.1.conv1").put("flops", 1).put("exitRate", 0.5).put("accuracy", 0.5));
        assertTrue(m.startsWith("$.model.exits[0].afterLayer: layer \"layer1.1.conv1\" is not a cut vertex"), m);
    }

    @Test
    void wrongTypesMissingAndUnknownFields() {
        assertEquals("$.model.layers[1].flops: must be a number, got \"many\"",
                error(r -> layer(r, 1).put("flops", "many")));
        assertEquals("$.device: required object is missing", error(r -> r.remove("device")));
        assertEquals("$.model.layers[4].outputBytes: required number is missing",
                error(r -> layer(r, 4).remove("outputBytes")));
        String m = error(r -> r.with("link").put("bandwidth", 3));
        assertTrue(m.startsWith("$.link.bandwidth: unknown field; allowed here: downlinkBitsPerSecond, latencySeconds,"
                + " uplinkBitsPerSecond"), m);
        assertEquals("$.schemaVersion: unsupported version 2; this Cleave reads 1",
                error(r -> r.put("schemaVersion", 2)));
        assertTrue(error(r -> r.put("family", "nope")).startsWith("$.family: unknown family \"nope\""));
        assertEquals("$.deviceLoad: must be a number in [0, 1), got 1.0", error(r -> r.put("deviceLoad", 1.0)));
        assertEquals("$.objective.latencyWeight: latencyWeight and energyWeight are both 0; at least one must be"
                + " positive", error(r -> r.with("objective").put("latencyWeight", 0).put("energyWeight", 0)));
    }

    @Test
    void schemaNamesEveryFieldTheWriterEmits() throws Exception {
        JsonNode schema;
        try (InputStream in = InstanceJson.class.getResourceAsStream(InstanceJson.SCHEMA_RESOURCE)) {
            schema = Json.MAPPER.readTree(in);
        }
        ObjectNode root = example();
        ((ArrayNode) root.with("model").putArray("exits")).addObject().put("id", "e1").put("afterLayer", "maxpool")
                .put("flops", 1e6).put("exitRate", 0.4).put("accuracy", 0.6);
        layer(root, 1).put("measuredDeviceSeconds", 0.5).put("measuredEdgeSeconds", 0.01);
        assertKnown(schema, schema, root, "$");
    }

    /** Every field of {@code value} is a property of {@code node} (resolving local $refs). */
    private static void assertKnown(JsonNode schema, JsonNode node, JsonNode value, String path) {
        node = resolve(schema, node);
        if (value.isObject()) {
            JsonNode props = node.get("properties");
            Iterator<String> names = value.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertTrue(props != null && props.has(name), path + "." + name + " is not in the schema");
                if (!name.equals("metadata")) {
                    assertKnown(schema, props.get(name), value.get(name), path + "." + name);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                assertKnown(schema, node.get("items"), value.get(i), path + "[" + i + "]");
            }
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            node = schema.at(ref.substring(1));
        }
        return node;
    }
}
