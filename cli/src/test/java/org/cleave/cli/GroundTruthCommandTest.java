package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroundTruthCommandTest {
    @TempDir
    Path dir;

    private static final String[] AXES = {"--axis", "uplink=0.1Mbps:1000Mbps:3000", "--axis", "load=0:0.8:5:lin"};

    /**
     * Kills a real {@code cleave groundtruth} process mid-run (SIGKILL), re-runs it with the same
     * arguments and compares the output byte for byte with an uninterrupted run.
     */
    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void survivesBeingKilledMidRun(int threads) throws Exception {
        Path reference = dir.resolve("reference.jsonl");
        List<String> refArgs = new ArrayList<>(List.of("groundtruth", "--example", "resnet18-two-stages", "--quiet",
                "--threads", "2", "-o", reference.toString()));
        refArgs.addAll(List.of(AXES));
        assertEquals(0, org.cleave.cli.Cleave.run(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintWriter(System.err, true), refArgs.toArray(String[]::new)));
        long total = Files.readAllLines(reference).size();

        Path out = dir.resolve("killed.jsonl");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.cleave.cli.Cleave", "groundtruth", "--example",
                "resnet18-two-stages", "--quiet", "--threads", String.valueOf(threads), "-o", out.toString()));
        cmd.addAll(List.of(AXES));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()
                && (!Files.exists(out) || Files.size(out) < 2000)) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the run finished before it could be killed: " + Files.readString(dir.resolve("log")));
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue());
        long partial = Files.readAllLines(out, StandardCharsets.UTF_8).size();
        assertTrue(partial < total, "killed run had " + partial + " of " + total + " rows");

        List<String> again = new ArrayList<>(cmd.subList(4, cmd.size()));
        assertEquals(0, org.cleave.cli.Cleave.run(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintWriter(System.err, true), again.toArray(String[]::new)));
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(out));
    }

    @Test
    void badAxesNameTheOption() {
        java.io.StringWriter err = new java.io.StringWriter();
        int status = Cleave.run(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintWriter(err, true), "groundtruth", "--example", "resnet18-two-stages", "--axis",
                "uplink=1Mbps:2Mbps:0", "-o", dir.resolve("bad.jsonl").toString());
        assertEquals(Cleave.BAD_INPUT, status);
        assertTrue(err.toString().contains("--axis uplink: needs at least 1 point, got 0"), err.toString());
        err.getBuffer().setLength(0);
        status = Cleave.run(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintWriter(err, true), "groundtruth", "--example", "resnet18-two-stages", "--axis",
                "uplink=fast:2Mbps", "-o", dir.resolve("bad.jsonl").toString());
        assertEquals(Cleave.BAD_INPUT, status);
        assertTrue(err.toString().contains("--axis uplink: expected a bit rate"), err.toString());
    }

    @Test
    void aTraceIsOneStatePerRowAndItsErrorsNameFileLineAndColumn() throws Exception {
        Path trace = dir.resolve("lte.csv");
        java.nio.file.Files.writeString(trace, "time_s,uplink_bps,downlink_bps\n0,2e6,2e7\n1,8e6,3e7\n2,5e7,9e7\n");
        java.io.StringWriter out = new java.io.StringWriter();
        Path labels = dir.resolve("trace.csv");
        int status = Cleave.run(new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()), "groundtruth", "--example",
                "resnet18-two-stages", "--trace", trace.toString(), "--axis", "load=0:0.5:2:lin", "--format", "csv",
                "--quiet", "-o", labels.toString());
        assertEquals(0, status, out.toString());
        List<String> lines = java.nio.file.Files.readAllLines(labels);
        assertEquals(1 + 6, lines.size());
        assertTrue(lines.get(0).startsWith("state_index,state_trace_row,state_time_s,state_uplink_bps,"
                + "state_downlink_bps,state_load,status,"), lines.get(0));
        assertTrue(lines.get(3).startsWith("2,1,1.0,8000000.0,3.0E7,0.0,OPTIMAL,"), lines.get(3));
        assertTrue(out.toString().startsWith("6 states (0 resumed, 6 labelled now)"), out.toString());

        java.nio.file.Files.writeString(trace, "time_s,uplink_bps,downlink_bps\n0,2e6,2e7\n1,8e6\n");
        java.io.StringWriter err = new java.io.StringWriter();
        status = Cleave.run(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintWriter(err, true), "groundtruth", "--example", "resnet18-two-stages", "--trace",
                trace.toString(), "-o", dir.resolve("bad.jsonl").toString());
        assertEquals(Cleave.BAD_INPUT, status);
        assertEquals("cleave: --trace: " + trace + " line 3: expected 3 columns (time_s,uplink_bps,downlink_bps),"
                + " got 2", err.toString().strip());
        assertTrue(java.nio.file.Files.notExists(dir.resolve("bad.jsonl")));
    }
}
