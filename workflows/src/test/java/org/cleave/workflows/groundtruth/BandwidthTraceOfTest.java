package org.cleave.workflows.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cleave.instances.Examples;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;

/**
 * {@link BandwidthTrace#of}: a trace rebuilt from its parsed rows and digest (as a copy shipped to a
 * machine that cannot read the file) is the original for the labeller and the run fingerprint.
 */
class BandwidthTraceOfTest {
    private static final String TEXT = StateSpacesTest.traceText(7, 3);

    private static BandwidthTrace copy(BandwidthTrace t) {
        double[] time = new double[t.rows()];
        double[] up = new double[t.rows()];
        double[] down = new double[t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            time[r] = t.timeSeconds(r);
            up[r] = t.uplinkBitsPerSecond(r);
            down[r] = t.downlinkBitsPerSecond(r);
        }
        return BandwidthTrace.of(time, up, down, t.sha256());
    }

    @Test
    void aCopyFromRowsAndDigestHasTheOriginalsRowsAndFingerprint() {
        BandwidthTrace original = BandwidthTrace.parse("t.csv", TEXT);
        BandwidthTrace copy = copy(original);
        assertEquals(original.rows(), copy.rows());
        for (int r = 0; r < original.rows(); r++) {
            assertEquals(original.timeSeconds(r), copy.timeSeconds(r), 0.0);
            assertEquals(original.uplinkBitsPerSecond(r), copy.uplinkBitsPerSecond(r), 0.0);
            assertEquals(original.downlinkBitsPerSecond(r), copy.downlinkBitsPerSecond(r), 0.0);
        }
        assertEquals(original.toString(), copy.toString());
        var p1 = new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut",
                List.of(Axis.parse("load=0:0.8:3:lin")), 0, 1, Table.JSONL, Optional.empty());
        assertEquals(p1.withTrace(original).fingerprint(), p1.withTrace(copy).fingerprint());
        var a = GroundTruth.labeller(p1.withTrace(original));
        var b = GroundTruth.labeller(p1.withTrace(copy));
        for (long i = 0; i < p1.withTrace(original).stateCount(); i++) {
            assertEquals(Arrays.deepToString(a.row(i).toArray()), Arrays.deepToString(b.row(i).toArray()),
                    "state " + i);
        }
    }

    @Test
    void theArraysAreCopied() {
        double[] up = {1e6, 2e6};
        BandwidthTrace t = BandwidthTrace.of(new double[] {0, 1}, up, new double[] {3e6, 4e6}, "ab".repeat(32));
        up[0] = -1;
        assertEquals(1e6, t.uplinkBitsPerSecond(0), 0.0);
    }

    @Test
    void badRowsAreRefusedUnderTheTraceField() {
        String sha = "0".repeat(64);
        double[] two = {1e6, 2e6};
        List<Runnable> bad = List.of(
                () -> BandwidthTrace.of(new double[0], new double[0], new double[0], sha),
                () -> BandwidthTrace.of(new double[] {0, 1}, new double[] {1e6}, two, sha),
                () -> BandwidthTrace.of(new double[] {0, Double.NaN}, two, two, sha),
                () -> BandwidthTrace.of(new double[] {0, 1}, new double[] {1e6, 0}, two, sha),
                () -> BandwidthTrace.of(new double[] {0, 1}, two, new double[] {Double.POSITIVE_INFINITY, 1}, sha),
                () -> BandwidthTrace.of(new double[] {0, 1}, two, two, "not-hex"));
        for (Runnable r : bad) {
            String m = assertThrows(IllegalArgumentException.class, r::run).getMessage();
            assertTrue(m.startsWith("trace: "), m);
        }
    }
}
