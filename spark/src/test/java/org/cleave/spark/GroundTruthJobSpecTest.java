package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.BandwidthTrace;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The spec {@link GroundTruthJob} builds on the driver (no Spark session) is the one
 * {@code cleave groundtruth} builds from the same options: the family's default solver, the
 * bandwidth trace and per-user trace columns as its readers read them (same fingerprint).
 */
class GroundTruthJobSpecTest {
    @TempDir
    Path dir;

    private static GroundTruth.Spec spec(String... args) {
        GroundTruthJob job = new GroundTruthJob();
        new CommandLine(job).parseArgs(args);
        return job.groundTruthSpec();
    }

    @Test
    void aTraceAndTheDefaultSolverAreCleaveGroundtruths() throws Exception {
        Path trace = Labels.traceFile(dir.resolve("lte.csv"), 5, 8);
        GroundTruth.Spec got = spec("--example", "resnet18-two-stages", "--trace", trace.toString(), "--axis",
                "load=0:0.8:3:lin", "-o", dir.resolve("out").toString());
        GroundTruth.Spec expected = new GroundTruth.Spec(Labels.p1().base(), "mincut",
                List.of(Axis.parse("load=0:0.8:3:lin")), 0, 1, Table.JSONL, Optional.empty(), Optional.empty(),
                List.of(), Optional.of(BandwidthTrace.read(trace)));
        assertEquals(expected.fingerprint(), got.fingerprint());
        assertEquals(15, got.stateCount());
    }

    @Test
    void p4DefaultsToDpAndReadsPerUserTraceColumns() throws Exception {
        Path trace = Labels.traceFile(dir.resolve("users.csv"), 6, 2);
        Path p4 = dir.resolve("p4.json");
        InstanceJson.write(Labels.p4PerUser().base(), p4);
        GroundTruth.Spec got = spec(p4.toString(), "--per-user", "uplink=trace:" + trace + ",column=up2",
                "--random", "10", "--seed", "3", "-o", dir.resolve("out").toString());
        assertEquals("dp", got.solverId());
        GroundTruth.Spec expected = new GroundTruth.Spec(Labels.p4PerUser().base(), "dp", List.of(), 10, 3,
                Table.JSONL, Optional.empty(), Optional.empty(),
                List.of(PerUser.parse("uplink=trace:" + trace + ",column=up2")));
        assertEquals(expected.fingerprint(), got.fingerprint());
    }
}
