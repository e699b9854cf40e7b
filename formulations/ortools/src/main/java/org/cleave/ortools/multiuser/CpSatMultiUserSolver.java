package org.cleave.ortools.multiuser;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        AllocationTable table = AllocationTable.build(problem);
        if (table.hopeless().isPresent()) {
            return Outcome.none(Status.INFEASIBLE, table.hopeless().get());
        }
        int n = problem.size();
        IntegerScaling scaling = IntegerScaling.forMaximum(table.maxCostSum(), DIGITS);
        CpModel model = new CpModel();
        BoolVar[][] x = new BoolVar[n][];
        List<BoolVar> all = new ArrayList<>();
        List<Long> f = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = new BoolVar[table.entries(i)];
            for (int e = 0; e < table.entries(i); e++) {
                x[i][e] = model.newBoolVar("x_" + i + "_" + e);
                all.add(x[i][e]);
                f.add((long) table.computeUnits(i, e));
                b.add((long) table.bandwidthUnits(i, e));
                c.add(scaling.toLong(table.cost(i, e)));
            }
            model.addExactlyOne(x[i]);
        }
        BoolVar[] vars = all.toArray(new BoolVar[0]);
        model.addLessOrEqual(LinearExpr.weightedSum(vars, toArray(f)), problem.computeUnits());
        model.addLessOrEqual(LinearExpr.weightedSum(vars, toArray(b)), problem.bandwidthUnits());
        model.minimize(LinearExpr.weightedSum(vars, toArray(c)));
        Map<String, Object> applied = new LinkedHashMap<>();
        CpSolver solver = CpSatSupport.solver(limits, deadline, applied);
        CpSolverStatus status = solver.solve(model);
        double error = scaling.absoluteError(n);
        if (status == CpSolverStatus.INFEASIBLE) {
            return Outcome.none(Status.INFEASIBLE, "CP-SAT proved that no allocation serves every user");
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "CP-SAT returned " + status);
        }
        int[] entry = new int[n];
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < x[i].length; e++) {
                if (solver.booleanValue(x[i][e])) {
                    entry[i] = e;
                }
            }
        }
        MultiUserPlan plan = table.plan(entry);
        double bound = Math.max(0, scaling.toCost(Math.round(solver.bestObjectiveBound())) - error);
        Outcome<MultiUserPlan> out = status == CpSolverStatus.OPTIMAL ? Outcome.optimal(plan)
                : Outcome.feasible(plan).message("time limit reached");
        applied.forEach(out::param);
        return out.bound(bound).param("scaling", scaling.describe()).param("scalingErrorBound", error)
                .stat("booleans", vars.length).stat("branches", solver.numBranches())
                .stat("conflicts", solver.numConflicts());
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
