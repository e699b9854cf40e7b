package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.apache.spark.sql.SparkSession;
import org.cleave.instances.Examples;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleave-spark-submit.jar} as {@code spark-submit} uses it: the jar plus Spark's own class
 * path, nothing else. The class path of this test's JVM stands in for a Spark installation's
 * {@code jars/} folder once every library the jar is meant to carry (Cleave's modules and the
 * libraries Spark does not ship) is taken off it; the job then runs in a separate JVM and its rows
 * must equal {@code cleave groundtruth}'s. Runs after {@code package} (failsafe).
 */
class SubmitJarIT {
    /** Path fragments of what the submit jar carries itself (see its shade execution's includes). */
    private static final List<String> CARRIED = List.of("/cleave-", "/target/classes", "/target/test-classes",
            "/info/picocli/", "/org/jgrapht/", "/org/jheaps/", "/org/apfloat/", "/commons-statistics-",
            "/commons-numbers-", "/commons-rng-", "/org/knowm/", "/vectorgraphics2d/", "/de/rototor/",
            "/org/apache/pdfbox/", "/com/madgag/", "/com/google/protobuf/");

    @TempDir
    Path dir;

    @Test
    void runsOnSparksClassPathAloneAndWritesTheSingleMachineRows() throws Exception {
        Path jar = Path.of(System.getProperty("cleave.submitJar", "target/cleave-spark-submit.jar"));
        assertTrue(Files.isRegularFile(jar), "built by package: " + jar);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertTrue(j.getEntry("org/cleave/spark/GroundTruthJob.class") != null);
            assertTrue(j.getEntry("org/cleave/shaded/protobuf/Message.class") != null, "protobuf relocated");
            assertFalse(j.stream().anyMatch(e -> e.getName().startsWith("org/apache/spark/")
                    || e.getName().startsWith("scala/") || e.getName().startsWith("com/google/protobuf/")),
                    "Spark, Scala and an unrelocated protobuf are the cluster's");
        }
        List<String> classPath = new ArrayList<>();
        classPath.add(jar.toAbsolutePath().toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String unix = entry.replace(File.separatorChar, '/');
            if (CARRIED.stream().noneMatch(unix::contains)) {
                classPath.add(entry);
            }
        }
        Path out = dir.resolve("gt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(System.getProperty("cleave.sparkJvmOptions", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), "org.cleave.spark.GroundTruthJob",
                "--example", "resnet18-two-stages", "--axis", "uplink=1Mbps:100Mbps:6", "--threads", "2",
                "--states-per-partition", "4", "-o", out.toString()));
        Path log = dir.resolve("job.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("job did not end in 5 minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("6 states in 2 partitions"), output);

        var spec = new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut",
                List.of(Axis.parse("uplink=1Mbps:100Mbps:6")), 0, 1, Table.JSONL, Optional.empty(), Optional.empty(),
                List.of());
        try (SparkSession session = Sessions.open("submit-jar-it", null, "local[1]")) {
            Labels.assertSameRows(spec, Labels.singleMachine(spec, dir.resolve("single.jsonl")),
                    Labels.spark(session, out));
        }
    }
}
