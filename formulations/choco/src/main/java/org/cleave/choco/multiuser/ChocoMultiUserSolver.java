package org.cleave.choco.multiuser;

import java.util.Set;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.RoundingBand;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Exact P4 with Choco (id {@code choco}).
 *
 * <p>Per user an entry variable e_i over its {@link AllocationTable} entries, with
 * {@code element} constraints giving its compute units, bandwidth units and integer cost;
 * {@code Σ k_F ≤ K_F}, {@code Σ k_B ≤ K_B}; minimise Σ cost. Choco's integers are bounded by
 * ±{@value IntVar#MAX_INT_BOUND}, so costs are scaled by {@link IntegerScaling} to
 * {@value #DIGITS} digits of Σ_i max_e c_{i,e}, and a second phase makes the answer exact in
 * floating point: if S* is the scaled optimum, every plan whose true cost is optimal has scaled
 * cost ≤ S* + N (each of the N rounded terms is off by at most 1/2), so all solutions with scaled
 * cost ≤ S* + N are enumerated and the cheapest by the evaluator's costs is returned. If more than
 * {@value #MAX_WINDOW_SOLUTIONS} such solutions exist the result is FEASIBLE with the lower bound
 * (S* − N/2)/scale. Scale and error bound are recorded as result parameters.
 */
public final class ChocoMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    /** Significant digits of the integer costs (the sum must stay below Choco's integer bound). */
    public static final int DIGITS = 7;
    /** Cap of the exactness window's enumeration. */
    public static final int MAX_WINDOW_SOLUTIONS = RoundingBand.MAX_PLANS;

    public ChocoMultiUserSolver() {
        super("choco", Family.MULTIUSER, SolverKind.EXACT, MultiUserProblem.class, Set.of(Capability.TIME_LIMIT),
                "Exact: element/knapsack CP model in Choco, scaled costs made exact by a window enumeration.");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        AllocationTable table = AllocationTable.build(problem);
        if (table.hopeless().isPresent()) {
            return Outcome.none(Status.INFEASIBLE, table.hopeless().get());
        }
        int n = problem.size();
        IntegerScaling scaling = IntegerScaling.forMaximum(table.maxCostSum(), DIGITS);
        int[][] scaled = new int[n][];
        int total = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = new int[table.entries(i)];
            for (int e = 0; e < table.entries(i); e++) {
                scaled[i][e] = (int) scaling.toLong(table.cost(i, e));
            }
            total += java.util.Arrays.stream(scaled[i]).max().orElse(0);
        }
        // phase 1: the scaled optimum
        Built m1 = build(problem, table, scaled, total);
        m1.model.setObjective(Model.MINIMIZE, m1.objective);
        limit(m1, deadline, limits);
        int best = -1;
        long solutions = 0;
        while (m1.model.getSolver().solve()) {
            best = m1.objective.getValue();
            solutions++;
        }
        boolean stopped = m1.model.getSolver().isStopCriterionMet();
        double error = scaling.absoluteError(n);
        if (best < 0) {
            return stopped ? Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached")
                    : Outcome.none(Status.INFEASIBLE, "Choco proved that no allocation serves every user");
        }
        // phase 2: every solution within S* + N, judged by the evaluator's floating-point costs
        Built m2 = build(problem, table, scaled, total);
        m2.model.arithm(m2.objective, "<=", best + n).post();
        limit(m2, deadline, limits);
        RoundingBand<int[]> band = RoundingBand.of(MAX_WINDOW_SOLUTIONS, entries -> {
            double cost = 0;
            for (int i = 0; i < n; i++) {
                cost += table.cost(i, entries[i]);
            }
            return cost;
        });
        while (!band.full() && m2.model.getSolver().solve()) {
            int[] entries = new int[n];
            for (int i = 0; i < n; i++) {
                entries[i] = m2.entry[i].getValue();
            }
            band.offer(entries);
        }
        RoundingBand.Result<int[]> windowResult = band.result(!m2.model.getSolver().isStopCriterionMet());
        int[] bestEntries = windowResult.best();
        boolean complete = windowResult.complete();
        int window = windowResult.plans();
        Outcome<MultiUserPlan> out;
        if (bestEntries == null) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached in the exactness window");
        }
        if (complete && !stopped) {
            out = Outcome.optimal(table.plan(bestEntries));
        } else {
            out = Outcome.feasible(table.plan(bestEntries)).bound(Math.max(0, scaling.toCost(best) - error))
                    .message(stopped ? "time limit reached" : "exactness window not fully enumerated");
        }
        return out.param("scaling", scaling.describe()).param("scalingErrorBound", error)
                .stat("improvingSolutions", solutions).stat("windowSolutions", window);
    }

    private record Built(Model model, IntVar[] entry, IntVar objective) {
    }

    private static Built build(MultiUserProblem problem, AllocationTable table, int[][] scaled, int total) {
        int n = problem.size();
        Model model = new Model("multiuser");
        IntVar[] entry = new IntVar[n];
        IntVar[] f = new IntVar[n];
        IntVar[] b = new IntVar[n];
        IntVar[] c = new IntVar[n];
        for (int i = 0; i < n; i++) {
            int m = table.entries(i);
            int[] fs = new int[m];
            int[] bs = new int[m];
            for (int e = 0; e < m; e++) {
                fs[e] = table.computeUnits(i, e);
                bs[e] = table.bandwidthUnits(i, e);
            }
            entry[i] = model.intVar("e_" + i, 0, m - 1);
            f[i] = model.intVar("kF_" + i, 0, problem.computeUnits());
            b[i] = model.intVar("kB_" + i, 0, problem.bandwidthUnits());
            c[i] = model.intVar("c_" + i, 0, java.util.Arrays.stream(scaled[i]).max().orElse(0));
            model.element(f[i], fs, entry[i]).post();
            model.element(b[i], bs, entry[i]).post();
            model.element(c[i], scaled[i], entry[i]).post();
        }
        model.sum(f, "<=", problem.computeUnits()).post();
        model.sum(b, "<=", problem.bandwidthUnits()).post();
        IntVar objective = model.intVar("cost", 0, total);
        model.sum(c, "=", objective).post();
        return new Built(model, entry, objective);
    }

    private static void limit(Built built, Deadline deadline, SolveLimits limits) {
        if (limits.timeLimit().isPresent()) {
            built.model.getSolver().limitTime(Math.max(1, deadline.remaining().toMillis()));
        }
    }
}
