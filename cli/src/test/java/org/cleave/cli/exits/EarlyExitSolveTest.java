package org.cleave.cli.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.cleave.cli.Cleave;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave solve} on P2 and P3 instance files. */
class EarlyExitSolveTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run cleave(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path file(String name, Object problem) throws IOException {
        Path f = dir.resolve(name + ".json");
        InstanceJson.write(Instance.of(name, (org.cleave.core.solve.Problem<?>) problem), f);
        return f;
    }

    @Test
    void solvesAP2InstanceWithEverySolver() throws Exception {
        ExitsProblem p = RandomExitsInstances.exits(12, RandomGraphs.Shape.RESIDUAL, 10, 3).withVariant(
                new ExitsProblem.MinCost(org.cleave.core.model.CostWeights.LATENCY, 0.5, OptionalDouble.empty()));
        Path f = file("p2", p);
        for (String id : new String[] {"mincut", "inverse-search"}) {
            Run r = cleave("solve", f.toString(), "--solver", id, "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode json = Json.MAPPER.readTree(r.out());
            assertEquals("exits", json.get("family").asText());
            assertTrue(json.get("verified").asBoolean());
            assertTrue(json.get("plan").has("stops"), r.out());
        }
        Run text = cleave("solve", f.toString(), "--solver", "mincut");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("after layer") && text.out().contains("share"), text.out());
    }

    @Test
    void reportsAnUnsustainableFrameRateAsAStatusNotAnError() throws Exception {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1e5)).addLayer(new Layer("a", 1e9, 1e4, 0))
                .addLayer(new Layer("b", 1e9, 10, 0)).addArc("in", "a").addArc("a", "b").build();
        ThroughputProblem p = ThroughputProblem.of(g, new Device(1e9, 1, 1, 1), new EdgeServer(1.5e9),
                new Link(8e6, 8e6, 0)).withFrameRate(OptionalDouble.of(2));
        Path f = file("p3", p);
        Run r = cleave("solve", f.toString(), "--solver", "dads-switch");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("INFEASIBLE (frame rate 2.00000 frames/s cannot be sustained"), r.out());
        Run dsh = cleave("solve", f.toString(), "--solver", "dsh", "--json");
        assertEquals("NO_SOLUTION_IN_LIMIT", Json.MAPPER.readTree(dsh.out()).get("status").asText());
        Run ok = cleave("solve", file("p3-free", p.withFrameRate(OptionalDouble.empty())).toString(),
                "--solver", "enumerate", "--json");
        JsonNode plan = Json.MAPPER.readTree(ok.out()).get("plan");
        assertEquals(1.0, plan.get("cost").get("periodSeconds").asDouble(), 1e-12);
        assertEquals("device", plan.get("cost").get("bottleneck").asText());
    }

    @Test
    void badP2InputExitsWithTwoAndOneLine() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, InstanceJson.write(Instance.of("bad", RandomExitsInstances.exits(1,
                RandomGraphs.Shape.CHAIN, 3, 1))).replace("\"finalAccuracy\"", "\"finalAcc\""));
        Run r = cleave("solve", f.toString(), "--solver", "mincut");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("$.finalAcc: unknown field"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
