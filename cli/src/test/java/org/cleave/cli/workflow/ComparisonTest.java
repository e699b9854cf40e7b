package org.cleave.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cleave.cli.Cleave;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Solvers;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path dir;

    private static List<Instance> instances() {
        return List.of(
                Instance.of("chain", RandomPartitionInstances.partition(1, RandomGraphs.Shape.CHAIN, 10,
                        RandomPartitionInstances.WeightMode.LATENCY)),
                Instance.of("residual", RandomPartitionInstances.partition(2, RandomGraphs.Shape.RESIDUAL, 12,
                        RandomPartitionInstances.WeightMode.MIXED)));
    }

    @Test
    void exactSolversWinEverywhereAndHaveNoGap() {
        var spec = new Comparison.Spec(instances(), Comparison.Selection.ALL, List.of(), 2, 5, Optional.empty());
        List<Comparison.Row> rows = Comparison.run(spec, 2, Progress.none());
        int solvers = Solvers.of(Family.PARTITION).size();
        assertEquals(2 * 2 * solvers, rows.size()); // chain-scan refuses the residual DAG but still has a row
        for (Comparison.Row r : rows) {
            assertTrue(r.verified(), r.toString());
            if (r.kind().equals("exact") && r.status().equals("OPTIMAL")) {
                assertEquals(0, r.gap(), 1e-9, r.toString());
            }
            if (!Double.isNaN(r.gap())) {
                assertTrue(r.gap() >= -1e-12, r.toString());
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.solver().equals("chain-scan") && r.status().equals("INVALID_INPUT")));
        var summaries = ComparisonReport.summarise(rows);
        var mincut = summaries.stream().filter(s -> s.solver().equals("mincut")).findFirst().orElseThrow();
        assertEquals(4, mincut.wins());
        assertEquals(0, mincut.maxGap(), 1e-9);
    }

    @Test
    void theCommandWritesTablesAndPlots() throws Exception {
        Path out = dir.resolve("cmp");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Cleave.run(new PrintWriter(o, true), new PrintWriter(e, true), "compare", "--generate",
                "partition:shape=inception,layers=10,count=3,seed=4", "--example", "resnet18-two-stages", "--all",
                "--repetitions", "2", "--quiet", "-o", out.toString());
        assertEquals(0, status, e.toString());
        for (String f : List.of("results.csv", "results.jsonl", "summary.md", "profile.png", "profile.svg",
                "gap-time.png", "gap-time.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(String.join(",", ComparisonReport.COLUMNS), csv.get(0));
        assertEquals(1 + 4 * Solvers.of(Family.PARTITION).size() * 2, csv.size());
        for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
            JsonNode row = Json.MAPPER.readTree(line);
            assertTrue(row.has("wall_seconds") && row.has("gap"), line);
        }
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| mincut | exact | 8 | 8 | 8 |"), md);
        assertTrue(md.contains("| cores |") && md.contains("| jvm |") && md.contains("| seeds |"), md);
    }

    @Test
    void badSpecsAreRejectedWithStatusTwo() {
        StringWriter e = new StringWriter();
        int status = Cleave.run(new PrintWriter(new StringWriter()), new PrintWriter(e, true), "compare",
                "--generate", "partition:shape=triangle", "--all", "-o", dir.resolve("x").toString());
        assertEquals(2, status);
        assertTrue(e.toString().contains("--generate: shape 'triangle' is not one of"), e.toString());
    }
}
