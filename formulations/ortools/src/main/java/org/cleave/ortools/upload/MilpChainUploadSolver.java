package org.cleave.ortools.upload;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Map;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.core.upload.UploadTimes;
import org.cleave.ortools.MilpBackend;

/**
 * Exact P5 on chains as a MILP (MPSolver with SCIP), latency objective (w_E = 0), after Yang et
 * al., MJOA-MU, doi:10.1016/j.comnet.2023.109801. Layers 0..n−1 of the chain, times d, e, f, p as in
 * {@link UploadTimes}, M = 2·(Σd + Σe + Σf + Σp + t_down + ℓ):
 * <pre>
 *   x_v ∈ {0,1} (edge), x_0 = 0, x_v ≤ x_{v+1};  D = Σ (1−x_v)·d_v;  F = Σ_{v&lt;n−1} (x_{v+1} − x_v)·f_v
 *   PRELOADED: T ≥ D + F + Σ x_v e_v + x_{n−1}(t_down + ℓ)
 *   SERIAL:    T ≥ D + F + Σ x_v (p_v + e_v) + x_{n−1}(t_down + ℓ)
 *   PARALLEL:  Q_v = Σ_{u ≤ v} x_u p_u (parameter prefix, uploads in chain order from t = 0);
 *              z_v ∈ {0,1}: v's parameters go before the feature tensor; z_v ≤ x_v,
 *              z_{v+1} ≤ z_v + 1 − x_v (the early ones are a prefix of the edge layers);
 *              z_v = 1 ⇒ Q_{v−1} ≤ D (started by D);  x_v = 1, z_v = 0 ⇒ Q_{v−1} ≥ D (not started);
 *              s ≥ D, s ≥ Q_v − M(1 − z_v) (feature start); A = s + F;
 *              a_v ≥ Q_v, a_v ≥ Q_v + F − M·z_v (parameters after the feature are shifted by it);
 *              E_v ≥ E_{v−1} + x_v e_v, E_v ≥ A + e_v − M(1 − x_v), E_v ≥ a_v + e_v − M(1 − x_v);
 *              T ≥ D, T ≥ E_{n−1} + t_down + ℓ − M(1 − x_{n−1})
 *   minimise T
 * </pre>
 * At a tie Q_{v−1} = D both orders are allowed; the evaluator's (feature first) is never worse on a
 * chain, so the optimum is the evaluator's. Refuses DAGs, an energy weight, and missing natives
 * (INVALID_INPUT). The plan is re-evaluated by the P5 evaluator; status OPTIMAL when SCIP proves it.
 *
 * <p><b>Backends.</b> SCIP only ({@link #BACKEND}): P5 offers no {@code ortools-milp:cbc} or
 * {@code ortools-milp:highs} (the big-M schedule is left to the backend the tests check). The model
 * runs through the shared {@link MilpBackend} skeleton (create, apply the limits, solve, map the status).
 */
public final class MilpChainUploadSolver extends OrToolsSolver<UploadProblem, Placement> {
    /** The one MILP backend offered for P5. */
    public static final MilpBackend BACKEND = MilpBackend.SCIP;

    public MilpChainUploadSolver() {
        super(BACKEND.solverId(), Family.UPLOAD, SolverKind.EXACT, UploadProblem.class, BACKEND.honours(),
                "MILP of the P5 schedule on chains (latency objective), OR-Tools MPSolver with SCIP");
    }

    @Override
    protected Map<String, String> parameters() {
        return Map.of("backend", BACKEND.name());
    }

    @Override
    protected Outcome<Placement> runNative(UploadProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        if (!g.isChain()) {
            throw new InvalidModelException("model", "the MILP handles chains only; this graph has "
                    + g.arcCount() + " arcs on " + g.size() + " layers. Maybe use branch-and-bound");
        }
        if (problem.weights().energyWeight() != 0) {
            throw new InvalidModelException("objective.energyWeight", "the chain MILP models latency only, got "
                    + problem.weights().energyWeight() + ". Maybe use branch-and-bound");
        }
        MPSolver s = BACKEND.create();
        try {
            return build(problem, s, limits, deadline);
        } finally {
            s.delete();
        }
    }

