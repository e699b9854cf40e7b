package org.cleave.ortools.tiers;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Map;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.ortools.MilpBackend;

/**
 * Exact P1-3T as a mixed-integer linear program through OR-Tools' MPSolver on SCIP
 * ({@code ortools-milp:scip}). With the per-layer costs of {@link TiersCoefficients} (D device,
 * E edge, C cloud, the output's including the result's return and the link latencies; U¹, U² the
 * sends over link 1 and link 2):
 * <pre>
 *   min  Σ_v [D_v·(1 − x¹_v) + E_v·(x¹_v − x²_v) + C_v·x²_v] + Σ_u [U¹_u·s¹_u + U²_u·s²_u]
 *   s.t. x¹_input = 0,  x²_v ≤ x¹_v                      (nested: cloud ⊆ beyond the device)
 *        x^k_u ≤ x^k_v            for k = 1, 2 and every arc u → v   (monotone)
 *        s^k_u ≥ x^k_v − x^k_u    for k = 1, 2 and every arc u → v   (u's tensor crosses link k once)
 *        x^k_v ∈ {0, 1},  s^k_u ∈ [0, 1]
 * </pre>
 * tier(v) = x¹_v + x²_v. The s^k_u may be continuous: at an optimum with U^k_u &gt; 0 it equals
 * max_v (x^k_v − x^k_u) ∈ {0, 1}. 2|V| binaries, ≤ 2|V| continuous variables, |V| + 4|A| rows.
 * This LP is the min-cut LP of {@code TiersCutNetwork}'s doubled network, so SCIP usually closes it at
 * the root. Numerics as in the P1 MILP: the objective is divided by the cheapest single-tier plan
 * (≥ OPT), the relative gap is 0, the plan is read by rounding at 0.5 and re-evaluated by the evaluator.
 */
public final class MilpTiersSolver extends OrToolsSolver<TiersProblem, TierPlacement> {
    private static final MilpBackend BACKEND = MilpBackend.SCIP;

    public MilpTiersSolver() {
        super(BACKEND.solverId(), Family.TIERS, SolverKind.EXACT, TiersProblem.class, BACKEND.honours(),
                "MILP (nested x1 >= x2 binaries, monotone arcs, send-once per link) through OR-Tools MPSolver on SCIP");
    }

    @Override
    protected Outcome<TierPlacement> runNative(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        TiersCoefficients c = TiersCoefficients.of(problem);
        int n = g.size();
        double upper = Double.POSITIVE_INFINITY;
        for (int tier = 0; tier < 3; tier++) {
            int[] t = new int[n];
            java.util.Arrays.fill(t, 1, n, tier);
            upper = Math.min(upper, c.cost(g, t));
        }
        double norm = upper > 0 ? upper : 1;
        MPSolver solver = BACKEND.create();
        try {
            Map<String, Object> applied = BACKEND.apply(solver, limits, deadline);
            MPObjective objective = solver.objective();
            MPVariable[] x1 = new MPVariable[n];
            MPVariable[] x2 = new MPVariable[n];
            double offset = 0;
            for (int v = 0; v < n; v++) {
                x1[v] = solver.makeBoolVar("x1_" + v);
                x2[v] = solver.makeBoolVar("x2_" + v);
                objective.setCoefficient(x1[v], (c.tierCost(v, 1) - c.tierCost(v, 0)) / norm);
                objective.setCoefficient(x2[v], (c.tierCost(v, 2) - c.tierCost(v, 1)) / norm);
                offset += c.tierCost(v, 0) / norm;
                MPConstraint nested = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "nest_" + v);
                nested.setCoefficient(x2[v], 1);
                nested.setCoefficient(x1[v], -1);
            }
            x1[0].setBounds(0, 0);
            x2[0].setBounds(0, 0);
            objective.setOffset(offset);
            objective.setMinimization();
            for (int u = 0; u < n; u++) {
                link(solver, objective, g, u, x1, c.send1(u) / norm, "1");
                link(solver, objective, g, u, x2, c.send2(u) / norm, "2");
            }
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus raw = BACKEND.solve(solver, parameters, limits, deadline);
            parameters.delete();
            Status status = MilpBackend.status(raw, deadline);
            Outcome<TierPlacement> outcome;
            if (status.hasPlan()) {
                int[] tiers = new int[n];
                for (int v = 0; v < n; v++) {
                    boolean beyond = x1[v].solutionValue() > 0.5;
                    tiers[v] = (beyond ? 1 : 0) + (beyond && x2[v].solutionValue() > 0.5 ? 1 : 0);
                }
                TierPlacement plan = new TierPlacement(tiers);
                outcome = status == Status.OPTIMAL ? Outcome.optimal(plan) : Outcome.feasible(plan);
                outcome.bound(Math.min(objective.bestBound(), objective.value()) * norm);
                if (status == Status.FEASIBLE) {
                    outcome.message("time limit reached before SCIP proved optimality");
                }
            } else {
                outcome = Outcome.none(status, "SCIP returned " + raw
                        + (status == Status.NO_SOLUTION_IN_LIMIT ? " (time limit reached before any plan)" : ""));
            }
            applied.forEach(outcome::param);
            return outcome.param("relativeMipGap", 0.0).param("objectiveDivisor", norm)
                    .stat("variables", solver.numVariables()).stat("constraints", solver.numConstraints())
                    .stat("nodes", solver.nodes()).stat("iterations", solver.iterations());
        } finally {
            solver.delete();
        }
    }

    /** Monotone and send-once rows of u's arcs on binary layer x (link k), the send priced in the objective. */
    private static void link(MPSolver solver, MPObjective objective, DnnGraph g, int u, MPVariable[] x, double send,
                             String k) {
        MPVariable s = TierLinkRows.add(solver, g, u, x, send > 0, k);
        if (s != null) {
            objective.setCoefficient(s, send);
        }
    }
}
