package org.cleave.algorithms.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.junit.jupiter.api.Test;

/**
 * The P5 differential set: 1,200 seeded instances (all four shapes, 1–10 layers after the input,
 * every mode, every weight kind). On every instance: branch-and-bound and PBT exact agree with
 * enumeration to 1e-9; PBT fast mode is never below the optimum (its gap is measured and printed);
 * and for every monotone placement, parallel latency ≤ serial latency.
 */
class UploadDifferentialTest {
    static final int INSTANCES = 1200;

    static UploadProblem instance(int k) {
        long seed = 7_000_003L * 31 + k;
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[k % 4];
        UploadMode mode = UploadMode.values()[(k / 4) % 3];
        return RandomUploadInstances.random(seed, shape, 1 + (k / 12) % 10, mode, RandomPartitionInstances.WeightMode.ANY);
    }

    @Test
    void exactSolversAgreeWithEnumerationAndParallelNeverLoses() {
        var enumerate = new EnumerationUploadSolver();
        var bnb = new BranchAndBoundUploadSolver();
        var pbt = new PrunedBinaryTreeUploadSolver();
        var beam = new PrunedBinaryTreeUploadSolver.Beam();
        double gapSum = 0;
        double gapMax = 0;
        int gapPositive = 0;
        long plans = 0;
        for (int k = 0; k < INSTANCES; k++) {
            UploadProblem p = instance(k);
            String label = "instance " + k + " (" + p.mode() + ", " + p.graph() + ")";
            Result<Placement> ref = enumerate.solve(p);
            assertEquals(Status.OPTIMAL, ref.status(), label);
            for (var s : List.of(bnb, pbt)) {
                Result<Placement> r = s.solve(p);
                assertEquals(Status.OPTIMAL, r.status(), label + " " + s.id());
                assertTrue(Verifier.verify(p, r).ok(), label + " " + s.id());
                assertTrue(Verifier.close(ref.objective(), r.objective(), 1e-9),
                        label + " " + s.id() + ": " + r.objective() + " vs enumeration " + ref.objective());
            }
            Result<Placement> fast = beam.solve(p);
            assertTrue(Verifier.verify(p, fast).ok(), label);
            double gap = fast.objective() / ref.objective() - 1;
            assertTrue(gap >= -1e-12, label + ": pbt-beam below the optimum");
            gapSum += Math.max(0, gap);
            gapMax = Math.max(gapMax, gap);
            gapPositive += gap > 1e-9 ? 1 : 0;
            UploadProblem par = p.withMode(UploadMode.PARALLEL);
            UploadProblem ser = p.withMode(UploadMode.SERIAL);
            long[] count = {0};
            OrderIdeals.forEach(p.graph(), Long.MAX_VALUE, () -> false, x -> {
                Placement plan = Placement.of(x);
                double tp = par.evaluate(plan).latencySeconds();
                double ts = ser.evaluate(plan).latencySeconds();
                assertTrue(tp <= ts * (1 + 1e-12), label + " " + plan + ": parallel " + tp + " > serial " + ts);
                count[0]++;
            });
            plans += count[0];
        }
        System.out.printf(Locale.ROOT, "P5 differential: %d instances, %d plans checked parallel<=serial;"
                        + " pbt-beam (width %d) gap mean %.4f %%, max %.4f %%, nonzero on %d instances%n", INSTANCES,
                plans, PrunedBinaryTreeUploadSolver.DEFAULT_BEAM_WIDTH, 100 * gapSum / INSTANCES, 100 * gapMax,
                gapPositive);
    }

    @Test
    void fastModeGapOnLargerGraphs() {
        var bnb = new BranchAndBoundUploadSolver();
        for (int width : new int[] {1, 4}) {
            var beam = new PrunedBinaryTreeUploadSolver(width);
            double sum = 0;
            double max = 0;
            int count = 200;
            for (int k = 0; k < count; k++) {
                RandomGraphs.Shape shape = RandomGraphs.Shape.values()[k % 4];
                UploadProblem p = RandomUploadInstances.random(9_000_011L + k, shape, 12 + k % 9,
                        UploadMode.values()[k % 3], RandomPartitionInstances.WeightMode.ANY);
                double opt = bnb.solve(p).objective();
                Result<Placement> r = beam.solve(p);
                assertTrue(Verifier.verify(p, r).ok());
                double gap = r.objective() / opt - 1;
                assertTrue(gap >= -1e-12, "instance " + k + ": pbt-beam below branch-and-bound");
                sum += Math.max(0, gap);
                max = Math.max(max, gap);
            }
            System.out.printf(Locale.ROOT, "P5 pbt-beam width %d on %d graphs of 12-20 layers: gap mean %.4f %%,"
                    + " max %.4f %%%n", width, count, 100 * sum / count, 100 * max);
        }
    }
}
