package org.cleave.ortools.multiuser;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.ortools.CpSatSupport;

/**
 * Exact P4 with OR-Tools CP-SAT (id {@code ortools-cpsat}).
 *
 * <p>The multiple-choice knapsack model of {@link MilpMultiUserSolver} over the
 * {@link AllocationTable} entries (a Boolean per entry, exactly one per user, two knapsack
 * constraints), with the costs scaled to integers by {@link IntegerScaling} with
 * {@value #DIGITS} digits of Σ_i max_e c_{i,e}. CP-SAT proves the scaled optimum S*; the plan's cost
 * is then within {@code N·0.5/scale} of the true optimum, and {@code (S* − N/2)/scale} is a proven
 * lower bound on it (reported as the bound). The scale and that error bound are recorded as
 * result parameters. Honours the time limit, seed and thread count.
 *
 * <p>CP-SAT sees only the entries {@link FilteredRounds} keeps by their reduced cost at Lagrangian
 * unit prices, widened until the restricted optimum is provably optimal over all entries (the
 * optimality test allows for the scaling error); see {@link MilpMultiUserSolver}.
 *
 * <p>The time limit counts from the start of the solve (CP-SAT gets what building left); when
 * building used it all, or CP-SAT found nothing in time, the result is NO_SOLUTION_IN_LIMIT with
 * the bound Σ_i min_e c_{i,e} (unit constraints dropped). The statistics split the wall time into
 * {@code buildSeconds} and {@code solveSeconds} (see {@link org.cleave.ortools.OrToolsSolver}).
 */
public final class CpSatMultiUserSolver extends OrToolsSolver<MultiUserProblem, MultiUserPlan> {
    /** Significant digits of the integer costs. */
    public static final int DIGITS = 12;

    public CpSatMultiUserSolver() {
        super("ortools-cpsat", Family.MULTIUSER, SolverKind.EXACT, MultiUserProblem.class,
                Set.of(Capability.TIME_LIMIT, Capability.SEED, Capability.THREADS),
                "Exact: multiple-choice knapsack over the useful (option, units) choices in CP-SAT, integer-scaled costs.");
    }

    @Override
    protected Outcome<MultiUserPlan> runNative(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        Outcome<MultiUserPlan> out = solveTable(problem, limits, deadline);
        limits.timeLimit().ifPresent(limit -> out.param("timeLimit", limit)); // also when building used it all
        return out;
    }

    private Outcome<MultiUserPlan> solveTable(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        AllocationTable table = AllocationTable.build(problem);
        if (table.hopeless().isPresent()) {
            return Outcome.none(Status.INFEASIBLE, table.hopeless().get());
        }
        double relaxed = MultiUserBounds.unitsDropped(table);
        if (deadline.expired()) {
            return MultiUserBounds.outOfTime(table, relaxed);
        }
        int n = problem.size();
        IntegerScaling scaling = IntegerScaling.forMaximum(table.maxCostSum(), DIGITS);
        double error = scaling.absoluteError(n);
        Map<String, Object> applied = new LinkedHashMap<>();
        long[] search = new long[2];
        Outcome<MultiUserPlan> out = FilteredRounds.run(table, relaxed, deadline, "CP-SAT",
                (keep, kept) -> round(problem, table, keep, kept, scaling, error, limits, deadline, applied, search));
        applied.forEach(out::param);
        return out.param("scaling", scaling.describe()).param("scalingErrorBound", error)
                .stat("booleans", table.totalEntries()).stat("branches", search[0]).stat("conflicts", search[1]);
    }

    /** One CP-SAT model over the kept entries. */
    private static FilteredRounds.Round round(MultiUserProblem problem, AllocationTable table, boolean[][] keep,
                                              int kept, IntegerScaling scaling, double error, SolveLimits limits,
                                              Deadline deadline, Map<String, Object> applied, long[] search) {
        int n = problem.size();
        CpModel model = new CpModel();
        BoolVar[][] x = new BoolVar[n][];
        BoolVar[] vars = new BoolVar[kept];
        long[] f = new long[kept];
        long[] b = new long[kept];
        long[] c = new long[kept];
        int k = 0;
        for (int i = 0; i < n; i++) {
            x[i] = new BoolVar[table.entries(i)];
            java.util.List<BoolVar> one = new java.util.ArrayList<>();
            for (int e = 0; e < table.entries(i); e++) {
                if (!keep[i][e]) {
                    continue;
                }
                x[i][e] = model.newBoolVar("x_" + i + "_" + e);
                one.add(x[i][e]);
                vars[k] = x[i][e];
                f[k] = table.computeUnits(i, e);
                b[k] = table.bandwidthUnits(i, e);
                c[k] = scaling.toLong(table.cost(i, e));
                k++;
            }
            model.addExactlyOne(one.toArray(new BoolVar[0]));
        }
        model.addLessOrEqual(LinearExpr.weightedSum(vars, f), problem.computeUnits());
        model.addLessOrEqual(LinearExpr.weightedSum(vars, b), problem.bandwidthUnits());
        model.minimize(LinearExpr.weightedSum(vars, c));
        CpSolver solver = CpSatSupport.solver(limits, deadline, applied);
        CpSolverStatus status = CpSatSupport.solve(solver, model, limits, deadline);
        search[0] += solver.numBranches();
        search[1] += solver.numConflicts();
        if (status == CpSolverStatus.INFEASIBLE) {
            return new FilteredRounds.Round(FilteredRounds.Kind.INFEASIBLE, null, Double.NaN, "");
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return CpSatSupport.status(status) == Status.NO_SOLUTION_IN_LIMIT
                    ? new FilteredRounds.Round(FilteredRounds.Kind.NO_SOLUTION, null, Double.NaN,
                            "time limit reached before CP-SAT found an allocation")
                    : new FilteredRounds.Round(FilteredRounds.Kind.INVALID, null, Double.NaN,
                            "CP-SAT returned " + status);
        }
        int[] entry = new int[n];
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < x[i].length; e++) {
                if (x[i][e] != null && solver.booleanValue(x[i][e])) {
                    entry[i] = e;
                }
            }
        }
        // a proven lower bound on the restricted model's true optimum: the scaled bound less the rounding error
        double bound = Math.max(0, scaling.toCost(Math.round(solver.bestObjectiveBound())) - error);
        return new FilteredRounds.Round(status == CpSolverStatus.OPTIMAL ? FilteredRounds.Kind.OPTIMAL
                : FilteredRounds.Kind.FEASIBLE, entry, bound, status == CpSolverStatus.OPTIMAL ? ""
                : "time limit reached");
    }
}
