package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.cleave.instances.io.Instance;
import org.cleave.workflows.compare.Comparison;
import org.cleave.workflows.compare.InstanceSources;
import org.cleave.workflows.report.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareJobTest {
    @TempDir
    Path dir;

    private static Comparison.Spec spec() {
        List<Instance> instances = new ArrayList<>(InstanceSources.generate(
                "partition:shape=residual,layers=12,count=3,seed=7"));
        instances.addAll(InstanceSources.generate("partition:shape=chain,layers=10,count=2,seed=3"));
        return new Comparison.Spec(instances, Comparison.Selection.ALL, List.of(), 2, 5, Optional.empty());
    }

    /** Everything of a row but its timing-dependent fields (wall time, statistics). */
    static String key(Comparison.Row r) {
        return String.join("|", r.instance(), r.family(), r.solver(), r.kind(), String.valueOf(r.repetition()),
                String.valueOf(r.seed()), r.status(), String.valueOf(r.objective()), String.valueOf(r.bound()),
                String.valueOf(r.bestBound()), String.valueOf(r.gap()), String.valueOf(r.verified()), r.message(),
                r.sense().name());
    }

    @Test
    void sparkRowsEqualTheSingleMachineRowsInTheSameOrder() throws Exception {
        Comparison.Spec spec = spec();
        List<Comparison.Row> local = Comparison.run(spec, 1, Progress.none());
        List<Comparison.Row> spark;
        try (SparkSession s = Sessions.open("compare-test", "local[2]", null)) {
            spark = CompareJob.run(s, spec);
        }
        assertEquals(local.size(), spark.size());
        assertTrue(local.size() > 10, "a real comparison: " + local.size() + " rows");
        for (int i = 0; i < local.size(); i++) {
            assertEquals(key(local.get(i)), key(spark.get(i)), "row " + i);
        }
    }

    @Test
    void commandWritesTheComparisonReport() throws Exception {
        Path out = dir.resolve("cmp");
        var sw = new java.io.StringWriter();
        int status = Launcher.execute(new CompareJob(),
                new String[] {"--generate", "partition:shape=residual,layers=10,count=2,seed=1", "--all-exact",
                        "--threads", "2", "-o", out.toString()},
                new java.io.PrintWriter(sw, true), new java.io.PrintWriter(System.err, true));
        assertEquals(0, status, sw.toString());
        for (String f : List.of("results.csv", "results.jsonl", "summary.md")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(sw.toString().contains("runs on 2 instances"), sw.toString());
    }

    @Test
    void badInputIsOneLineAndStatusTwo() {
        var err = new java.io.StringWriter();
        int status = Launcher.execute(new CompareJob(),
                new String[] {"--generate", "partition:shape=residual,layers=10,count=2,seed=1", "--all",
                        "--all-exact", "-o", dir.resolve("x").toString()},
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true));
        assertEquals(2, status);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
