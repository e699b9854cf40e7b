package org.cleave.algorithms.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.upload.MultiUserUploadPlan;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.upload.UserAllocation;

/**
 * Exact multi-user P5 by dynamic programming over users × (compute units, bandwidth units), the
 * P4 scheme of DESIGN.md applied to MJOA-MU's multi-UE problem (Yang et al., doi:10.1016/j.comnet.2023.109801).
 * Since units are dedicated, user i's cost depends only on its own (x_i, k_F,i, k_B,i); the table
 * g_i(a, b) = min over placements (enumerated) is exact, and
 * V_i(A, B) = min_{a ≤ A, b ≤ B} g_i(a, b) + V_{i−1}(A − a, B − b) with a = b = 0 meaning device-only.
 * O(N·K_F·K_B·#ideals) evaluations plus O(N·K_F²·K_B²) for the DP. Exact over all monotone
 * placements of every user (refuses users with more than 2^14 of them).
 */
public final class UnitDpMultiUserUploadSolver extends AbstractSolver<MultiUserUploadProblem, MultiUserUploadPlan> {
    public UnitDpMultiUserUploadSolver() {
        super("multiuser-dp", Family.UPLOAD, SolverKind.EXACT, MultiUserUploadProblem.class,
                Set.of(Capability.TIME_LIMIT),
                "multi-user P5: exact DP over users x (compute, bandwidth) units on enumerated per-user placements");
    }

    @Override
    protected Outcome<MultiUserUploadPlan> run(MultiUserUploadProblem p, SolveLimits limits, Deadline deadline) {
        UserOptions o;
        try {
            o = UserOptions.of(p, deadline);
        } catch (IllegalStateException e) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, e.getMessage());
        }
        int n = p.users().size();
        int kf = p.computeUnits();
        int kb = p.bandwidthUnits();
        double[][][] v = new double[n + 1][kf + 1][kb + 1];
        int[][][] choiceF = new int[n + 1][kf + 1][kb + 1];
        int[][][] choiceB = new int[n + 1][kf + 1][kb + 1];
        for (int i = 1; i <= n; i++) {
            for (int aa = 0; aa <= kf; aa++) {
                for (int bb = 0; bb <= kb; bb++) {
                    double best = o.cost[i - 1][0][0] + v[i - 1][aa][bb];
                    int bf = 0;
                    int bbest = 0;
                    for (int a = 1; a <= aa; a++) {
                        for (int b = 1; b <= bb; b++) {
                            double c = o.cost[i - 1][a][b] + v[i - 1][aa - a][bb - b];
                            if (c < best) {
                                best = c;
                                bf = a;
                                bbest = b;
                            }
                        }
                    }
                    v[i][aa][bb] = best;
                    choiceF[i][aa][bb] = bf;
                    choiceB[i][aa][bb] = bbest;
                }
            }
        }
        List<UserAllocation> alloc = new ArrayList<>();
        int aa = kf;
        int bb = kb;
        for (int i = n; i >= 1; i--) {
            int a = choiceF[i][aa][bb];
            int b = choiceB[i][aa][bb];
            alloc.add(0, new UserAllocation(Placement.of(o.plan[i - 1][a][b]), a, b));
            aa -= a;
            bb -= b;
        }
        return Outcome.optimal(new MultiUserUploadPlan(alloc)).stat("users", n);
    }
}
