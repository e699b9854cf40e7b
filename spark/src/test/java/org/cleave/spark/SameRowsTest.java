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
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark on local[2] writes the rows of GroundTruth.run, for P1, P2 and P4 (grid and per-user draws); reruns resume; other arguments are refused. */
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
        reopenIfStopped();
        Path out = dir.resolve("spark");
        var s = SparkGroundTruth.run(session, spec, out.toString(), new SparkGroundTruth.Options(perPartition, true));
        assertEquals(spec.stateCount(), s.labelled());
        assertEquals((spec.stateCount() + perPartition - 1) / perPartition, s.partitions());
        Labels.assertSameRows(spec, Labels.singleMachine(spec, dir.resolve("single.jsonl")), Labels.spark(session, out));
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

    @Test
    void tracedStateSpacesAreRefusedNotDropped() throws Exception {
        reopenIfStopped();
        var trace = org.cleave.workflows.groundtruth.BandwidthTrace.parse("t",
                "time_s,uplink_bps,downlink_bps\n0,1e6,2e7\n1,5e6,3e7\n");
        GroundTruth.Spec p1 = Labels.p1();
        GroundTruth.Spec traced = new GroundTruth.Spec(p1.base(), p1.solverId(), List.of(), 0, 1, Table.JSONL,
                Optional.empty(), Optional.empty(), List.of(), Optional.of(trace));
        Path out = dir.resolve("traced");
        String m = assertThrows(IllegalArgumentException.class, () -> SparkGroundTruth.run(session, traced,
                out.toString(), new SparkGroundTruth.Options(4, true))).getMessage();
        assertTrue(m.startsWith("trace: the Spark runner does not take bandwidth traces"), m);
        assertTrue(Files.notExists(out));
    }
}
