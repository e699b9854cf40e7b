package org.cleave.algorithms.multiuser;

import java.util.Arrays;
import java.util.Set;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Exact P4 by dynamic programming over users × units (id {@code dp}).
 *
 * <p>With the {@link AllocationTable} entries (option, f, b, cost) of each user,
 * <pre>
 *   D_0(f, b) = 0,
 *   D_i(f, b) = min_{entries e of user i, f_e ≤ f, b_e ≤ b} c_e + D_{i−1}(f − f_e, b − b_e),
 * </pre>
 * D_i(f, b) being the least cost of users 1..i with at most f compute and b bandwidth units; the
 * optimum is D_N(K_F, K_B) (+∞: infeasible). Time O(N·|O|·(K_F+1)(K_B+1)) for the table plus
 * O(Σ_i E_i·(K_F+1)(K_B+1)) for the recursion, E_i ≤ (K_F+1)(K_B+1) the kept entries of user i;
 * memory O(N·(K_F+1)(K_B+1)) for the argmin. Pseudo-polynomial: the problem contains the
 * multiple-choice knapsack problem.
 */
public final class DynamicProgrammingMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    public DynamicProgrammingMultiUserSolver() {
        super("dp", Family.MULTIUSER, SolverKind.EXACT, MultiUserProblem.class, Set.of(Capability.TIME_LIMIT),
                "Exact dynamic program over users x compute units x bandwidth units.");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        AllocationTable table = AllocationTable.build(problem);
        if (table.hopeless().isPresent()) {
            return Outcome.none(Status.INFEASIBLE, table.hopeless().get());
        }
        int n = problem.size();
        int kb1 = problem.bandwidthUnits() + 1;
        int cells = (problem.computeUnits() + 1) * kb1;
        double[] prev = new double[cells];
        double[] next = new double[cells];
        int[][] arg = new int[n][cells];
        for (int i = 0; i < n; i++) {
            if (deadline.expired()) {
                return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached after " + i + " of " + n + " users");
            }
            Arrays.fill(next, Double.POSITIVE_INFINITY);
            Arrays.fill(arg[i], -1);
            for (int e = 0; e < table.entries(i); e++) {
                int fe = table.computeUnits(i, e);
                int be = table.bandwidthUnits(i, e);
                double ce = table.cost(i, e);
                for (int f = fe; f <= problem.computeUnits(); f++) {
                    int row = f * kb1;
                    int from = (f - fe) * kb1 - be;
                    for (int b = be; b < kb1; b++) {
                        double v = ce + prev[from + b];
                        if (v < next[row + b]) {
                            next[row + b] = v;
                            arg[i][row + b] = e;
                        }
                    }
                }
            }
            double[] t = prev;
            prev = next;
            next = t;
        }
        int last = cells - 1;
        if (prev[last] == Double.POSITIVE_INFINITY) {
            return Outcome.none(Status.INFEASIBLE, "no allocation of " + problem.computeUnits() + " compute and "
                    + problem.bandwidthUnits() + " bandwidth units serves every user within its constraints");
        }
        int[] entry = new int[n];
        int f = problem.computeUnits();
        int b = problem.bandwidthUnits();
        for (int i = n - 1; i >= 0; i--) {
            int e = arg[i][f * kb1 + b];
            entry[i] = e;
            f -= table.computeUnits(i, e);
            b -= table.bandwidthUnits(i, e);
        }
        return Outcome.optimal(table.plan(entry)).stat("tableEntries", table.totalEntries());
    }
}
