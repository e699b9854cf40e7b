package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Bad options of the Spark jobs are reported as {@code cleave groundtruth} and {@code cleave compare}
 * report them: one line, status 2, under the option that carried the value (not the library's field
 * name), before any Spark session starts.
 */
class JobOptionErrorsTest {
    @TempDir
    Path dir;

    private String run(Supplier<Callable<Integer>> job, String... args) {
        var err = new StringWriter();
        int status = Launcher.execute(job.get(), args, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        String message = err.toString().strip();
        assertEquals(2, status, message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(message.contains("Exception"), message);
        return message;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--per-user|load=gamma:k=2|--per-user",
        "--per-user|bogus=uniform:from=0,to=1|--per-user",
        "--axis|nonsense=0:1:3|--axis",
        "--solver|no-such-solver|--solver",
        "--certify|no-such-solver|--certify",
        "--threads|0|--threads",
        "--states-per-partition|0|--states-per-partition",
        "--random|-3|--random",
    })
    void groundTruthNamesTheOption(String option, String value, String named) {
        String[] args = option.equals("--axis")
                ? new String[] {"--example", "resnet18-two-stages", option, value, "-o", dir.resolve("gt").toString()}
                : option.equals("--per-user")
                ? new String[] {"--example", "resnet18-two-stages", "--random", "3", option, value,
                        "-o", dir.resolve("gt").toString()}
                : new String[] {"--example", "resnet18-two-stages", "--axis", "uplink=1Mbps:10Mbps:3", option, value,
                        "-o", dir.resolve("gt").toString()};
        String message = run(GroundTruthJob::new, args);
        assertTrue(message.contains(named + ":") || message.contains(named + " "), message);
        assertTrue(Files.notExists(dir.resolve("gt")), "no output on bad input");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--repetitions|0|--repetitions",
        "--threads|0|--threads",
        "--threads|5000|--threads",
    })
    void compareNamesTheOption(String option, String value, String named) {
        String message = run(CompareJob::new, "--generate", "partition:shape=residual,layers=6,count=1,seed=1",
                "--all-exact", option, value, "-o", dir.resolve("cmp").toString());
        assertTrue(message.contains(named), message);
        assertTrue(Files.notExists(dir.resolve("cmp")), "no output on bad input");
    }

    @Test
    void compareKeepsAnEarlierReportWithoutForce() throws Exception {
        Path out = Files.createDirectories(dir.resolve("cmp"));
        byte[] mine = "my own notes\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("summary.md"), mine);
        String message = run(CompareJob::new, "--generate", "partition:shape=residual,layers=6,count=1,seed=1",
                "--all-exact", "-o", out.toString());
        assertTrue(message.contains(": -o: ") && message.contains("--force"), message);
        assertArrayEquals(mine, Files.readAllBytes(out.resolve("summary.md")));
    }

    /**
     * Trace errors as {@code cleave groundtruth} reports them: the file, line and column under
     * {@code --trace} or {@code --per-user QUANTITY}; a trace on a family without link axes under
     * {@code --trace}; an existing output folder untouched.
     */
    @Test
    void traceErrorsNameTheOptionFileLineAndColumn() throws Exception {
        Path out = Files.createDirectories(dir.resolve("gt"));
        byte[] mine = "an earlier run's notes\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("notes.txt"), mine);
        Path nonPositive = Files.writeString(dir.resolve("zero.csv"), "time_s,uplink_bps,downlink_bps\n0,1e6,2e7\n"
                + "1,0,3e7\n");
        Path noColumn = Files.writeString(dir.resolve("nocol.csv"), "time_s,up,downlink_bps\n0,1e6,2e7\n");
        Path good = Labels.traceFile(dir.resolve("good.csv"), 3, 1);
        Path p4 = dir.resolve("p4.json");
        org.cleave.instances.io.InstanceJson.write(Labels.p4PerUser().base(), p4);
        String o = out.toString();

        String m = run(GroundTruthJob::new, "--example", "resnet18-two-stages", "--trace", nonPositive.toString(),
                "--axis", "load=0:0.8:3:lin", "-o", o);
        assertEquals("cleave-spark: --trace: " + nonPositive + " data row 2, column uplink_bps: a rate must be > 0"
                + " bit/s, got 0.0", m);
        m = run(GroundTruthJob::new, "--example", "resnet18-two-stages", "--trace", noColumn.toString(),
                "--axis", "load=0:0.8:3:lin", "-o", o);
        assertTrue(m.startsWith("cleave-spark: --trace: " + noColumn + ": no column uplink_bps"), m);
        m = run(GroundTruthJob::new, "--example", "resnet18-two-stages", "--trace", dir.resolve("absent.csv").toString(),
                "--axis", "load=0:0.8:3:lin", "-o", o);
        assertTrue(m.startsWith("cleave-spark: --trace: "), m);
        m = run(GroundTruthJob::new, p4.toString(), "--solver", "dp", "--random", "3", "--per-user",
                "uplink=trace:" + nonPositive, "-o", o);
        assertTrue(m.startsWith("cleave-spark: --per-user uplink: " + nonPositive + " data row 2, column uplink_bps"),
                m);
        m = run(GroundTruthJob::new, p4.toString(), "--solver", "dp", "--random", "3", "--per-user",
                "uplink=trace:" + good + ",column=nope", "-o", o);
        assertTrue(m.startsWith("cleave-spark: --per-user uplink: " + good + ": no column nope"), m);
        m = run(GroundTruthJob::new, p4.toString(), "--solver", "dp", "--axis", "units=2:6:3:lin", "--trace",
                good.toString(), "-o", o);
        assertTrue(m.startsWith("cleave-spark: --trace: family "), m);
        m = run(GroundTruthJob::new, "--example", "resnet18-two-stages", "--trace", good.toString(),
                "--axis", "uplink=1Mbps:10Mbps:3", "-o", o);
        assertTrue(m.startsWith("cleave-spark: --axis: the uplink axis cannot be combined with a bandwidth trace"), m);

        try (var files = Files.list(out)) {
            assertEquals(List.of(out.resolve("notes.txt")), files.toList(), "the output folder is untouched");
        }
        assertArrayEquals(mine, Files.readAllBytes(out.resolve("notes.txt")));
    }
}
