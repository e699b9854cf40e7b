package org.cleave.ortools.multiuser;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.LinkedHashMap;
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
 * Exact P4 as a multiple-choice knapsack MILP through OR-Tools' MPSolver: SCIP (id
 * {@code ortools-milp:scip}, this class) and CBC ({@link Cbc}, {@code ortools-milp:cbc}), one
 * formulation. HiGHS is not offered: through OR-Tools 9.15's MPSolver it ignored the time limit on
 * this model (22 s, and in another instance more than three minutes, past a 5 s limit).
 *
 * <p><b>Model.</b> One binary per (user, k_F, k_B) with the option folded in: the
 * {@link AllocationTable} entries (f_e, b_e, cost c_e, option o_e) of each user are the cells of
 * its best-response table h_i(f, b) = min over admissible options, kept only where h_i is strictly
 * below every cell with no more of either unit (the Pareto pruning the {@code dp} solver uses; no
 * optimum is lost). With a binary x_{i,e} per entry:
 * <pre>
 *   minimise Σ_{i,e} c_e·x_{i,e}
 *   s.t.     Σ_e x_{i,e} = 1 (every user i),  Σ_{i,e} f_e·x_{i,e} ≤ K_F,  Σ_{i,e} b_e·x_{i,e} ≤ K_B.
 * </pre>
 * On zoo users (as {@code cleave generate multiuser} makes them, K = 64) from a few entries per
 * user (4G) to about 1,200 (5G) survive out of |O|·(K_F+1)(K_B+1) (option, units) triples, which
 * run to millions. The costs are the evaluator's
 * floating-point user costs, multiplied by {@value #OBJECTIVE_SCALE}/Σ_i min_e c_{i,e} so that the
 * backends' absolute tolerances (CBC's cutoff increment is 10⁻⁵) sit far below the plan costs'
 * differences; the plan is read back and priced with the table's (the evaluator's) costs. The relative MIP gap is set to 0. NP-hard; branch and
 * bound is exponential in the worst case. Building: O(N·|O'|·(K_F+1)(K_B+1)) for the table
 * (|O'| the undominated options), O(entries) for the model.
 *
 * <p><b>Reduced-cost filter.</b> The backend does not see every entry: {@link FilteredRounds} keeps
 * those whose reduced cost at Lagrangian unit prices ({@link org.cleave.core.multiuser.UnitPriceFilter})
 * is within Δ of the bound and widens Δ until the restricted optimum is provably optimal over all
 * entries, usually two rounds. On 26 zoo users over 5G with K = 64 that is 30 of 32,188 entries.
 *
 * <p><b>Time.</b> The time limit counts from the start of the solve; the backend gets what
 * building the table and the model left of it. When building used it all, the result is
 * NO_SOLUTION_IN_LIMIT with the bound Σ_i min_e c_{i,e} (the optimum with the unit constraints
 * dropped). A result stopped by the limit is FEASIBLE (or NO_SOLUTION_IN_LIMIT) with the bound of
 * {@link FilteredRounds}. The statistics split the wall time into
 * {@code buildSeconds} and {@code solveSeconds} (see {@link org.cleave.ortools.OrToolsSolver}).
 */
public class MilpMultiUserSolver extends OrToolsSolver<MultiUserProblem, MultiUserPlan> {
    /** The default MILP backend for P4 (this class's id). */
    public static final MilpBackend BACKEND = MilpBackend.SCIP;

    /** The backend's objective is Σ c·x times this over Σ_i min_e c_{i,e}. */
    static final double OBJECTIVE_SCALE = 1e6;

    private final MilpBackend backend;

    /** The SCIP formulation, {@code ortools-milp:scip}. */
    public MilpMultiUserSolver() {
        this(BACKEND);
    }

    protected MilpMultiUserSolver(MilpBackend backend) {
        super(backend.solverId(), Family.MULTIUSER, SolverKind.EXACT, MultiUserProblem.class, backend.honours(),
                "Exact: multiple-choice knapsack MILP over the Pareto-useful (user, k_F, k_B) cells, option folded"
                        + " in, solved by " + backend.name() + " via OR-Tools.");
        this.backend = backend;
    }

    /** {@code ortools-milp:cbc}: the same model on COIN-OR CBC. */
    public static final class Cbc extends MilpMultiUserSolver {
        public Cbc() {
            super(MilpBackend.CBC);
        }
    }

    /** The backend. */
    public MilpBackend backend() {
        return backend;
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("backend", backend.name());
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
        Map<String, Object> applied = new LinkedHashMap<>();
        long[] nodes = new long[1];
        // objective in units of 1e-6 of the bound, so absolute tolerances (CBC's cutoff increment
        // of 1e-5 lost improvements of 5e-6 on a 0.77 s optimum) act far below the 1e-6 relative agreement
        double scale = relaxed > 0 && Double.isFinite(relaxed) ? OBJECTIVE_SCALE / relaxed : 1;
        Outcome<MultiUserPlan> out = FilteredRounds.run(table, relaxed, deadline, backend.name(),
                (keep, kept) -> round(problem, table, keep, scale, limits, deadline, applied, nodes));
        applied.forEach(out::param);
        return out.stat("variables", table.totalEntries()).stat("nodes", nodes[0]);
    }

    /** One MILP over the kept entries. */
    private FilteredRounds.Round round(MultiUserProblem problem, AllocationTable table, boolean[][] keep,
                                       double scale, SolveLimits limits, Deadline deadline, Map<String, Object> applied,
                                       long[] nodes) {
        String name = backend.name();
        MPSolver solver = backend.create();
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
                    if (!keep[i][e]) {
                        continue;
                    }
                    x[i][e] = solver.makeBoolVar("x_" + i + "_" + e);
                    one.setCoefficient(x[i][e], 1);
                    cf.setCoefficient(x[i][e], table.computeUnits(i, e));
                    cb.setCoefficient(x[i][e], table.bandwidthUnits(i, e));
                    objective.setCoefficient(x[i][e], scale * table.cost(i, e));
                }
            }
            objective.setMinimization();
            applied.putAll(backend.apply(solver, limits, deadline));
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus status = backend.solve(solver, params, limits, deadline);
            nodes[0] += solver.nodes();
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return new FilteredRounds.Round(FilteredRounds.Kind.INFEASIBLE, null, Double.NaN, "");
            }
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return MilpBackend.status(status, deadline) == Status.NO_SOLUTION_IN_LIMIT
                        ? new FilteredRounds.Round(FilteredRounds.Kind.NO_SOLUTION, null, Double.NaN,
                                "time limit reached before " + name + " found an allocation")
                        : new FilteredRounds.Round(FilteredRounds.Kind.INVALID, null, Double.NaN,
                                name + " returned " + status);
            }
            int[] entry = new int[n];
            for (int i = 0; i < n; i++) {
                int best = -1;
                for (int e = 0; e < x[i].length; e++) {
                    if (x[i][e] != null && (best < 0 || x[i][e].solutionValue() > x[i][best].solutionValue())) {
                        best = e;
                    }
                }
                entry[i] = best;
            }
            if (status == MPSolver.ResultStatus.OPTIMAL) {
                return new FilteredRounds.Round(FilteredRounds.Kind.OPTIMAL, entry, Double.NaN, "");
            }
            double bound = objective.bestBound() / scale;
            return new FilteredRounds.Round(FilteredRounds.Kind.FEASIBLE, entry, Double.isFinite(bound) ? bound
                    : Double.NaN, "time limit reached");
        } finally {
            solver.delete();
        }
    }
}
