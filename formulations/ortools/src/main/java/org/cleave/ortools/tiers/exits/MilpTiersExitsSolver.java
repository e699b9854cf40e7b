package org.cleave.ortools.tiers.exits;

import org.cleave.ortools.tiers.TierLinkRows;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsCost;
import org.cleave.core.tiers.exits.TiersExitsEvaluator;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.core.tiers.exits.TiersExpectedLoads;
import org.cleave.ortools.MilpBackend;
import org.cleave.ortools.OrToolsSolver;

/**
 * Exact P2-3T through OR-Tools' MPSolver on SCIP ({@code ortools-milp:scip}): for each exit set meeting
 * the accuracy floor, P1-3T's MILP ({@link org.cleave.ortools.tiers.MilpTiersSolver}) with the
 * reach-weighted coefficients of {@link TiersExpectedLoads#coefficients} (objective weights) and, when
 * a latency bound L is given, one more row: the same linear form with the latency-only coefficients
 * ≤ L.
 * <pre>
 *   min  Σ_v [D_v·(1 − x¹_v) + E_v·(x¹_v − x²_v) + C_v·x²_v] + Σ_u [U¹_u·s¹_u + U²_u·s²_u]
 *   s.t. x¹_input = 0,  x²_v ≤ x¹_v,  x^k_u ≤ x^k_v,  s^k_u ≥ x^k_v − x^k_u   (k = 1, 2; every arc u → v)
 *        Σ_v [D'_v·(1 − x¹_v) + E'_v·(x¹_v − x²_v) + C'_v·x²_v] + Σ_u [U'¹_u·s¹_u + U'²_u·s²_u] ≤ L
 * </pre>
 * (primes: latency-only weights, i.e. the expected T of the plan). For a fixed exit set T is linear in
 * these variables, so the bound is exact here, unlike a min cut. A larger s than max(x_v − x_u) only
 * raises both sides, so the plan read from x (rounded at 0.5) meets L with the evaluator's own sends.
 * The best feasible set wins. Objective rows are divided by the set's cheapest single-tier plan; the
 * relative gap is 0; every plan is re-evaluated by the evaluator. Sets are tried in mask order; at the
 * time limit the best so far is returned (FEASIBLE).
 */
public final class MilpTiersExitsSolver extends OrToolsSolver<TiersExitsProblem, TierExitPlan> {
    private static final MilpBackend BACKEND = MilpBackend.SCIP;
    /** Most exits whose 2^m subsets are enumerated. */
    private static final int MAX_EXITS = 20;

    public MilpTiersExitsSolver() {
        super(BACKEND.solverId(), Family.EXITS_TIERS, SolverKind.EXACT, TiersExitsProblem.class, BACKEND.honours(),
                "one MILP per exit set (nested binaries, send-once per link, expected latency row) on SCIP");
    }

