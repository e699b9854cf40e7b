package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test-only hook ({@value Sessions#FAIL_FIRST_ATTEMPT}) fails the first attempt of one range's
 * task; on local[2,2] (two cores, two attempts per task) Spark retries it and the output is the
 * single-machine output.
 */
class FailureInjectionTest {
    @TempDir
    Path dir;

    @Test
    void aFailedFirstAttemptIsRetriedAndTheRowsAreTheSame() throws Exception {
        GroundTruth.Spec spec = Labels.p4();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        System.setProperty(Sessions.FAIL_FIRST_ATTEMPT, "1");
        SparkSession session;
        try {
            session = Sessions.open("failure-injection-test", "local[2,2]", null);
        } finally {
            System.clearProperty(Sessions.FAIL_FIRST_ATTEMPT);
        }
        try {
            assertEquals(1, Sessions.failFirstAttemptOf(session));
            session.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.taskInfo().failed()) {
                        failures.add(end.reason().toString());
                    }
                }
            });
            Path out = dir.resolve("out");
            var s = SparkGroundTruth.run(session, spec, out.toString(), new SparkGroundTruth.Options(4, false));
            assertEquals(spec.stateCount(), s.labelled());
            Labels.assertSameRows(spec, Labels.singleMachine(spec, dir.resolve("single.jsonl")),
                    Labels.spark(session, out));
        } finally {
            session.stop();
        }
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("injected failure of the first attempt of partition 1"), failures.get(0));
    }
}
