package org.cleave.algorithms.multiuser;

import java.util.Arrays;
import java.util.Set;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Exact P4 by dynamic programming over users × units (id {@code dp}), with bounds that skip every
 * state which cannot beat a good incumbent.
 *
 * <p>With the {@link AllocationTable} entries (option, f, b, cost) of each user (the Pareto
 * staircase of its best-response table h_i: an entry is kept only if every entry with no more of
 * either unit costs strictly more), the recursion over users t = 1..N in a chosen order is
 * <pre>
 *   D_0 = {(0, 0) ↦ 0},
 *   D_t(f, b) = min_{entries e of user t} c_e + D_{t−1}(f − f_e, b − b_e),
 * </pre>
 * D_t(f, b) being the least cost of users 1..t using exactly f compute and b bandwidth units;
 * the optimum is min_{f ≤ K_F, b ≤ K_B} D_N(f, b) (none: infeasible). Three exact devices cut it:
 * <ol>
 *   <li><b>Lagrangian bound and incumbent</b> ({@link UnitPriceBound}): prices λ_F, λ_B ≥ 0
 *       give the lower bound L(λ), the reduced cost r ≥ 0 of every entry and a feasible incumbent
 *       of cost U. An entry with r &gt; U − L cannot be part of a plan cheaper than U and is
 *       dropped; a state with D_t(f, b) + Σ_{j&gt;t} g_j(λ) − λ_F(K_F − f) − λ_B(K_B − b) &gt; U
 *       is never stored. Both comparisons carry a margin of 1e-9 × the magnitudes involved, so
 *       floating-point rounding can only keep more, never drop an optimum.</li>
 *   <li><b>State dominance</b>: after each user, a state (f, b) is dropped if a state (f', b')
 *       with f' ≤ f, b' ≤ b (one strictly smaller) has D_t(f', b') ≤ D_t(f, b): every
 *       completion of the first is a completion of the second at no higher cost (costs are
 *       nonincreasing in units, which is what makes only the staircase matter).</li>
 *   <li><b>User order</b>: users with the fewest surviving entries first, so the state sets stay
 *       small while the bound sharpens.</li>
 * </ol>
 * Since every dropped entry or state provably leads only to plans costing more than U, and the
 * incumbent is a plan of cost U, the least cost found (or U) is the optimum over the stated
 * options; with no incumbent (U = +∞) nothing is dropped by the bound and the answer
 * "infeasible" is exact. Only kept entries and stored states are touched, in primitive arrays.
 *
 * <p>Complexity: the table costs O(N·(|O| + C·(K_F+1)(K_B+1))) with C contender options per user
 * (see {@link AllocationTable}); the bound O(N·E·I) with E ≤ (K_F+1)(K_B+1) staircase entries per
 * user and I ≈ 260 price evaluations (most touching only the few users whose choice changes);
 * the incumbent's repair O(N·E) per overloaded unit; the recursion O(Σ_t S_t·E'_t + N·(K_F+1)(K_B+1)) with S_t stored states and E'_t kept entries of user
 * t. The worst case is that of the plain recursion, O(N·K_F²·K_B²) (the problem contains the
 * multiple-choice knapsack problem and is NP-hard, so no bound helps everywhere). Measured on 100
 * zoo users ({@code resnet18-exits}, {@code mobilenetv2-exits}, K_F = K_B = 64, as
 * {@code cleave generate multiuser} makes them): over 4G one contender and 2.6 entries per user,
 * the incumbent is optimal, 101 states, about 10 ms CPU in all, most of it the table; over 5G,
 * where offloading pays, 1,972 entries per user of which 1.2 survive the bound, 137 states, about
 * 0.1 s CPU, most of it the table and the bound (seed 1; CPU time of the solving thread).
 * Memory O(N·(K_F+1)(K_B+1)).
 *
 * <p>Stateless and thread-safe: every array lives in one call of {@code run}.
 */
