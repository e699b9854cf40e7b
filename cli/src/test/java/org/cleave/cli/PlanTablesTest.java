package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.CostWeights;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Problem;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, items 8 and 9: {@code cleave solve FILE} without {@code --solver} uses the family's
 * default exact solver and says so on stderr, and prints the plan of every family as a table (no
 * raw JSON), in engineering notation; {@code --json} still prints JSON. (The multi-user P5 problem has no
 * instance file format, so it is not reached by {@code solve}.)
 */
class PlanTablesTest {
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

    Path file(String name, Problem<?> problem) throws IOException {
        Path f = dir.resolve(name + ".json");
        InstanceJson.write(Instance.of(name, problem), f);
        return f;
    }

    void assertTable(Problem<?> problem, String defaultSolver, List<String> headers) throws Exception {
        Path f = file(problem.family().key(), problem);
        Run r = cleave("solve", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("using " + defaultSolver + ", the default exact solver of "
                + problem.family().key()), r.err());
        assertTrue(r.out().contains("solver     " + defaultSolver), r.out());
        for (String h : headers) {
            assertTrue(r.out().contains(h), "header \"" + h + "\" missing in\n" + r.out());
        }
        assertFalse(r.out().contains("\""), "raw JSON in\n" + r.out());
        assertTrue(r.out().matches("(?s).*\\d [mµk]?s\\b.*"), "no time with a unit in\n" + r.out());
        Run json = cleave("solve", f.toString(), "--json");
        assertEquals(defaultSolver, Json.MAPPER.readTree(json.out()).get("solver").asText());
    }

    @Test
    void p1PrintsALayerTable() throws Exception {
        assertTable(RandomPartitionInstances.partition(3, RandomGraphs.Shape.RESIDUAL, 8,
                RandomPartitionInstances.WeightMode.LATENCY), "mincut",
                List.of("layer", "tier", "flops", "output", "sent", "latency T"));
    }

    @Test
    void p2PrintsTheExitsWithShareAndAccuracy() throws Exception {
        assertTable(RandomExitsInstances.exits(4, RandomGraphs.Shape.CHAIN, 8, 3).withVariant(
                new ExitsProblem.MinCost(CostWeights.LATENCY, 0.5, OptionalDouble.empty())), "mincut",
                List.of("exit", "after layer", "share", "accuracy", "final", "expected latency T",
                        "expected accuracy"));
    }

    @Test
    void p3PrintsTheStagesAndTheBottleneck() throws Exception {
        assertTable(RandomThroughputInstances.throughput(5, RandomGraphs.Shape.CHAIN, 8, 2), "enumerate",
                List.of("stage", "time", "bottleneck", "device", "uplink", "edge", "<- sets the period", "period",
                        "throughput", "frames/s"));
    }

    @Test
    void p4PrintsEachUsersOptionUnitsAndCost() throws Exception {
        assertTable(RandomMultiUserInstances.random(6, 3, 6, 6, 4, RandomMultiUserInstances.Source.CHAIN,
                        RandomMultiUserInstances.Constraints.NONE), "dp",
                List.of("user", "option", "compute", "bandwidth", "latency", "energy", "cost", "compute units"));
    }

    @Test
    void p5PrintsTheTimeline() throws Exception {
        assertTable(RandomUploadInstances.random(7, RandomGraphs.Shape.CHAIN, 6, UploadMode.PARALLEL,
                        RandomPartitionInstances.WeightMode.LATENCY), "branch-and-bound",
                List.of("activity", "layer", "on", "start", "end", "duration", "compute", "latency T"));
    }

    @Test
    void groundTruthOnAP4FileDefaultsToDp() throws Exception {
        Path f = file("p4", RandomMultiUserInstances.random(9, 3, 4, 4, 3, RandomMultiUserInstances.Source.CHAIN,
                RandomMultiUserInstances.Constraints.NONE));
        Path out = dir.resolve("states.jsonl");
        Run r = cleave("groundtruth", f.toString(), "--axis", "units=2:4:3:lin", "--quiet", "--threads", "1",
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = java.nio.file.Files.readAllLines(out);
        assertEquals(3, rows.size());
        for (String row : rows) {
            assertEquals("dp", Json.MAPPER.readTree(row).get("solver").asText(), row);
        }
    }
}
