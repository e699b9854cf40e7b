package org.cleave.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of multi-user P5 solvers: verified, feasible plans; an exact solver equals brute
 * force over every placement of every user and every unit split (tiny instances); a heuristic
 * is never below it.
 */
public abstract class MultiUserUploadSolverContract {
    /** The solver under test. */
    protected abstract Solver<MultiUserUploadProblem, MultiUserUploadPlan> createSolver();

    static LongStream seeds() {
        return Seeds.of(23, 60);
    }

    /** The optimum by brute force: every user's every placement and every unit split. */
    public static double bruteForce(MultiUserUploadProblem p) {
        int n = p.users().size();
        List<List<boolean[]>> options = new ArrayList<>();
        for (UploadUser u : p.users()) {
            List<boolean[]> xs = new ArrayList<>();
            OrderIdeals.forEach(u.graph(), Long.MAX_VALUE, () -> false, x -> xs.add(x.clone()));
            options.add(xs);
        }
        double[] best = {Double.POSITIVE_INFINITY};
        search(p, options, 0, new int[n], new int[n], new int[n], best);
        return best[0];
    }

    private static void search(MultiUserUploadProblem p, List<List<boolean[]>> options, int i, int[] choice, int[] kf,
                               int[] kb, double[] best) {
        int n = p.users().size();
        if (i == n) {
            List<UserAllocation> a = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                a.add(new UserAllocation(Placement.of(options.get(j).get(choice[j])), kf[j], kb[j]));
            }
            MultiUserUploadCost c = p.evaluate(new MultiUserUploadPlan(a));
            if (c.feasible()) {
                best[0] = Math.min(best[0], c.objective());
            }
            return;
        }
        int usedF = 0;
        int usedB = 0;
        for (int j = 0; j < i; j++) {
            usedF += kf[j];
            usedB += kb[j];
        }
        for (int c = 0; c < options.get(i).size(); c++) {
            choice[i] = c;
            boolean edge = false;
            for (boolean b : options.get(i).get(c)) {
                edge |= b;
            }
            if (!edge) {
                kf[i] = 0;
                kb[i] = 0;
                search(p, options, i + 1, choice, kf, kb, best);
                continue;
            }
            for (int f = 1; f <= p.computeUnits() - usedF; f++) {
                for (int b = 1; b <= p.bandwidthUnits() - usedB; b++) {
                    kf[i] = f;
                    kb[i] = b;
                    search(p, options, i + 1, choice, kf, kb, best);
                }
            }
        }
        kf[i] = 0;
        kb[i] = 0;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnTinyInstances(long seed) {
        UploadMode mode = UploadMode.values()[(int) (seed % 3)];
        MultiUserUploadProblem p = RandomUploadInstances.multiUser(seed, 3, 3, 3, mode);
        Solver<MultiUserUploadProblem, MultiUserUploadPlan> s = createSolver();
        assertEquals(Family.UPLOAD, s.family());
        Result<MultiUserUploadPlan> r = s.solve(p);
        assertNotNull(r);
        String label = "seed " + seed;
        assertTrue(r.hasPlan(), label + ": " + r.status() + " " + r.message());
        Verifier.Verdict v = Verifier.verify(p, r);
        assertTrue(v.ok(), label + ": " + v.defects());
        double opt = bruteForce(p);
        if (s.kind() == SolverKind.EXACT) {
            assertEquals(Status.OPTIMAL, r.status(), label);
            assertTrue(Verifier.close(opt, r.objective(), 1e-9), label + ": optimum " + opt + " but " + r.objective());
        } else {
            assertTrue(r.objective() >= opt * (1 - 1e-12), label + ": below the optimum " + opt);
        }
    }
}
