package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.cleave.core.solve.Family;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleave zoo export MODEL --tiers device,edge,cloud --family exits} on a multi-exit zoo model
 * (a P2-3T instance) and {@code cleave solve} on it.
 */
class TiersExitsCliTest {
    @TempDir
    Path dir;

    @Test
    void exportsAnExitsTiersInstanceThatSolvesWithExitsAndAColumnPerTier() throws IOException {
        Path file = dir.resolve("exits-tiers.json");
        CliTest.Run r = CliTest.run("zoo", "export", "b-alexnet", "--tiers", "device,edge,cloud", "--family", "exits",
                "--network", "wifi", "--wan", "fiber", "--edge", "cpu", "-o", file.toString());
        assertEquals(0, r.status(), r.err());
        Instance i = InstanceJson.read(file);
        assertEquals(Family.EXITS_TIERS, i.problem().family());
        TiersExitsProblem p = (TiersExitsProblem) i.problem();
        assertFalse(p.graph().exits().isEmpty());
        assertEquals(1e9, p.link2().uplinkBitsPerSecond(), 1e-6);
        CliTest.Run text = CliTest.run("solve", file.toString(), "--solver", "mincut");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("active exits: "), text.out());
        assertTrue(text.out().contains("device edge   cloud"), text.out());
        assertTrue(text.out().contains("expected accuracy"), text.out());
        assertTrue(text.out().contains("verified   yes"), text.out());
        CliTest.Run json = CliTest.run("solve", file.toString(), "--solver", "mincut", "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode result = Json.MAPPER.readTree(json.out());
        assertEquals("OPTIMAL", result.get("status").asText());
        assertTrue(result.get("plan").has("activeExits") && result.get("plan").has("cloudLayers"), json.out());
        for (String baseline : new String[] {"two-tier", "single-tier"}) {
            CliTest.Run other = CliTest.run("solve", file.toString(), "--solver", baseline, "--json");
            assertEquals(0, other.status(), other.err());
            assertTrue(Json.MAPPER.readTree(other.out()).get("objective").asDouble()
                    >= result.get("objective").asDouble() * (1 - 1e-12), baseline);
        }
    }

    @Test
    void aModelWithoutExitsIsAOneLineError() {
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--tiers", "device,edge,cloud", "--family", "exits")
                .contains("--family"));
        assertTrue(CliTest.badInput("zoo", "export", "b-alexnet", "--tiers", "device,edge,cloud", "--family", "exits",
                "--right-sizing", "100ms").contains("--right-sizing"));
    }
}
