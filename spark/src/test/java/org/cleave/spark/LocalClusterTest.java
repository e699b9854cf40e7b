package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.BandwidthTrace;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on one machine: Spark's {@code local-cluster[2,1,1024]} master (a standalone
 * master and two workers inside the test JVM, each worker launching its executor as a separate JVM
 * on 127.0.0.1; it runs from the Maven jars with {@code SPARK_TESTING=1}, no Spark distribution).
 * The job's rows equal the single-machine rows; then one executor JVM is killed (SIGKILL) while the
 * job runs, and the job still completes with every state exactly once. Both runs take traces (P4
 * per-user trace uplinks, a P1 bandwidth trace) whose files are deleted before the jobs start.
 */
class LocalClusterTest {
    @TempDir
    Path dir;

    @Test
    void separateExecutorJvmsWriteTheSameRowsAndSurviveAKilledExecutor() throws Exception {
        SparkConf conf = new SparkConf().setMaster("local-cluster[2,1,1024]").setAppName("local-cluster-test")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false");
        AtomicInteger removed = new AtomicInteger();
        try (SparkSession session = SparkSession.builder().config(conf).getOrCreate()) {
            session.sparkContext().setLogLevel("WARN");
            session.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
                    removed.incrementAndGet();
                }
            });
            // trace files are read here, on the driver, and deleted before the jobs: the executor JVMs
            // label from the rows the wire spec carries, never from the files
            Path userTrace = Labels.traceFile(dir.resolve("users.csv"), 7, 3);
            Path linkTrace = Labels.traceFile(dir.resolve("link.csv"), 11, 4);
            PerUser uplinks = PerUser.parse("uplink=trace:" + userTrace);
            BandwidthTrace link = BandwidthTrace.read(linkTrace);
            Files.delete(userTrace);
            Files.delete(linkTrace);

            // 1. same rows as the single machine, from two executor JVMs (P4 grid, per-user trace uplinks)
            GroundTruth.Spec p4 = Labels.p4().withPerUser(List.of(uplinks));
            Path out = dir.resolve("p4");
            SparkGroundTruth.run(session, p4, out.toString(), new SparkGroundTruth.Options(5, false));
            Labels.assertSameRows(p4, Labels.singleMachine(p4, dir.resolve("p4.jsonl")), Labels.spark(session, out));
            assertEquals(2, executorPids().size(), "two executor JVMs: " + executorPids());

            // 2. kill one executor while the job runs (P1, random states over a bandwidth trace and a load axis)
            GroundTruth.Spec big = new GroundTruth.Spec(Labels.p1().base(), "mincut",
                    List.of(Axis.parse("load=0:0.8")), 240, 5, Labels.p1().format(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.of(link));
            Path bigOut = dir.resolve("killed");
            AtomicLong killed = new AtomicLong(-1);
            Thread killer = new Thread(() -> {
                try {
                    Path parts = bigOut.resolve("parquet");
                    for (int i = 0; i < 6000 && killed.get() < 0; i++) {
                        if (committed(parts) >= 2) {
                            List<Long> pids = executorPids();
                            ProcessHandle h = ProcessHandle.of(pids.get(0)).orElseThrow();
                            h.destroyForcibly();
                            h.onExit().get(60, TimeUnit.SECONDS);
                            killed.set(pids.get(0));
                        }
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "executor-killer");
            killer.start();
            var s = SparkGroundTruth.run(session, big, bigOut.toString(), new SparkGroundTruth.Options(20, false));
            killer.join();
            assertTrue(killed.get() > 0, "an executor was killed during the job");
            long partsAfter = committed(bigOut.resolve("parquet"));
            assertEquals(12, partsAfter);
            assertEquals(12, s.partitions());
            assertTrue(s.labelled() == 240 && s.resumed() == 0, s.toString());
            assertFalse(ProcessHandle.of(killed.get()).map(ProcessHandle::isAlive).orElse(false));
            assertTrue(removed.get() >= 1, "the driver saw the executor go: " + removed.get());

            List<Row> rows = Labels.spark(session, bigOut);
            assertEquals(240, rows.size(), "every state once");
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i, rows.get(i).getInt(0), "state_index of row " + i);
            }
            Labels.assertSameRows(big, Labels.singleMachine(big, dir.resolve("big.jsonl")), rows);
        }
    }

    private static long committed(Path parts) throws IOException {
        if (!Files.isDirectory(parts)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(parts)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    /** The executor JVMs: descendants of this JVM running CoarseGrainedExecutorBackend. */
    private static List<Long> executorPids() {
        return ProcessHandle.current().descendants().filter(p -> cmdline(p).contains("CoarseGrainedExecutorBackend"))
                .map(ProcessHandle::pid).toList();
    }

    private static String cmdline(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }
}
