package org.cleave.ortools.partition;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.LinearExpr;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.ScaledPartitionCosts;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.ortools.CpSatSupport;

/**
 * Exact P1 with OR-Tools CP-SAT, id {@code ortools-cpsat}. Boolean x_v (1 = layer v on the edge)
 * and s_u (u's output is sent), with the integer costs d_v, e_v, σ_u of
 * {@link ScaledPartitionCosts} ({@code scale = 10^digits / U}, U = min(device-only, edge-only)):
 * <pre>
 *   min  Σ_v d_v·(1 − x_v) + Σ_v e_v·x_v + Σ_u σ_u·s_u
 *   s.t. ¬x_input;   x_u ⇒ x_v for every arc u → v                 (monotone)
 *        x_v ∧ ¬x_u ⇒ s_u for every arc u → v;  s_u ⇒ ¬x_u;  s_u ⇒ ∨_{u → v} x_v   (s_u = sent once)
 * </pre>
 * The last two clauses make s a function of x, which only helps propagation. The objective is
 * integral; OPTIMAL means proven optimal on the integer model, and the plan is then within
 * {@code k/scale} (the parameter {@code optimalityError}, k = number of rounded coefficients) of
 * the floating-point optimum; with {@code digits} ≈ 14 (sums stay below 2^53, since CP-SAT reports
 * bounds as doubles) that is about 10^-13·U. The reported bound converts CP-SAT's best integer
 * bound B to {@code (B − k/2)/scale}, conservative by the rounding error. The plan is re-evaluated
 * by the family evaluator. CP-SAT: Perron and Didier, "CP-SAT", OR-Tools (Google), 2024,
 * https://developers.google.com/optimization/cp/cp_solver.
 */
public final class CpSatPartitionSolver extends OrToolsSolver<PartitionProblem, Placement> {
    /** Integers in the objective stay below this (CP-SAT returns objective values and bounds as doubles). */
    static final long INTEGER_LIMIT = 1L << 53;

    /** At most this many significant digits for U. */
    static final int MAX_DIGITS = 15;

    public CpSatPartitionSolver() {
        super("ortools-cpsat", Family.PARTITION, SolverKind.EXACT, PartitionProblem.class, CpSatSupport.HONOURS,
                "CP-SAT (boolean x_v, monotone implications, send-once clauses), integer-scaled costs");
    }

    @Override
    protected Outcome<Placement> runNative(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        int n = g.size();
        Map<String, Object> applied = new LinkedHashMap<>();
        CpSolver solver = CpSatSupport.solver(limits, deadline, applied);
        ScaledPartitionCosts costs = ScaledPartitionCosts.of(problem, INTEGER_LIMIT, MAX_DIGITS);
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[n];
        for (int v = 0; v < n; v++) {
            x[v] = model.newBoolVar("x_" + v);
        }
        model.addEquality(x[0], 0);
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int v = 0; v < n; v++) {
            objective.add(costs.device(v)).addTerm(x[v], costs.edge(v) - costs.device(v));
        }
        for (int u = 0; u < n; u++) {
            int consumers = g.outDegree(u);
            for (int k = 0; k < consumers; k++) {
                model.addImplication(x[u], x[g.successor(u, k)]);
            }
            if (consumers == 0 || costs.send(u) == 0) {
                continue;
            }
            BoolVar s = CpSatSupport.sent(model, g, x, u);
            objective.addTerm(s, costs.send(u));
        }
        model.minimize(objective);
        CpSolverStatus raw = CpSatSupport.solve(solver, model, limits, deadline, new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() { // each improving solution: tell the progress listener
                limits.progress().improved(costs.scaling().toCost(Math.round(objectiveValue())),
                        costs.lowerBound(Math.round(bestObjectiveBound())));
            }
        });
        Status status = CpSatSupport.status(raw);
        Outcome<Placement> outcome;
        if (status.hasPlan()) {
            boolean[] onEdge = new boolean[n];
            for (int v = 0; v < n; v++) {
                onEdge[v] = solver.booleanValue(x[v]);
            }
            outcome = status == Status.OPTIMAL ? Outcome.optimal(Placement.of(onEdge))
                    : Outcome.<Placement>feasible(Placement.of(onEdge))
                            .message("time limit reached before CP-SAT proved optimality");
            outcome.bound(costs.lowerBound(Math.round(solver.bestObjectiveBound())))
                    .stat("integerObjective", Math.round(solver.objectiveValue()));
        } else {
            outcome = Outcome.none(status, "CP-SAT returned " + raw);
            if (status == Status.NO_SOLUTION_IN_LIMIT) {
                outcome.message("time limit reached before CP-SAT found a plan");
            }
        }
        applied.forEach(outcome::param);
        return outcome.param("scaling", costs.scaling().describe())
                .param("optimalityError", costs.optimalityError())
                .param("boundError", costs.scaling().absoluteError(costs.terms()))
                .stat("branches", solver.numBranches()).stat("conflicts", solver.numConflicts());
    }
}
