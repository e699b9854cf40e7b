package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.instances.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave zoo} (org.cleave.cli.zoo.ZooCommand), using {@link CliTest}'s runner. */
class ZooCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryModelWithItsParameterCount() {
        CliTest.Run r = CliTest.run("zoo", "list");
        assertEquals(0, r.status(), r.err());
        for (String name : Zoo.names()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), name);
        }
        assertTrue(r.out().contains("11,689,512"), r.out());
    }

    @Test
    void showsALayerTableAndABlockTable() {
        CliTest.Run r = CliTest.run("zoo", "show", "resnet50");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("layer4.2.relu") && l.contains("2048x7x7")), r.out());
        CliTest.Run b = CliTest.run("zoo", "show", "b-alexnet", "--view", "blocks");
        assertEquals(0, b.status(), b.err());
        assertTrue(b.out().contains("exit1") && b.out().contains("BranchyNet"), b.out());
    }

    @Test
    void exportsAP1InstanceThatSolves() throws IOException {
        Path file = dir.resolve("instance.json");
        CliTest.Run r = CliTest.run("zoo", "export", "resnet18", "--network", "4g", "--device", "rpi4", "--edge", "gpu", "-o",
                file.toString());
        assertEquals(0, r.status(), r.err());
        Instance i = InstanceJson.read(file);
        PartitionProblem p = (PartitionProblem) i.problem();
        assertEquals(Zoo.get("resnet18").layerGraph().withoutExits(), p.graph());
        assertEquals(5.85e6, p.link().uplinkBitsPerSecond(), 1e-6);
        assertEquals("resnet18", i.metadata().get("model").asText());
        assertTrue(i.metadata().get("networkSource").asText().contains("DADS"));
        assertTrue(i.metadata().has("deviceSource") && i.metadata().has("edgeSource"));
        CliTest.Run solved = CliTest.run("solve", file.toString(), "--solver", "mincut", "--json");
        assertEquals(0, solved.status(), solved.err());
        JsonNode result = Json.MAPPER.readTree(solved.out());
        assertEquals("OPTIMAL", result.get("status").asText());
    }

    @Test
    void exportsDotGraphMlAndCsvAndOverridesExitStatistics() throws IOException {
        CliTest.Run dot = CliTest.run("zoo", "export", "googlenet", "--format", "dot");
        assertEquals(0, dot.status(), dot.err());
        assertTrue(dot.out().contains("digraph") && dot.out().contains("->"));
        CliTest.Run xml = CliTest.run("zoo", "export", "googlenet", "--format", "graphml", "--view", "blocks");
        assertTrue(xml.out().contains("<graphml"), xml.err());
        CliTest.Run csv = CliTest.run("zoo", "export", "nin", "--format", "csv");
        assertTrue(csv.out().startsWith("id,name,predecessors"), csv.err());
        Path file = dir.resolve("exits.json");
        CliTest.Run r = CliTest.run("zoo", "export", "b-alexnet", "--exit-rates", "0.5,0.8,1", "--exit-accuracies", "0.7,0.75,0.8",
                "-o", file.toString());
        assertEquals(0, r.status(), r.err());
        Instance i = InstanceJson.read(file);
        assertEquals(0.5, ((PartitionProblem) i.problem()).graph().exits().get(0).exitRate());
        assertEquals("given on the command line", i.metadata().get("exitStatisticsSource").asText());
    }

    @Test
    void exportSetsTheObjectiveTheRightSizingBoundAndTheFrameRate() throws IOException {
        Path energy = dir.resolve("energy.json");
        assertEquals(0, CliTest.run("zoo", "export", "alexnet", "--objective", "energy", "-o", energy.toString()).status());
        assertEquals(org.cleave.core.model.CostWeights.ENERGY, ((PartitionProblem) InstanceJson.read(energy).problem()).weights());
        Path rs = dir.resolve("rs.json");
        assertEquals(0, CliTest.run("zoo", "export", "b-alexnet", "--family", "exits", "--right-sizing", "25ms", "-o",
                rs.toString()).status());
        org.cleave.core.exits.ExitsProblem e = (org.cleave.core.exits.ExitsProblem) InstanceJson.read(rs).problem();
        assertEquals(new org.cleave.core.exits.ExitsProblem.RightSizing(0.025), e.variant());
        Path q = dir.resolve("q.json");
        assertEquals(0, CliTest.run("zoo", "export", "b-alexnet", "--family", "throughput", "--frame-rate", "30", "-o",
                q.toString()).status());
        assertEquals(30.0, ((org.cleave.core.throughput.ThroughputProblem) InstanceJson.read(q).problem())
                .frameRatePerSecond().getAsDouble());
        assertTrue(CliTest.badInput("zoo", "export", "alexnet", "--right-sizing", "1s")
                .contains("--right-sizing: applies to exits instances, not to partition"));
        assertTrue(CliTest.badInput("zoo", "export", "b-alexnet", "--family", "throughput", "--frame-rate", "0")
                .contains("--frame-rate: must be > 0"));
        assertTrue(CliTest.badInput("zoo", "export", "alexnet", "--objective", "cost").contains("latency or energy"));
        assertTrue(CliTest.badInput("zoo", "export", "b-alexnet", "--family", "exits", "--right-sizing", "1s",
                "--objective", "energy").contains("--objective: weights apply to partition and variant (a)"));
    }

    @Test
    void badNamesAreOneLineErrors() {
        assertTrue(CliTest.badInput("zoo", "show", "lenet").contains("resnet18"));
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--network", "6g").contains("wifi"));
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--device", "toaster").contains("rpi4"));
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--dtype", "float8").contains("float32"));
        assertTrue(CliTest.badInput("zoo", "export", "b-alexnet", "--exit-rates", "0.5,1").contains("3 exits"));
        assertTrue(CliTest.badInput("zoo", "export", "b-alexnet", "--exit-rates", "0.9,0.5,1").contains("nondecreasing"));
        assertTrue(CliTest.badInput("zoo", "export", "resnet18", "--exit-rates", "1").contains("no exits"));
        CliTest.Run p = CliTest.run("zoo", "profiles");
        assertEquals(0, p.status());
        assertTrue(p.out().contains("jetson-nano") && p.out().contains("18.88"), p.out());
    }
}