    @Override
    protected Outcome<TierExitPlan> runNative(TiersExitsProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        List<Exit> exits = g.exits();
        if (exits.size() > MAX_EXITS) {
            throw new InvalidModelException("model.exits", "has " + exits.size() + " exits; enumerating their"
                    + " subsets is limited to " + MAX_EXITS + " exits. Maybe drop some exits");
        }
        TierExitPlan best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        int admissible = 0;
        int milps = 0;
        boolean stopped = false;
        for (int mask = 0; mask < (1 << exits.size()); mask++) {
            if (deadline.expired()) {
                stopped = true;
                break;
            }
            List<String> set = new ArrayList<>();
            for (int j = 0; j < exits.size(); j++) {
                if ((mask & (1 << j)) != 0) {
                    set.add(exits.get(j).id());
                }
            }
            StopProfile profile = problem.profile(set);
            if (profile.expectedAccuracy() < problem.variant().minAccuracy()) {
                continue;
            }
            admissible++;
            milps++;
            TiersExpectedLoads loads = problem.loads(profile);
            SetResult r = solveSet(problem, loads, limits, deadline);
            if (r.status() == Status.FEASIBLE || r.status() == Status.NO_SOLUTION_IN_LIMIT) {
                stopped = true;
            }
            if (r.tiers() == null) {
                continue;
            }
            TierPlacement x = new TierPlacement(r.tiers());
            TiersExitsCost c = TiersExitsEvaluator.evaluate(problem, profile, loads, x);
            if (c.feasible() && c.objective() < bestObjective) {
                best = new TierExitPlan(set, x);
                bestObjective = c.objective();
            }
        }
        Outcome<TierExitPlan> outcome;
        if (best == null) {
            if (stopped) {
                outcome = Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached before any feasible plan");
            } else {
                outcome = Outcome.none(Status.INFEASIBLE, admissible == 0
                        ? "no exit set reaches minAccuracy " + problem.variant().minAccuracy()
                        : "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble() + " ("
                        + admissible + " exit sets meet the accuracy floor)");
            }
        } else {
            outcome = stopped ? Outcome.<TierExitPlan>feasible(best).message("time limit reached")
                    : Outcome.optimal(best);
        }
        return outcome.param("relativeMipGap", 0.0).stat("exitSetsMeetingAccuracy", admissible).stat("milps", milps);
    }

    /** One exit set's MILP: its status and rounded plan (null when none). */
    private record SetResult(Status status, int[] tiers) {
    }

    private static SetResult solveSet(TiersExitsProblem problem, TiersExpectedLoads loads, SolveLimits limits,
                                      Deadline deadline) {
        DnnGraph g = problem.graph();
        int n = g.size();
        TiersCoefficients c = loads.coefficients(problem.variant().weights(), problem);
        TiersCoefficients lat = loads.coefficients(CostWeights.LATENCY, problem);
        double upper = Double.POSITIVE_INFINITY;
        for (int tier = 0; tier < 3; tier++) {
            int[] t = new int[n];
            java.util.Arrays.fill(t, 1, n, tier);
            upper = Math.min(upper, c.cost(g, t));
        }
        double norm = upper > 0 ? upper : 1;
        MPSolver solver = BACKEND.create();
        try {
            BACKEND.apply(solver, limits, deadline);
            MPObjective objective = solver.objective();
            double bound = problem.maxLatencySeconds().orElse(Double.POSITIVE_INFINITY);
            MPConstraint latency = Double.isInfinite(bound) ? null
                    : solver.makeConstraint(Double.NEGATIVE_INFINITY, bound, "latency");
            MPVariable[] x1 = new MPVariable[n];
            MPVariable[] x2 = new MPVariable[n];
            double offset = 0;
            double latencyOffset = 0;
            for (int v = 0; v < n; v++) {
                x1[v] = solver.makeBoolVar("x1_" + v);
                x2[v] = solver.makeBoolVar("x2_" + v);
                objective.setCoefficient(x1[v], (c.tierCost(v, 1) - c.tierCost(v, 0)) / norm);
                objective.setCoefficient(x2[v], (c.tierCost(v, 2) - c.tierCost(v, 1)) / norm);
                offset += c.tierCost(v, 0) / norm;
                if (latency != null) {
                    latency.setCoefficient(x1[v], lat.tierCost(v, 1) - lat.tierCost(v, 0));
                    latency.setCoefficient(x2[v], lat.tierCost(v, 2) - lat.tierCost(v, 1));
                    latencyOffset += lat.tierCost(v, 0);
                }
                MPConstraint nested = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "nest_" + v);
                nested.setCoefficient(x2[v], 1);
                nested.setCoefficient(x1[v], -1);
            }
            if (latency != null) {
                latency.setUb(bound - latencyOffset);
            }
            x1[0].setBounds(0, 0);
            x2[0].setBounds(0, 0);
            objective.setOffset(offset);
            objective.setMinimization();
            for (int u = 0; u < n; u++) {
                link(solver, objective, latency, g, u, x1, c.send1(u) / norm, lat.send1(u), "1");
                link(solver, objective, latency, g, u, x2, c.send2(u) / norm, lat.send2(u), "2");
            }
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus raw = BACKEND.solve(solver, parameters, limits, deadline);
            parameters.delete();
            Status status = MilpBackend.status(raw, deadline);
            if (!status.hasPlan()) {
                return new SetResult(status, null);
            }
            int[] tiers = new int[n];
            for (int v = 0; v < n; v++) {
                boolean beyond = x1[v].solutionValue() > 0.5;
                tiers[v] = (beyond ? 1 : 0) + (beyond && x2[v].solutionValue() > 0.5 ? 1 : 0);
            }
            return new SetResult(status, tiers);
        } finally {
            solver.delete();
        }
    }

    /**
     * Monotone and send-once rows of u's arcs on binary layer x (link k), the send priced in the
     * objective and the latency row.
     */
    private static void link(MPSolver solver, MPObjective objective, MPConstraint latency, DnnGraph g, int u,
                             MPVariable[] x, double send, double sendSeconds, String k) {
        MPVariable s = TierLinkRows.add(solver, g, u, x, send > 0 || (latency != null && sendSeconds > 0), k);
        if (s != null) {
            objective.setCoefficient(s, send);
            if (latency != null) {
                latency.setCoefficient(s, sendSeconds);
            }
        }
    }
}
