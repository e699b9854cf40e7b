package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.instances.Examples;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    /** Exit status, standard output and standard error of one run. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    /** A bad-input run: status 2, one line on stderr naming the problem, no stack trace. */
    static String badInput(String... args) {
        Run r = run(args);
        assertEquals(Cleave.BAD_INPUT, r.status(), r.err() + r.out());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        return r.err().strip();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void solvesTheBuiltInExample() {
        Run r = run("solve", "--example", "resnet18-two-stages", "--solver", "mincut");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("status     OPTIMAL"), r.out());
        assertTrue(r.out().contains("verified   yes"), r.out());
        assertTrue(r.out().contains("latency T "), r.out());
    }

    @Test
    void solvesAFileAsJsonAndEveryExactSolverAgrees() throws IOException {
        Path file = write("i.json", InstanceJson.write(Examples.load("resnet18-two-stages")));
        Run cut = run("solve", file.toString(), "--solver", "mincut", "--json");
        Run all = run("solve", file.toString(), "--solver", "enumerate", "--json", "--time-limit", "30s");
        assertEquals(0, cut.status(), cut.err());
        assertEquals(0, all.status(), all.err());
        JsonNode a = Json.MAPPER.readTree(cut.out());
        JsonNode b = Json.MAPPER.readTree(all.out());
        assertEquals("OPTIMAL", a.get("status").asText());
        assertTrue(a.get("verified").asBoolean());
        assertEquals(a.get("objective").asDouble(), b.get("objective").asDouble(), 1e-12);
        assertTrue(a.get("plan").has("edgeLayers") && a.get("plan").get("cost").has("uploadSeconds"));
    }

    /**
     * The README's first command solves the first listed example; its optimum must show Cleave deciding
     * something: a real split, cheaper than both device-only and edge-only, and equal to enumeration.
     */
    @Test
    void firstExampleSplitsTheModel() throws IOException {
        String first = Examples.names().get(0);
        assertEquals("tiny-yolov2-4g", first);
        JsonNode cut = Json.MAPPER.readTree(run("solve", "--example", first, "--solver", "mincut", "--json").out());
        assertEquals("OPTIMAL", cut.get("status").asText());
        assertTrue(cut.get("verified").asBoolean());
        int device = cut.get("plan").get("deviceLayers").size();
        int edge = cut.get("plan").get("edgeLayers").size();
        assertTrue(device > 1 && edge > 0, "device " + device + ", edge " + edge);
        double optimum = cut.get("objective").asDouble();
        for (String baseline : new String[] {"device-only", "edge-only"}) {
            JsonNode b = Json.MAPPER.readTree(run("solve", "--example", first, "--solver", baseline, "--json").out());
            assertTrue(optimum < b.get("objective").asDouble() * (1 - 1e-3), baseline + " " + b.get("objective"));
        }
        JsonNode all = Json.MAPPER.readTree(run("solve", "--example", first, "--solver", "enumerate", "--json").out());
        assertEquals(optimum, all.get("objective").asDouble(), 1e-12 * optimum);
    }

    @Test
    void listsSolversWithFamilyAndKind() {
        Run r = run("solvers");
        assertEquals(0, r.status());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mincut") && l.contains("partition") && l.contains("exact")));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("device-only") && l.contains("baseline")));
        assertTrue(run("examples").out().contains("resnet18-two-stages"));
    }

    @Test
    void badInputIsOneLineWithStatusTwo() throws IOException {
        assertTrue(badInput("solve", dir.resolve("missing.json").toString(), "--solver", "mincut")
                .endsWith("missing.json: no such file"));
        String m = badInput("solve", write("bad.json", "{ not json").toString(), "--solver", "mincut");
        assertTrue(m.contains("bad.json: malformed JSON at line 1"), m);
        assertFalse(m.contains("\n"), m);
        String text = InstanceJson.write(Examples.load("resnet18-two-stages")).replace("\"flops\" : 2.360279", "\"flops\" : -2.360279");
        m = badInput("solve", write("neg.json", text).toString(), "--solver", "mincut");
        assertEquals("cleave: $.model.layers[1].flops: must be a finite number >= 0, got -2.36027904E8", m);
        m = badInput("solve", "--example", "resnet18-two-stages", "--solver", "nope");
        assertTrue(m.startsWith("cleave: --solver: no solver \"nope\" for family partition; known: "), m);
        m = badInput("solve", "--example", "resnet18-two-stages", "--solver", "chain-scan");
        assertTrue(m.startsWith("cleave: chain-scan rejected resnet18-two-stages: model: chain-scan needs a chain"), m);
        m = badInput("solve", "--example", "nope", "--solver", "mincut");
        assertTrue(m.startsWith("cleave: --example: unknown example \"nope\""), m);
    }

    @Test
    void badOptionsAreStatusTwo() {
        Run r = run("solve", "--example", "resnet18-two-stages", "--solver");
        assertEquals(Cleave.BAD_INPUT, r.status());
        assertTrue(r.err().contains("Missing required parameter for option '--solver'"), r.err());
        r = run("solve", "--example", "resnet18-two-stages", "--solver", "mincut", "--time-limit", "soon");
        assertEquals(Cleave.BAD_INPUT, r.status());
        assertTrue(r.err().contains("expected a duration"), r.err());
        r = run("frobnicate");
        assertEquals(Cleave.BAD_INPUT, r.status());
    }
}
