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
}
