package org.cleave.cli.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cleave.cli.Cleave;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineCommandTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cleave.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void runsSplitEeOnAGeneratedTraceAndWritesTheCurve(@TempDir Path dir) throws IOException {
        Path curve = dir.resolve("regret.csv");
        Path trace = dir.resolve("trace.csv");
        Run r = run("online", "--generate", "2000", "--seed", "1", "--policy", "splitee", "--alpha", "0.7",
                "--lambda", "0.1", "--offload", "0.5", "--regret-csv", curve.toString(), "--curve-step", "100",
                "--write-trace", trace.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("2000 samples, 12 exits, with correctness"), r.out());
        assertTrue(r.out().contains("best fixed split (exit "), r.out());
        assertTrue(r.out().contains("per-sample oracle"), r.out());
        assertTrue(r.out().contains("cost reduction"), r.out());
        assertTrue(r.out().contains("accuracy drop"), r.out());
        List<String> lines = Files.readAllLines(curve);
        assertEquals("round,split,cumulativeRegret,regretPerRound", lines.get(0));
        assertEquals(1 + 1 + 20, lines.size(), "round 1, then every 100th up to 2000");
        assertTrue(lines.get(lines.size() - 1).startsWith("2000,"));

        // the written trace gives the same figures when read back
        Run again = run("online", trace.toString(), "--seed", "1", "--policy", "splitee");
        assertEquals(0, again.status(), again.err());
        assertEquals(tail(r.out()), tail(again.out()));
    }

    /** The output without the first line (which names the trace's origin) and the curve note. */
    private static String tail(String out) {
        return out.substring(out.indexOf('\n')).replaceAll("regret curve written to .*\\n", "");
    }

    @Test
    void readsATraceWithoutCorrectness(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, "sample,exit,confidence\na,0,0.9\na,1,0.95\nb,0,0.2\nb,1,0.8\n");
        Run r = run("online", trace.toString(), "--policy", "splitee-s");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("correctness unknown"), r.out());
        assertTrue(r.out().contains("n/a"), r.out());
        assertFalse(r.out().contains("accuracy drop"), r.out());
    }

    @Test
    void badInputIsOneLineAndStatusTwo(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, "sample,exit,confidence,correct\na,0,0.9,1\na,1,1.5,1\n");
        Run r = run("online", trace.toString());
        assertEquals(2, r.status());
        assertEquals("cleave: " + trace + ": line 3, column confidence: must be a number in [0, 1], got \"1.5\"",
                r.err().strip());
        assertEquals(2, run("online", "--generate", "10", "--alpha", "1.5").status());
        assertTrue(run("online", "--generate", "10", "--alpha", "1.5").err().contains("--alpha: must be a number"));
        assertTrue(run("online", "--generate", "0").err().contains("--generate: must be >= 1, got 0"));
        Run unknown = run("online", "--generate", "10", "--policy", "thompson");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown policy \"thompson\""), unknown.err());
        assertTrue(unknown.err().contains("--policy: unknown policy"), unknown.err());
        Run fixed = run("online", "--generate", "10", "--exits", "4", "--policy", "fixed:7");
        assertEquals(2, fixed.status());
        assertTrue(fixed.err().contains("must be an exit in [0, 3], got 7"), fixed.err());
        assertEquals(2, run("online", dir.resolve("missing.csv").toString()).status());
        assertEquals(1, run("online", "--generate", "10", "--policy", "final-only").err().isEmpty() ? 1 : 0);
    }
}
