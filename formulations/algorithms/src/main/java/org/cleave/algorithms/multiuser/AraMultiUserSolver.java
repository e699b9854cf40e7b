package org.cleave.algorithms.multiuser;

import java.util.Set;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * ARA-style asynchronous resource allocation for P4 (id {@code ara}), a heuristic after the
 * asynchronous resource allocation of MJOA-MU.
 *
 * <p>Rule implemented: start from the even split (each user floor(K/N) units of each resource,
 * one more for the first K mod N users). Users then take turns in index order, round after round:
 * <ol>
 *   <li>user i picks its best plan under its current shares (h_i(f_i, b_i): the cheapest option
 *       admissible there, +∞ if none);</li>
 *   <li>units are re-allocated by marginal gain around user i: among the moves "i takes d from
 *       the free pool", "i takes d from user j" and "i gives d to user j", for
 *       d ∈ {(1,0), (0,1), (1,1)}, with every user involved re-picking its best plan, apply the
 *       one with the best change — fewer unserved users first, then the largest total cost decrease
 *       per unit moved — while some move strictly improves.</li>
 * </ol>
 * Stop after a round in which no unit moved (then no user's best plan changes either). Every move
 * strictly decreases (unserved users, total cost) lexicographically, so the rule terminates; a cap
 * of {@value #MAX_ROUNDS} rounds guards against a tolerance cycle. No plan if a user is unserved at
 * the end. One move costs O(N); a round O(N²·moves).
 *
 * <p>What it is for: a reproduction of MJOA-MU's allocation step as a baseline to compare against,
 * not a better route to a plan. It reads the same {@code AllocationTable} best-response table as
 * the exact {@code dp}, and building that table is most of either solver's time, so it is about as
 * fast as {@code dp} (on 100 zoo users with K_F = K_B = 64 both take about 10 ms CPU over 4G) and
 * never better. Its gap to the optimum depends on how far the even split is from it (100 users,
 * seed 1): 0.012 % over 4G, where almost every user is best served on its device, but 6.7 % over
 * 5G (7.6 % with 60 users), where 64 units shared by 100 users give each at most one, too few to
 * make offloading pay, and no single-unit move then improves (a local optimum of the rule). Use {@code dp} for plans and {@code ara} to
 * measure how far the asynchronous rule is from the optimum.
 */
public final class AraMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    /** Round cap. */
    public static final int MAX_ROUNDS = 1000;
    private static final int[][] STEPS = {{1, 0}, {0, 1}, {1, 1}};

    public AraMultiUserSolver() {
        super("ara", Family.MULTIUSER, SolverKind.HEURISTIC, MultiUserProblem.class, Set.of(),
                "Heuristic: ARA-style asynchronous best response and marginal-gain unit moves from an even split.");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        BestResponse br = new BestResponse(problem);
        int n = problem.size();
        int[] f = BestResponse.evenSplit(problem.computeUnits(), n);
        int[] b = BestResponse.evenSplit(problem.bandwidthUnits(), n);
        int[] free = {0, 0};
        int rounds = 0;
        long moves = 0;
        boolean moved = true;
        while (moved && rounds < MAX_ROUNDS) {
            if (deadline.expired()) {
                return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached in round " + rounds);
            }
            moved = false;
            rounds++;
            for (int i = 0; i < n; i++) {
                Move m;
                while ((m = bestMove(br, i, f, b, free)) != null) {
                    apply(m, f, b, free);
                    moved = true;
                    moves++;
                }
            }
        }
        return BestResponse.outcome(br.plan(f, b), "ara").stat("rounds", rounds).stat("moves", moves);
    }

    private static Move bestMove(BestResponse br, int i, int[] f, int[] b, int[] free) {
        Move best = null;
        double hi = br.cost(i, f[i], b[i]);
        for (int[] d : STEPS) {
            double gainI = br.cost(i, f[i] + d[0], b[i] + d[1]);
            double loseI = br.cost(i, f[i] - d[0], b[i] - d[1]);
            if (d[0] <= free[0] && d[1] <= free[1]) {
                best = pick(best, Move.of(i, -1, d[0], d[1], new double[] {hi}, new double[] {gainI}));
            }
            for (int j = 0; j < br.problem.size(); j++) {
                if (j == i) {
                    continue;
                }
                double hj = br.cost(j, f[j], b[j]);
                if (f[j] >= d[0] && b[j] >= d[1]) { // i takes d from j
                    best = pick(best, Move.of(i, j, d[0], d[1], new double[] {hi, hj},
                            new double[] {gainI, br.cost(j, f[j] - d[0], b[j] - d[1])}));
                }
                if (f[i] >= d[0] && b[i] >= d[1]) { // i gives d to j
                    best = pick(best, Move.of(j, i, d[0], d[1], new double[] {hi, hj},
                            new double[] {loseI, br.cost(j, f[j] + d[0], b[j] + d[1])}));
                }
            }
        }
        return best;
    }

    private static Move pick(Move best, Move candidate) {
        return candidate.improves() && candidate.betterThan(best) ? candidate : best;
    }

    /** Moves d units to {@code m.user()}, from {@code m.other()} or from the free pool when it is -1. */
    private static void apply(Move m, int[] f, int[] b, int[] free) {
        f[m.user()] += m.df();
        b[m.user()] += m.db();
        if (m.other() < 0) {
            free[0] -= m.df();
            free[1] -= m.db();
        } else {
            f[m.other()] -= m.df();
            b[m.other()] -= m.db();
        }
    }
}