public final class DynamicProgrammingMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    /** Relative margin of the pruning comparisons (only keeps more). */
    static final double MARGIN = 1e-9;

    public DynamicProgrammingMultiUserSolver() {
        super("dp", Family.MULTIUSER, SolverKind.EXACT, MultiUserProblem.class, Set.of(Capability.TIME_LIMIT),
                "Exact dynamic program over users x compute units x bandwidth units, pruned by a Lagrangian bound.");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        AllocationTable table = AllocationTable.build(problem);
        if (table.hopeless().isPresent()) {
            return Outcome.none(Status.INFEASIBLE, table.hopeless().get());
        }
        int n = problem.size();
        int kf = problem.computeUnits();
        int kb = problem.bandwidthUnits();
        int kb1 = kb + 1;
        int cells = (kf + 1) * kb1;
        UnitPriceBound prices = new UnitPriceBound(table);
        int[][] incumbent = prices.incumbent();
        double upper = Double.POSITIVE_INFINITY;
        if (incumbent != null) {
            upper = 0;
            for (int i = 0; i < n; i++) {
                upper += table.bestCost(i, incumbent[0][i], incumbent[1][i]);
            }
        }
        double lf = prices.computePrice;
        double lb = prices.bandwidthPrice;
        double margin = MARGIN * (Math.abs(upper) + Math.abs(prices.bound) + lf * kf + lb * kb);
        double gap = upper - prices.bound + margin;

        // entries that can still be part of a plan cheaper than the incumbent
        int[][] kept = new int[n][];
        int keptTotal = 0;
        for (int i = 0; i < n; i++) {
            int[] list = new int[table.entries(i)];
            int count = 0;
            for (int e = 0; e < table.entries(i); e++) {
                double reduced = table.cost(i, e) + lf * table.computeUnits(i, e) + lb * table.bandwidthUnits(i, e)
                        - prices.priced[i];
                if (!(reduced > gap)) {
                    list[count++] = e;
                }
            }
            kept[i] = Arrays.copyOf(list, count);
            keptTotal += count;
        }
        long[] byEntries = new long[n]; // (kept entries, user) packed, sorted without boxing
        for (int i = 0; i < n; i++) {
            byEntries[i] = ((long) kept[i].length << 32) | i;
        }
        Arrays.sort(byEntries);
        int[] order = new int[n];
        for (int t = 0; t < n; t++) {
            order[t] = (int) byEntries[t];
        }
        double[] suffix = new double[n + 1];
        for (int t = n - 1; t >= 0; t--) {
            suffix[t] = suffix[t + 1] + prices.priced[order[t]];
        }
        double[] slack = new double[cells];
        for (int f = 0; f <= kf; f++) {
            for (int b = 0; b <= kb; b++) {
                slack[f * kb1 + b] = lf * (kf - f) + lb * (kb - b);
            }
        }

        double[] cur = new double[cells];
        double[] next = new double[cells];
        double[] prefix = new double[cells];
        Arrays.fill(cur, Double.POSITIVE_INFINITY);
        cur[0] = 0;
        int[] alive = new int[cells];
        int[] born = new int[cells];
        int aliveCount = 1;
        int[][] arg = new int[n][cells];
        long states = 1;
        for (int t = 0; t < n; t++) {
            if (deadline.expired()) {
                return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached after " + t + " of " + n + " users");
            }
            int i = order[t];
            int[] entries = kept[i];
            int m = entries.length;
            int[] ef = new int[m];
            int[] shift = new int[m];
            int[] eb = new int[m];
            double[] ec = new double[m];
            for (int k = 0; k < m; k++) {
                int e = entries[k];
                ef[k] = table.computeUnits(i, e);
                eb[k] = table.bandwidthUnits(i, e);
                shift[k] = ef[k] * kb1 + eb[k];
                ec[k] = table.cost(i, e);
            }
            double limit = upper + margin - suffix[t + 1];
            int[] argT = arg[t];
            Arrays.fill(next, Double.POSITIVE_INFINITY);
            int bornCount = 0;
            for (int s = 0; s < aliveCount; s++) {
                int cell = alive[s];
                double v = cur[cell];
                int fRoom = kf - cell / kb1;
                int bRoom = kb - cell % kb1;
                for (int k = 0; k < m; k++) {
                    if (ef[k] > fRoom) {
                        break; // entries are sorted by f
                    }
                    if (eb[k] > bRoom) {
                        continue;
                    }
                    int target = cell + shift[k];
                    double c = v + ec[k];
                    if (c < next[target] && !(c > limit + slack[target])) {
                        if (next[target] == Double.POSITIVE_INFINITY) {
                            born[bornCount++] = target;
                        }
                        next[target] = c;
                        argT[target] = k;
                    }
                }
            }
            // drop dominated states: (f', b') <= (f, b) with no higher cost
            Arrays.sort(born, 0, bornCount);
            aliveCount = 0;
            Arrays.fill(prefix, Double.POSITIVE_INFINITY);
            int scan = 0;
            for (int f = 0; f <= kf; f++) {
                int row = f * kb1;
                double running = Double.POSITIVE_INFINITY;
                for (int b = 0; b <= kb; b++) {
                    int c = row + b;
                    double above = f > 0 ? prefix[c - kb1] : Double.POSITIVE_INFINITY;
                    double dominated = Math.min(above, running);
                    double v = next[c];
                    if (scan < bornCount && born[scan] == c) {
                        scan++;
                        if (v < dominated) {
                            alive[aliveCount++] = c;
                        } else {
                            next[c] = Double.POSITIVE_INFINITY;
                        }
                    }
                    running = Math.min(dominated, next[c]);
                    prefix[c] = running;
                }
            }
            states += aliveCount;
            double[] swap = cur;
            cur = next;
            next = swap;
        }
        int bestCell = -1;
        for (int s = 0; s < aliveCount; s++) {
            if (bestCell < 0 || cur[alive[s]] < cur[bestCell]) {
                bestCell = alive[s];
            }
        }
        Outcome<MultiUserPlan> out;
        if (bestCell >= 0) {
            int[] entry = new int[n];
            int cell = bestCell;
            for (int t = n - 1; t >= 0; t--) {
                int i = order[t];
                int e = kept[i][arg[t][cell]];
                entry[i] = e;
                cell -= table.computeUnits(i, e) * kb1 + table.bandwidthUnits(i, e);
            }
            out = Outcome.optimal(table.plan(entry));
        } else if (incumbent != null) {
            // only reachable if rounding made the recursion drop the incumbent's own path
            UserChoice[] choices = new UserChoice[n];
            for (int i = 0; i < n; i++) {
                choices[i] = new UserChoice(table.bestOption(i, incumbent[0][i], incumbent[1][i]), incumbent[0][i],
                        incumbent[1][i]);
            }
            out = Outcome.optimal(new MultiUserPlan(Arrays.asList(choices)));
        } else {
            return Outcome.none(Status.INFEASIBLE, "no allocation of " + kf + " compute and " + kb
                    + " bandwidth units serves every user within its constraints");
        }
        return out.stat("tableEntries", table.totalEntries()).stat("keptEntries", keptTotal).stat("states", states)
                .stat("lagrangianBound", prices.bound).stat("incumbent", upper);
    }
}
