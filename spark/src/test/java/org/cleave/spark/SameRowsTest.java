package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.BandwidthTrace;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark on local[2] writes the rows of GroundTruth.run, for P1, P2 and P4 (grid and per-user draws),
 * with bandwidth traces (P1, P2) and per-user trace columns (P4); reruns resume; other arguments are
 * refused.
 */
class SameRowsTest {
    static SparkSession session;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        session = Sessions.open("same-rows-test", "local[2]", null);
    }

    /** The command-line tests' jobs close the session they share with this class: reopen it after them. */
    private static void reopenIfStopped() {
        if (session.sparkContext().isStopped()) {
            start();
        }
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    private void sameRows(GroundTruth.Spec spec, int perPartition) throws Exception {
        sameRows(spec, perPartition, "spark");
    }

    private void sameRows(GroundTruth.Spec spec, int perPartition, String name) throws Exception {
        reopenIfStopped();
        Path out = dir.resolve(name);
        var s = SparkGroundTruth.run(session, spec, out.toString(), new SparkGroundTruth.Options(perPartition, true));
        assertEquals(spec.stateCount(), s.labelled());
        assertEquals((spec.stateCount() + perPartition - 1) / perPartition, s.partitions());
        Labels.assertSameRows(spec, Labels.singleMachine(spec, dir.resolve(name + "-single.jsonl")),
                Labels.spark(session, out));
        // the JSON Lines copy holds the same rows
        long jsonRows = session.read().json(out.resolve("jsonl").toString()).count();
        assertEquals(spec.stateCount(), jsonRows);
    }

    @Test
    void p1RowsEqualTheSingleMachineRows() throws Exception {
        sameRows(Labels.p1(), 7);
    }

    @Test
    void p2RandomStatesEqualTheSingleMachineRows() throws Exception {
        sameRows(Labels.p2(), 9);
    }

    @Test
    void p4RowsEqualTheSingleMachineRows() throws Exception {
        sameRows(Labels.p4(), 4);
    }

    @Test
    void p4PerUserDrawsWithCertificationEqualTheSingleMachineRows() throws Exception {
        GroundTruth.Spec spec = Labels.p4PerUser();
        // the wire form carries every spec field: rebuilt after Java serialization, it is the same spec
        var bytes = new java.io.ByteArrayOutputStream();
        try (var o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(SparkGroundTruth.WireSpec.of(spec));
        }
        SparkGroundTruth.WireSpec back;
        try (var i = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (SparkGroundTruth.WireSpec) i.readObject();
        }
        assertEquals(spec, back.spec());
        sameRows(spec, 4);
        List<Row> rows = Labels.spark(session, dir.resolve("spark"));
        for (Row r : rows) {
            assertEquals(r.getInt(r.fieldIndex("state_users")), r.getList(r.fieldIndex("state_user_uplink")).size(),
                    r.toString());
            assertTrue(r.getBoolean(r.fieldIndex("certified")), r.toString());
        }
    }

    @Test
    void commandLinePerUserRandomStatesWithoutAxisEqualTheSingleMachineRows() throws Exception {
        GroundTruth.Spec p4 = Labels.p4PerUser();
        Path file = dir.resolve("p4.json");
        InstanceJson.write(p4.base(), file);
        Path out = dir.resolve("cmd-pu");
        var sw = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int status = Launcher.execute(new GroundTruthJob(), new String[] {file.toString(), "--solver", "dp",
                "--per-user", "uplink=lognormal:median=5Mbps,sigma=0.8", "--per-user", "load=uniform:from=0,to=0.7",
                "--random", "10", "--seed", "3", "--certify", "enumerate", "--states-per-partition", "3",
                "-o", out.toString()}, new java.io.PrintWriter(sw, true), new java.io.PrintWriter(err, true));
        assertEquals(0, status, sw + " " + err);
        reopenIfStopped();
        assertTrue(sw.toString().startsWith("10 states in 4 partitions (0 resumed, 10 states labelled now)"),
                sw.toString());
        GroundTruth.Spec spec = new GroundTruth.Spec(p4.base(), "dp", List.of(), 10, 3, Table.JSONL,
                Optional.empty(), Optional.of("enumerate"),
                List.of(PerUser.parse("uplink=lognormal:median=5Mbps,sigma=0.8"),
                        PerUser.parse("load=uniform:from=0,to=0.7")));
        assertTrue(Files.readString(out.resolve("_meta")).contains(spec.fingerprint()));
        Labels.assertSameRows(spec, Labels.singleMachine(spec, dir.resolve("single-pu.jsonl")),
                Labels.spark(session, out));

        var bad = new java.io.StringWriter();
        status = Launcher.execute(new GroundTruthJob(), new String[] {file.toString(), "--solver", "dp",
                "--per-user", "load=lognormal:mu=0,sigma=1", "--random", "4", "-o", dir.resolve("bad-pu").toString()},
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(bad, true));
        assertEquals(2, status);
        assertEquals(1, bad.toString().strip().lines().count(), bad.toString());
        assertTrue(bad.toString().contains("per-user load"), bad.toString());
        assertTrue(Files.notExists(dir.resolve("bad-pu")));
    }

    @Test
    void rerunLabelsOnlyTheMissingPartitionsAndOtherArgumentsAreRefused() throws Exception {
        reopenIfStopped();
        GroundTruth.Spec spec = Labels.p1();
        Path out = dir.resolve("resume");
        var options = new SparkGroundTruth.Options(10, false);
        SparkGroundTruth.run(session, spec, out.toString(), options);
        List<Path> files;
        try (Stream<Path> s = Files.list(out.resolve("parquet"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        assertEquals(6, files.size());
        assertEquals("part-000000000020-000000000030.parquet", files.get(2).getFileName().toString());
        FileTime kept = Files.getLastModifiedTime(files.get(0));
        Files.delete(files.get(2));
        Files.createDirectories(out.resolve("_tmp-crashed")); // what a killed driver leaves
        var again = SparkGroundTruth.run(session, spec, out.toString(), options);
        assertEquals(5, again.resumed());
        assertEquals(10, again.labelled());
        assertEquals(kept, Files.getLastModifiedTime(files.get(0)), "a complete partition is not rewritten");
        assertTrue(Files.notExists(out.resolve("_tmp-crashed")));
        Labels.assertSameRows(spec, Labels.singleMachine(spec, dir.resolve("single.jsonl")), Labels.spark(session, out));

        var other = new GroundTruth.Spec(spec.base(), spec.solverId(), spec.axes(), 0, 8, spec.format(),
                spec.timeLimit());
        var e = assertThrows(IllegalArgumentException.class,
                () -> SparkGroundTruth.run(session, other, out.toString(), options));
        assertTrue(e.getMessage().startsWith("out: ") && e.getMessage().contains("fingerprint"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> SparkGroundTruth.run(session, spec, out.toString(),
                new SparkGroundTruth.Options(20, false)));
        assertTrue(e2.getMessage().contains("statesPerPartition 10, now 20"), e2.getMessage());
    }

    @Test
    void commandLineRunsOnTheEmbeddedMasterAndRejectsBadInput() throws Exception {
        Path out = dir.resolve("cmd");
        var sw = new java.io.StringWriter();
        int status = Launcher.execute(new GroundTruthJob(), new String[] {"--example", "resnet18-two-stages",
                "--axis", "uplink=1Mbps:100Mbps:6", "--states-per-partition", "4", "-o", out.toString()},
                new java.io.PrintWriter(sw, true), new java.io.PrintWriter(System.err, true));
        assertEquals(0, status, sw.toString());
        assertTrue(sw.toString().startsWith("6 states in 2 partitions (0 resumed, 6 states labelled now)"), sw.toString());
        assertTrue(Files.readString(out.resolve("_meta")).contains("\"fingerprint\""));

        var err = new java.io.StringWriter();
        status = Launcher.execute(new GroundTruthJob(), new String[] {"--example", "resnet18-two-stages",
                "--axis", "users=1:4:4", "-o", dir.resolve("bad").toString()},
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true));
        assertEquals(2, status);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("\"users\" is not an axis"), err.toString());
        assertTrue(Files.notExists(dir.resolve("bad")));
    }

    /**
     * The wire form of a traced spec, Java-serialized, rebuilds the spec after the trace files are
     * gone (executors never read them): same fingerprint, same rows.
     */
    private static void wireRoundTripWithoutTheFiles(GroundTruth.Spec spec, List<Path> files) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(SparkGroundTruth.WireSpec.of(spec));
        }
        for (Path f : files) {
            Files.delete(f);
        }
        SparkGroundTruth.WireSpec back;
        try (var i = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (SparkGroundTruth.WireSpec) i.readObject();
        }
        GroundTruth.Spec rebuilt = back.spec();
        assertEquals(spec.fingerprint(), rebuilt.fingerprint());
        var a = GroundTruth.labeller(spec);
        var b = GroundTruth.labeller(rebuilt);
        for (long k = 0; k < spec.stateCount(); k++) {
            assertEquals(java.util.Arrays.deepToString(a.row(k).toArray()),
                    java.util.Arrays.deepToString(b.row(k).toArray()), "state " + k);
        }
    }

    /** P1 over trace rows × a load grid (8 × 3 states): one partition, then several. */
    @Test
    void tracedP1GridEqualsTheSingleMachineRows() throws Exception {
        Path file = Labels.traceFile(dir.resolve("t.csv"), 8, 21);
        GroundTruth.Spec p1 = Labels.p1();
        GroundTruth.Spec spec = new GroundTruth.Spec(p1.base(), "mincut", List.of(Axis.parse("load=0:0.8:3:lin")), 0,
                7, Table.JSONL, Optional.empty(), Optional.empty(), List.of(),
                Optional.of(BandwidthTrace.read(file)));
        assertEquals(24, spec.stateCount());
        wireRoundTripWithoutTheFiles(spec, List.of(file));
        sameRows(spec, 24, "one");
        sameRows(spec, 5, "several");
        List<Row> rows = Labels.spark(session, dir.resolve("several"));
        assertEquals(7, rows.get(23).getInt(rows.get(23).fieldIndex("state_trace_row")));
    }

    /** P2 random states taking trace row i mod rows, latency drawn: one partition, then several. */
    @Test
    void tracedP2RandomStatesEqualTheSingleMachineRows() throws Exception {
        Path file = Labels.traceFile(dir.resolve("t2.csv"), 6, 5);
        GroundTruth.Spec p2 = Labels.p2();
        GroundTruth.Spec spec = new GroundTruth.Spec(p2.base(), "mincut", List.of(Axis.parse("latency=0.05:2:4")), 20,
                11, Table.JSONL, Optional.empty(), Optional.empty(), List.of(),
                Optional.of(BandwidthTrace.read(file)));
        sameRows(spec, 20, "one");
        sameRows(spec, 6, "several");
    }

    /**
     * P4 with a per-user trace column (a named, non-default column) and a per-user load column of the
     * same file, certified by {@code enumerate}: one partition, then several.
     */
    @Test
    void p4PerUserTraceColumnsEqualTheSingleMachineRows() throws Exception {
        Path file = Labels.traceFile(dir.resolve("pu.csv"), 5, 9);
        GroundTruth.Spec base = Labels.p4PerUser();
        GroundTruth.Spec spec = base.withPerUser(List.of(PerUser.parse("uplink=trace:" + file + ",column=up2"),
                PerUser.parse("load=trace:" + file)));
        wireRoundTripWithoutTheFiles(spec, List.of(file));
        sameRows(spec, 6, "one");
        sameRows(spec, 4, "several");
        for (Row r : Labels.spark(session, dir.resolve("several"))) {
            assertTrue(r.getBoolean(r.fieldIndex("certified")), r.toString());
        }
    }

    /**
     * {@code --trace} on the command line gives the rows and fingerprint of the spec with the trace
     * read by {@code cleave groundtruth}'s reader; a malformed trace is one line under {@code --trace},
     * status 2, and leaves the earlier output as it was.
     */
    @Test
    void commandLineTraceEqualsTheSingleMachineRowsAndABadTraceKeepsTheOutput() throws Exception {
        Path file = Labels.traceFile(dir.resolve("lte.csv"), 4, 2);
        Path out = dir.resolve("cmd-trace");
        var sw = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int status = Launcher.execute(new GroundTruthJob(), new String[] {"--example", "resnet18-two-stages",
                "--trace", file.toString(), "--axis", "load=0:0.9", "--random", "9", "--seed", "4",
                "--states-per-partition", "4", "-o", out.toString()},
                new java.io.PrintWriter(sw, true), new java.io.PrintWriter(err, true));
        assertEquals(0, status, sw + " " + err);
        reopenIfStopped();
        assertTrue(sw.toString().startsWith("9 states in 3 partitions (0 resumed, 9 states labelled now)"),
                sw.toString());
        GroundTruth.Spec spec = new GroundTruth.Spec(Labels.p1().base(), "mincut", List.of(Axis.parse("load=0:0.9")),
                9, 4, Table.JSONL, Optional.empty(), Optional.empty(), List.of(),
                Optional.of(BandwidthTrace.read(file)));
        assertTrue(Files.readString(out.resolve("_meta")).contains(spec.fingerprint()));
        Labels.assertSameRows(spec, Labels.singleMachine(spec, dir.resolve("cmd-trace.jsonl")),
                Labels.spark(session, out));

        java.util.Map<Path, byte[]> before = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                before.put(p, Files.readAllBytes(p));
            }
        }
        Path bad = Files.writeString(dir.resolve("bad.csv"), "time_s,uplink_bps,downlink_bps\n0,1e6,2e7\n1,fast,3e7\n");
        var badErr = new java.io.StringWriter();
        status = Launcher.execute(new GroundTruthJob(), new String[] {"--example", "resnet18-two-stages",
                "--trace", bad.toString(), "--axis", "load=0:0.9", "--random", "9", "--seed", "4",
                "--states-per-partition", "4", "-o", out.toString()},
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(badErr, true));
        String m = badErr.toString().strip();
        assertEquals(2, status, m);
        assertEquals("cleave-spark: --trace: " + bad + " line 3, column uplink_bps: not a finite number: 'fast'", m);
        java.util.Map<Path, byte[]> after = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                after.put(p, Files.readAllBytes(p));
            }
        }
        assertEquals(before.keySet(), after.keySet(), "the earlier output's files");
        for (Path p : before.keySet()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(before.get(p), after.get(p), p.toString());
        }
    }
}