    private static Outcome<Placement> build(UploadProblem problem, MPSolver s, SolveLimits limits,
                                            Deadline deadline) {
        DnnGraph g = problem.graph();
        int n = g.size();
        UploadTimes t = UploadTimes.of(problem);
        UploadMode mode = problem.mode();
        double inf = MPSolver.infinity();
        double big = t.downloadSeconds() + t.latencySeconds();
        for (int v = 0; v < n; v++) {
            big += t.deviceSeconds(v) + t.edgeSeconds(v) + t.featureSeconds(v) + t.paramSeconds(v);
        }
        double m = 2 * big + 1e-9;
        MPVariable[] x = new MPVariable[n];
        for (int v = 0; v < n; v++) {
            x[v] = s.makeIntVar(0, v == 0 ? 0 : 1, "x_" + v);
        }
        for (int v = 0; v + 1 < n; v++) {
            MPConstraint c = s.makeConstraint(-inf, 0, "mono_" + v);
            c.setCoefficient(x[v], 1);
            c.setCoefficient(x[v + 1], -1);
        }
        double deviceAll = 0;
        for (int v = 0; v < n; v++) {
            deviceAll += t.deviceSeconds(v);
        }
        // D = deviceAll − Σ x_v d_v ; F = Σ (x_{v+1} − x_v) f_v
        MPVariable d = s.makeNumVar(0, inf, "D");
        MPConstraint dDef = s.makeConstraint(deviceAll, deviceAll, "D_def");
        dDef.setCoefficient(d, 1);
        MPVariable f = s.makeNumVar(0, inf, "F");
        MPConstraint fDef = s.makeConstraint(0, 0, "F_def");
        fDef.setCoefficient(f, 1);
        double[] fx = new double[n];
        for (int v = 0; v < n; v++) {
            dDef.setCoefficient(x[v], t.deviceSeconds(v));
            if (v + 1 < n) {
                fx[v + 1] -= t.featureSeconds(v);
                fx[v] += t.featureSeconds(v);
            }
        }
        for (int v = 0; v < n; v++) {
            fDef.setCoefficient(x[v], fx[v]);
        }
        MPVariable total = s.makeNumVar(0, inf, "T");
        double tail = t.downloadSeconds() + t.latencySeconds();
        if (mode != UploadMode.PARALLEL) {
            MPConstraint c = s.makeConstraint(0, inf, "T_def");
            c.setCoefficient(total, 1);
            c.setCoefficient(d, -1);
            c.setCoefficient(f, -1);
            for (int v = 0; v < n; v++) {
                double w = t.edgeSeconds(v) + (mode == UploadMode.SERIAL ? t.paramSeconds(v) : 0)
                        + (v == n - 1 ? tail : 0);
                c.setCoefficient(x[v], -w);
            }
        } else {
            parallel(s, t, n, x, d, f, total, m, tail);
        }
        MPObjective obj = s.objective();
        obj.setCoefficient(total, 1);
        obj.setMinimization();
        Map<String, Object> applied = BACKEND.apply(s, limits, deadline);
        MPSolverParameters params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        MPSolver.ResultStatus rs = BACKEND.solve(s, params, limits, deadline);
        if (rs != MPSolver.ResultStatus.OPTIMAL && rs != MPSolver.ResultStatus.FEASIBLE) {
            Outcome<Placement> none = Outcome.none(MilpBackend.status(rs, deadline), "SCIP returned " + rs);
            applied.forEach(none::param);
            return none;
        }
        boolean[] onEdge = new boolean[n];
        for (int v = 1; v < n; v++) {
            onEdge[v] = x[v].solutionValue() > 0.5;
        }
        for (int v = 1; v < n; v++) {
            onEdge[v] |= onEdge[v - 1]; // guard against a rounding artefact; monotone by construction
        }
        Placement plan = Placement.of(onEdge);
        Outcome<Placement> o = rs == MPSolver.ResultStatus.OPTIMAL ? Outcome.optimal(plan)
                : Outcome.<Placement>feasible(plan).bound(s.objective().bestBound()).message("time limit reached");
        applied.forEach(o::param);
        return o.stat("variables", s.numVariables()).stat("constraints", s.numConstraints());
    }

