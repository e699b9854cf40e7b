package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Solvers;
import org.cleave.instances.io.Json;
import org.cleave.workflows.compare.ComparisonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

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

    /** Issue 21, item 10: {@code compare --generate} for every family that has a generator. */
    @Test
    void generatesInstancesOfEveryFamilyWithAGenerator() throws Exception {
        String[][] specs = {
                {"partition:layers=6,count=2", "partition"},
                {"tiers:shape=chain,layers=6,count=2", "tiers"},
                {"exits:shape=chain,layers=8,exits=2,count=2", "exits"},
                {"throughput:shape=chain,layers=8,exits=2,count=2", "throughput"},
                {"upload:shape=chain,layers=6,mode=serial,count=2", "upload"},
                {"multiuser:users=3,units=4,options=4,count=2", "multiuser"},
                {"stopping:layers=4,count=2", "stopping"}};
        for (String[] spec : specs) {
            Family family = Family.fromKey(spec[1]);
            Path out = dir.resolve(spec[1]);
            StringWriter e = new StringWriter();
            int status = Cleave.run(new PrintWriter(new StringWriter()), new PrintWriter(e, true), "compare",
                    "--generate", spec[0], "--solvers", Solvers.defaultExact(family), "--quiet", "-o", out.toString());
            assertEquals(0, status, spec[0] + ": " + e);
            List<String> rows = Files.readAllLines(out.resolve("results.jsonl"));
            assertEquals(2, rows.size(), spec[0]);
            for (String line : rows) {
                JsonNode row = Json.MAPPER.readTree(line);
                assertEquals(spec[1], row.get("family").asText(), line);
                assertTrue(row.get("verified").asBoolean(), line);
            }
        }
        StringWriter e = new StringWriter();
        assertEquals(2, Cleave.run(new PrintWriter(new StringWriter()), new PrintWriter(e, true), "compare",
                "--generate", "online:count=1", "--all", "-o", dir.resolve("y").toString()));
        assertTrue(e.toString().contains("family 'online': no generator; known: exits, multiuser, partition,"), e.toString());
    }

    /** Issue 21, item 10: a solver that refuses a DAG is "not applicable", not a loser. */
    @Test
    void refusingSolversAreListedAsNotApplicable() throws Exception {
        Path out = dir.resolve("na");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Cleave.run(new PrintWriter(o, true), new PrintWriter(e, true), "compare", "--generate",
                "partition:shape=residual,layers=8,count=2", "--solvers", "mincut,chain-scan", "--quiet",
                "-o", out.toString());
        assertEquals(0, status, e.toString());
        assertTrue(o.toString().matches("(?s).*chain-scan\\s+exact\\s+wins 0/0 .*not applicable to 2 runs.*"),
                o.toString());
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| chain-scan | exact | 0 | 0 | 0 | 2 | – | – |"), md);
        assertTrue(md.contains("## Not applicable"), md);
    }
}
