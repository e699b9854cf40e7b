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

/**
 * Greedy marginal allocation for P4 (id {@code greedy}), a heuristic.
 *
 * <p>Rule: every user starts with no units; its cost is its best response h_i(f, b) (the cheapest
 * option admissible with its units, +∞ if none). Repeatedly hand out the step d ∈ {(1,0), (0,1),
 * (1,1)} (compute unit, bandwidth unit, or one of each) to the user where it helps most — first
 * steps that make an unserved user served, then the largest cost decrease per unit handed out —
 * while free units remain and some step strictly helps. If a user is still unserved, give it the
 * smallest extra (f, b) (fewest units, then fewest compute units) that serves it from the free
 * units and continue; if none fits, report no plan. Each step hands out at least one unit, so
 * there are at most K_F + K_B steps of O(N) each, after an O(N·|O|·K_F·K_B) best-response table.
 */
public final class GreedyMarginalMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    private static final int[][] STEPS = {{1, 0}, {0, 1}, {1, 1}};

    public GreedyMarginalMultiUserSolver() {
        super("greedy", Family.MULTIUSER, SolverKind.HEURISTIC, MultiUserProblem.class, Set.of(),
                "Heuristic: hand out units one at a time to the user with the largest marginal gain.");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        BestResponse br = new BestResponse(problem);
        int n = problem.size();
        int[] f = new int[n];
        int[] b = new int[n];
        int freeF = problem.computeUnits();
        int freeB = problem.bandwidthUnits();
        while (true) {
            Move best = null;
            for (int i = 0; i < n; i++) {
                for (int[] d : STEPS) {
                    if (d[0] <= freeF && d[1] <= freeB) {
                        Move m = Move.of(i, -1, d[0], d[1], new double[] {br.cost(i, f[i], b[i])},
                                new double[] {br.cost(i, f[i] + d[0], b[i] + d[1])});
                        if (m.improves() && m.betterThan(best)) {
                            best = m;
                        }
                    }
                }
            }
            if (best != null) {
                f[best.user()] += best.df();
                b[best.user()] += best.db();
                freeF -= best.df();
                freeB -= best.db();
                continue;
            }
            int unserved = -1;
            for (int i = 0; i < n && unserved < 0; i++) {
                if (br.cost(i, f[i], b[i]) == Double.POSITIVE_INFINITY) {
                    unserved = i;
                }
            }
            if (unserved < 0) {
                break;
            }
            int[] jump = smallestServingStep(br, unserved, f[unserved], b[unserved], freeF, freeB);
            if (jump == null) {
                return BestResponse.outcome(null, "greedy");
            }
            f[unserved] += jump[0];
            b[unserved] += jump[1];
            freeF -= jump[0];
            freeB -= jump[1];
        }
        return BestResponse.outcome(br.plan(f, b), "greedy");
    }

    private static int[] smallestServingStep(BestResponse br, int i, int f, int b, int freeF, int freeB) {
        for (int total = 1; total <= freeF + freeB; total++) {
            for (int df = Math.max(0, total - freeB); df <= Math.min(total, freeF); df++) {
                if (br.cost(i, f + df, b + total - df) < Double.POSITIVE_INFINITY) {
                    return new int[] {df, total - df};
                }
            }
        }
        return null;
    }
}
