package org.cleave.ortools.multiuser;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Map;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.ortools.MilpBackend;

/**
 * Exact P4 as a multiple-choice knapsack MILP solved by SCIP through OR-Tools' MPSolver
 * (id {@code ortools-milp:scip}).
 *
 * <p>With the {@link AllocationTable} entries (option o_e, units f_e, b_e, cost c_e) of each user
 * and a binary x_{i,e} per entry:
 * <pre>
 *   minimise Σ_{i,e} c_e·x_{i,e}
 *   s.t.     Σ_e x_{i,e} = 1 (every user i),  Σ_{i,e} f_e·x_{i,e} ≤ K_F,  Σ_{i,e} b_e·x_{i,e} ≤ K_B.
 * </pre>
 * The costs are the evaluator's floating-point user costs (no scaling). The relative MIP gap is
 * set to 0. NP-hard; SCIP's branch and bound is exponential in the worst case.
 *
 * <p><b>Backends.</b> SCIP only ({@link #BACKEND}): P4 offers no {@code ortools-milp:cbc} or
 * {@code ortools-milp:highs}. The model runs through the shared {@link MilpBackend} skeleton
 * (create, apply the limits, solve, map the status).
 */
public final class MilpMultiUserSolver extends OrToolsSolver<MultiUserProblem, MultiUserPlan> {
    /** The one MILP backend offered for P4. */
    public static final MilpBackend BACKEND = MilpBackend.SCIP;

    public MilpMultiUserSolver() {
        super(BACKEND.solverId(), Family.MULTIUSER, SolverKind.EXACT, MultiUserProblem.class, BACKEND.honours(),
                "Exact: multiple-choice knapsack MILP over the useful (option, units)"
                        + " choices, solved by SCIP via OR-Tools.");
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("backend", BACKEND.name());
    }

    @Override
    protected Outcome<MultiUserPlan> runNative(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        AllocationTable table = AllocationTable.build(problem);
        if (table.hopeless().isPresent()) {
            return Outcome.none(Status.INFEASIBLE, table.hopeless().get());
        }
        MPSolver solver = BACKEND.create();
        try {
            int n = problem.size();
            MPVariable[][] x = new MPVariable[n][];
            MPConstraint cf = solver.makeConstraint(0, problem.computeUnits(), "compute");
            MPConstraint cb = solver.makeConstraint(0, problem.bandwidthUnits(), "bandwidth");
            MPObjective objective = solver.objective();
            for (int i = 0; i < n; i++) {
                x[i] = new MPVariable[table.entries(i)];
                MPConstraint one = solver.makeConstraint(1, 1, "one_" + i);
                for (int e = 0; e < table.entries(i); e++) {
                    x[i][e] = solver.makeBoolVar("x_" + i + "_" + e);
                    one.setCoefficient(x[i][e], 1);
                    cf.setCoefficient(x[i][e], table.computeUnits(i, e));
                    cb.setCoefficient(x[i][e], table.bandwidthUnits(i, e));
                    objective.setCoefficient(x[i][e], table.cost(i, e));
                }
            }
            objective.setMinimization();
            Map<String, Object> applied = BACKEND.apply(solver, limits, deadline);
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus status = BACKEND.solve(solver, params, limits.timeLimit().isPresent());
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return Outcome.none(Status.INFEASIBLE, "SCIP proved that no allocation serves every user");
            }
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                Outcome<MultiUserPlan> none = Outcome.none(MilpBackend.status(status, deadline),
                        "SCIP returned " + status);
                applied.forEach(none::param);
                return none;
            }
            int[] entry = new int[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int e = 1; e < x[i].length; e++) {
                    if (x[i][e].solutionValue() > x[i][best].solutionValue()) {
                        best = e;
                    }
                }
                entry[i] = best;
            }
            MultiUserPlan plan = table.plan(entry);
            Outcome<MultiUserPlan> out = status == MPSolver.ResultStatus.OPTIMAL ? Outcome.optimal(plan)
                    : Outcome.feasible(plan).bound(objective.bestBound()).message("time limit reached");
            applied.forEach(out::param);
            return out.stat("variables", table.totalEntries()).stat("nodes", solver.nodes());
        } finally {
            solver.delete();
        }
    }
}
