package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave zoo export --tiers device,edge,cloud} and {@code cleave solve} on a P1-3T instance. */
class TiersCliTest {
    @TempDir
    Path dir;

    @Test
    void exportsAThreeTierInstanceThatSolvesWithAColumnPerTier() throws IOException {
        Path file = dir.resolve("tiers.json");
        CliTest.Run r = CliTest.run("zoo", "export", "resnet50", "--tiers", "device,edge,cloud", "--network", "4g",
                "--wan", "fiber", "--edge", "cpu", "-o", file.toString());
        assertEquals(0, r.status(), r.err());
        Instance i = InstanceJson.read(file);
        TiersProblem p = (TiersProblem) i.problem();
        assertEquals(5.85e6, p.link1().uplinkBitsPerSecond(), 1e-6);
        assertEquals(1e9, p.link2().uplinkBitsPerSecond(), 1e-6);
        assertEquals("fiber", i.metadata().get("wan").asText());
        CliTest.Run text = CliTest.run("solve", file.toString(), "--solver", "mincut");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("device edge   cloud"), text.out());
        assertTrue(text.out().contains("layers per tier"), text.out());
        assertTrue(text.out().contains("link 2 upload "), text.out());
        assertTrue(text.out().contains("verified   yes"), text.out());
        CliTest.Run json = CliTest.run("solve", file.toString(), "--solver", "mincut", "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode result = Json.MAPPER.readTree(json.out());
        assertEquals("OPTIMAL", result.get("status").asText());
        assertTrue(result.get("plan").has("cloudLayers"), json.out());
        CliTest.Run two = CliTest.run("solve", file.toString(), "--solver", "two-tier", "--json");
        assertTrue(Json.MAPPER.readTree(two.out()).get("objective").asDouble()
                >= result.get("objective").asDouble() * (1 - 1e-12));
    }

    @Test
    void badTierOptionsAreOneLineErrors() {
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--tiers", "device,cloud").contains("--tiers"));
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--tiers", "device,edge,cloud", "--wan", "pigeon")
                .contains("--wan"));
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--tiers", "device,edge,cloud", "--cloud", "tpu")
                .contains("a100"));
    }

    @Test
    void exportsAThroughputInstanceThatSolvesWithStagesAndBottleneck() throws IOException {
        Path file = dir.resolve("tiers-throughput.json");
        CliTest.Run r = CliTest.run("zoo", "export", "alexnet", "--tiers", "device,edge,cloud", "--family", "throughput",
                "--network", "wifi", "--wan", "fiber", "--edge", "cpu", "--frame-rate", "2", "-o", file.toString());
        assertEquals(0, r.status(), r.err());
        Instance i = InstanceJson.read(file);
        org.cleave.core.tiers.throughput.TiersThroughputProblem p =
                (org.cleave.core.tiers.throughput.TiersThroughputProblem) i.problem();
        assertEquals(2, p.frameRatePerSecond().getAsDouble());
        assertEquals(1e9, p.link2().uplinkBitsPerSecond(), 1e-6);
        CliTest.Run text = CliTest.run("solve", file.toString(), "--solver", "enumerate");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("device edge   cloud"), text.out());
        assertTrue(text.out().contains("link2 "), text.out());
        assertTrue(text.out().contains("<- sets the period"), text.out());
        assertTrue(text.out().contains("bottleneck"), text.out());
        assertTrue(text.out().contains("verified   yes"), text.out());
        CliTest.Run json = CliTest.run("solve", file.toString(), "--solver", "enumerate", "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode result = Json.MAPPER.readTree(json.out());
        assertEquals("OPTIMAL", result.get("status").asText());
        assertTrue(result.get("plan").get("cost").has("link2StageSeconds"), json.out());
        assertEquals(p.evaluate(new org.cleave.algorithms.tiers.throughput.EnumerationTiersThroughputSolver().solve(p)
                .planOrThrow()).periodSeconds(), result.get("objective").asDouble(), 1e-12);
        CliTest.Run two = CliTest.run("solve", file.toString(), "--solver", "two-tier", "--json");
        assertTrue(Json.MAPPER.readTree(two.out()).get("objective").asDouble()
                >= result.get("objective").asDouble() * (1 - 1e-12));
        Path plans = dir.resolve("plans.jsonl");
        java.nio.file.Files.writeString(plans, result.toString() + "\n");
        CliTest.Run scored = CliTest.run("evaluate", file.toString(), "--plans", plans.toString());
        assertEquals(0, scored.status(), scored.err());
        assertTrue(scored.out().contains("(P3-3T): 1 plans scored"), scored.out());
        assertTrue(scored.out().contains("optimal    1 (100.0 %"), scored.out());
    }

    @Test
    void badThroughputTierOptionsAreOneLineErrors() {
        assertTrue(CliTest.badInput("zoo", "export", "alexnet", "--tiers", "device,edge,cloud", "--family", "throughput",
                "--frame-rate", "0").contains("--frame-rate"));
        assertTrue(CliTest.badInput("zoo", "export", "alexnet", "--tiers", "device,edge,cloud", "--family", "upload")
                .contains("--family"));
    }
}