    private static void parallel(MPSolver s, UploadTimes t, int n, MPVariable[] x, MPVariable d, MPVariable f,
                                 MPVariable total, double m, double tail) {
        double inf = MPSolver.infinity();
        MPVariable start = s.makeNumVar(0, inf, "s");
        MPConstraint sd = s.makeConstraint(0, inf, "s_ge_D");
        sd.setCoefficient(start, 1);
        sd.setCoefficient(d, -1);
        MPVariable[] z = new MPVariable[n];
        MPVariable prevEnd = null;
        for (int v = 0; v < n; v++) {
            z[v] = s.makeIntVar(0, v == 0 ? 0 : 1, "z_" + v);
            MPConstraint c = s.makeConstraint(-inf, 0, "z_le_x_" + v);
            c.setCoefficient(z[v], 1);
            c.setCoefficient(x[v], -1);
            if (v > 0) {
                MPConstraint pre = s.makeConstraint(-inf, 1, "z_prefix_" + v);
                pre.setCoefficient(z[v], 1);
                pre.setCoefficient(z[v - 1], -1);
                pre.setCoefficient(x[v - 1], 1);
            }
        }
        // Q_v = Σ_{u ≤ v} x_u p_u as linear expressions: coefficients over x
        for (int v = 1; v < n; v++) {
            // z_v = 1 ⇒ Q_{v−1} ≤ D :  Σ_{u<v} p_u x_u − D + M z_v ≤ M
            MPConstraint started = s.makeConstraint(-inf, m, "started_" + v);
            // x_v = 1, z_v = 0 ⇒ Q_{v−1} ≥ D :  Σ_{u<v} p_u x_u − D + M z_v − M x_v ≥ −M
            MPConstraint waiting = s.makeConstraint(-m, inf, "waiting_" + v);
            // s ≥ Q_v − M(1 − z_v) :  s − Σ_{u≤v} p_u x_u − M z_v ≥ −M
            MPConstraint after = s.makeConstraint(-m, inf, "s_after_" + v);
            MPVariable arrival = s.makeNumVar(0, inf, "a_" + v);
            // a_v ≥ Q_v and a_v ≥ Q_v + F − M z_v
            MPConstraint a1 = s.makeConstraint(0, inf, "a1_" + v);
            MPConstraint a2 = s.makeConstraint(0, inf, "a2_" + v);
            for (int u = 1; u <= v; u++) {
                double p = t.paramSeconds(u);
                if (u < v) {
                    started.setCoefficient(x[u], p);
                    waiting.setCoefficient(x[u], p);
                }
                after.setCoefficient(x[u], -p);
                a1.setCoefficient(x[u], -p);
                a2.setCoefficient(x[u], -p);
            }
            started.setCoefficient(d, -1);
            started.setCoefficient(z[v], m);
            waiting.setCoefficient(d, -1);
            waiting.setCoefficient(z[v], m);
            waiting.setCoefficient(x[v], -m);
            after.setCoefficient(start, 1);
            after.setCoefficient(z[v], -m);
            a1.setCoefficient(arrival, 1);
            a2.setCoefficient(arrival, 1);
            a2.setCoefficient(f, -1);
            a2.setCoefficient(z[v], m);
            // E_v ≥ E_{v−1} + x_v e_v ; E_v ≥ s + F + e_v − M(1 − x_v) ; E_v ≥ a_v + e_v − M(1 − x_v)
            MPVariable end = s.makeNumVar(0, inf, "E_" + v);
            if (prevEnd != null) {
                MPConstraint e0 = s.makeConstraint(0, inf, "E_seq_" + v);
                e0.setCoefficient(end, 1);
                e0.setCoefficient(prevEnd, -1);
                e0.setCoefficient(x[v], -t.edgeSeconds(v));
            }
            MPConstraint e1 = s.makeConstraint(t.edgeSeconds(v) - m, inf, "E_feat_" + v);
            e1.setCoefficient(end, 1);
            e1.setCoefficient(start, -1);
            e1.setCoefficient(f, -1);
            e1.setCoefficient(x[v], -m);
            MPConstraint e2 = s.makeConstraint(t.edgeSeconds(v) - m, inf, "E_par_" + v);
            e2.setCoefficient(end, 1);
            e2.setCoefficient(arrival, -1);
            e2.setCoefficient(x[v], -m);
            prevEnd = end;
        }
        MPConstraint td = s.makeConstraint(0, inf, "T_ge_D");
        td.setCoefficient(total, 1);
        td.setCoefficient(d, -1);
        if (prevEnd != null) {
            MPConstraint te = s.makeConstraint(tail - m, inf, "T_ge_E");
            te.setCoefficient(total, 1);
            te.setCoefficient(prevEnd, -1);
            te.setCoefficient(x[n - 1], -m);
        }
    }
}
