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
 * ARA-style heuristic for multi-user P5, after MJOA-MU's asynchronous resource allocation (Yang
 * et al., doi:10.1016/j.comnet.2023.109801): start from an even split of both resources (users in
 * order receive ⌊K/N⌋ units, the remainder one each to the first users; a user left with 0 of
 * either resource runs device-only); each user then re-partitions for its own units (its best
 * placement, from the same per-user tables as the exact DP). Then, one resource at a time
 * (asynchronously: compute and bandwidth are moved in separate steps), the single unit move from
 * one user to another — or of a free unit to a user — that lowers the total objective most is
 * applied, and the receiving and giving users re-partition; stop when no move improves.
 * A heuristic; each round O(N²) table look-ups, at most a finite number of strictly improving
 * rounds.
 */
public final class AraMultiUserUploadSolver extends AbstractSolver<MultiUserUploadProblem, MultiUserUploadPlan> {
    public AraMultiUserUploadSolver() {
        super("ara", Family.UPLOAD, SolverKind.HEURISTIC, MultiUserUploadProblem.class, Set.of(Capability.TIME_LIMIT),
                "multi-user P5: ARA-style even split, then improving single-unit moves with re-partitioning");
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
        int[] f = split(p.computeUnits(), n);
        int[] b = split(p.bandwidthUnits(), n);
        long moves = 0;
        boolean improved = true;
        while (improved && !deadline.expired()) {
            improved = false;
            for (int resource = 0; resource < 2; resource++) {
                int[] k = resource == 0 ? f : b;
                int total = resource == 0 ? p.computeUnits() : p.bandwidthUnits();
                int used = 0;
                for (int x : k) {
                    used += x;
                }
                double bestGain = 0;
                int from = -2;
                int to = -1;
                for (int giver = -1; giver < n; giver++) { // -1: a free unit
                    if (giver == -1 ? used >= total : k[giver] == 0) {
                        continue;
                    }
                    for (int taker = 0; taker < n; taker++) {
                        if (taker == giver) {
                            continue;
                        }
                        double before = cost(o, taker, f, b) + (giver >= 0 ? cost(o, giver, f, b) : 0);
                        k[taker]++;
                        if (giver >= 0) {
                            k[giver]--;
                        }
                        double after = cost(o, taker, f, b) + (giver >= 0 ? cost(o, giver, f, b) : 0);
                        k[taker]--;
                        if (giver >= 0) {
                            k[giver]++;
                        }
                        double gain = before - after;
                        if (gain > 1e-12 * Math.abs(before) && gain > bestGain) {
                            bestGain = gain;
                            from = giver;
                            to = taker;
                        }
                    }
                }
                if (to >= 0) {
                    k[to]++;
                    if (from >= 0) {
                        k[from]--;
                    }
                    moves++;
                    improved = true;
                }
            }
        }
        List<UserAllocation> alloc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean edge = f[i] > 0 && b[i] > 0;
            int a = edge ? f[i] : 0;
            int c = edge ? b[i] : 0;
            alloc.add(new UserAllocation(Placement.of(o.plan[i][a][c]), f[i], b[i]));
        }
        return Outcome.feasible(new MultiUserUploadPlan(alloc)).stat("moves", moves);
    }

    /** User i's best cost for its current units: device-only unless it holds both resources. */
    private static double cost(UserOptions o, int i, int[] f, int[] b) {
        return f[i] > 0 && b[i] > 0 ? Math.min(o.cost[i][f[i]][b[i]], o.cost[i][0][0]) : o.cost[i][0][0];
    }

    private static int[] split(int units, int n) {
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = units / n + (i < units % n ? 1 : 0);
        }
        return k;
    }
}
