package org.cleave.workflows.groundtruth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Json;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroundTruthTest {
    @TempDir
    Path dir;

    private static final String[] AXES = {"--axis", "uplink=0.1Mbps:1000Mbps:3000", "--axis", "load=0:0.8:5:lin"};

    private static GroundTruth.Spec spec(Table format, int random) {
        return new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut",
                List.of(Axis.parse("uplink=0.1Mbps:1000Mbps:40"), Axis.parse("load=0:0.8:3:lin")), random, 7, format,
                Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "JSONL"})
    void isDeterministicWhateverTheThreadCount(String format) throws IOException {
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        GroundTruth.run(spec(Table.valueOf(format), 0), one, 1, Progress.none());
        GroundTruth.run(spec(Table.valueOf(format), 0), four, 4, Progress.none());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
        long lines = Files.readAllLines(one).size();
        assertEquals(120 + (format.equals("CSV") ? 1 : 0), lines);
    }

    @Test
    void randomStatesAreSeeded() throws IOException {
        GroundTruth.run(spec(Table.JSONL, 50), dir.resolve("a"), 2, Progress.none());
        GroundTruth.run(spec(Table.JSONL, 50), dir.resolve("b"), 1, Progress.none());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("b")));
        JsonNode row = Json.MAPPER.readTree(Files.readAllLines(dir.resolve("a")).get(0));
        assertEquals("OPTIMAL", row.get("status").asText());
        assertTrue(row.get("state_uplink").asDouble() >= 1e5 && row.get("state_uplink").asDouble() <= 1e9);
        assertTrue(row.get("plan_edge_mask").isArray());
        assertEquals(15, row.get("plan_edge_mask").size());
        assertTrue(row.get("verified").asBoolean());
        assertTrue(row.get("certified").isNull());
    }

    @Test
    void resumesAfterATruncatedLineWithExactlyTheSameRows() throws IOException {
        Path full = dir.resolve("full.csv");
        GroundTruth.run(spec(Table.CSV, 0), full, 2, Progress.none());
        byte[] expected = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.csv");
        Files.write(cut, java.util.Arrays.copyOf(expected, expected.length / 2)); // ends mid-line
        Files.copy(dir.resolve("full.csv.meta"), dir.resolve("cut.csv.meta"));
        GroundTruth.Summary s = GroundTruth.run(spec(Table.CSV, 0), cut, 2, Progress.none());
        assertTrue(s.resumedFrom() > 0 && s.resumedFrom() < 120, "resumed from " + s.resumedFrom());
        assertArrayEquals(expected, Files.readAllBytes(cut));
    }

    @Test
    void refusesAnOutputWrittenWithOtherArguments() throws IOException {
        Path out = dir.resolve("x.jsonl");
        GroundTruth.run(spec(Table.JSONL, 0), out, 1, Progress.none());
        String m = assertThrows(IllegalArgumentException.class,
                () -> GroundTruth.run(spec(Table.JSONL, 10), out, 1, Progress.none())).getMessage();
        assertTrue(m.contains("exists and was written with other arguments"), m);
        Files.writeString(dir.resolve("y.jsonl"), "stray\n");
        assertThrows(IllegalArgumentException.class,
                () -> GroundTruth.run(spec(Table.JSONL, 0), dir.resolve("y.jsonl"), 1, Progress.none()));
    }

    @Test
    void rejectsAnAxisTheFamilyDoesNotHave() {
        var bad = new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut",
                List.of(Axis.parse("users=1:8:8:lin")), 0, 1, Table.CSV, Optional.empty());
        String m = assertThrows(IllegalArgumentException.class,
                () -> GroundTruth.run(bad, dir.resolve("z.csv"), 1, Progress.none())).getMessage();
        assertTrue(m.contains("\"users\" is not an axis of family partition"), m);
        assertTrue(Files.notExists(dir.resolve("z.csv")));
    }

    @Test
    void labelsEarlyExitInstances() throws IOException {
        var base = new org.cleave.instances.io.Instance("p2", "", org.cleave.core.exits.RandomExitsInstances.exits(3,
                org.cleave.core.model.RandomGraphs.Shape.CHAIN, 10, 3), null);
        var gt = new GroundTruth.Spec(base, "mincut", List.of(Axis.parse("uplink=0.5Mbps:500Mbps:12"),
                Axis.parse("latency=0.05:2:4")), 0, 1, Table.JSONL, Optional.empty());
        Path one = dir.resolve("p2-1.jsonl");
        Path two = dir.resolve("p2-2.jsonl");
        GroundTruth.run(gt, one, 1, Progress.none());
        GroundTruth.run(gt, two, 2, Progress.none());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<String> lines = Files.readAllLines(one);
        assertEquals(48, lines.size());
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            assertTrue(row.has("plan_active_exits") && row.has("cost_accuracy") && row.has("state_latency"), line);
            assertTrue(row.get("verified").asBoolean(), line);
            assertEquals(row.get("status").asText().equals("OPTIMAL"), row.get("plan_active_exits").isArray(), line);
        }
    }

    @Test
    void labelsMultiUserInstances() throws IOException {
        var problem = org.cleave.instances.multiuser.RandomZooMultiUserInstances.builtIn().generate(6, 8, 3,
                List.of("chain-8", "chain-6"), "4g", 1e12);
        var base = new org.cleave.instances.io.Instance("p4", "", problem, null);
        var gt = new GroundTruth.Spec(base, "dp", List.of(Axis.parse("users=2:6:5:lin"), Axis.parse("units=4:8:3:lin")),
                0, 1, Table.CSV, Optional.empty());
        Path one = dir.resolve("p4-1.csv");
        Path two = dir.resolve("p4-2.csv");
        GroundTruth.run(gt, one, 1, Progress.none());
        GroundTruth.run(gt, two, 2, Progress.none());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        List<String> lines = Files.readAllLines(one);
        assertEquals(1 + 15, lines.size());
        assertTrue(lines.get(0).startsWith("state_index,state_users,state_units,status,solver,objective,bound,"
                + "verified,certified,plan_option_index,plan_option_label,plan_compute_units,plan_bandwidth_units,"
                + "cost_latency_seconds,cost_energy_joules,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("0,2,4,OPTIMAL,dp,"), lines.get(1));
    }
}
