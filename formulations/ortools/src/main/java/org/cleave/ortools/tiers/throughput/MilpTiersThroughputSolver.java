package org.cleave.ortools.tiers.throughput;

import org.cleave.ortools.tiers.TierLinkRows;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.ModelSize;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.throughput.TiersStageTimes;
import org.cleave.core.tiers.throughput.TiersThroughputCost;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;
import org.cleave.ortools.MilpBackend;
import org.cleave.ortools.OrToolsSolver;

/**
 * Exact P3-3T ({@link TiersThroughputProblem}) as a mixed-integer linear program through OR-Tools'
 * MPSolver on SCIP ({@code ortools-milp:scip}). With the stage terms of {@link TiersStageTimes}
 * (t_d, t_e, t_c per layer, u¹, u² the upload times over link 1 and link 2) and the period z as an
 * epigraph variable:
 * <pre>
 *   min  z
 *   s.t. Σ_v t_d(v)·(1 − x¹_v) ≤ z        Σ_u u¹_u·s¹_u ≤ z        Σ_v t_e(v)·(x¹_v − x²_v) ≤ z
 *        Σ_u u²_u·s²_u ≤ z                Σ_v t_c(v)·x²_v ≤ z
 *        x¹_input = 0,  x²_v ≤ x¹_v                          (nested: cloud ⊆ beyond the device)
 *        x^k_u ≤ x^k_v            for k = 1, 2 and every arc u → v   (monotone)
 *        s^k_u ≥ x^k_v − x^k_u    for k = 1, 2 and every arc u → v   (u's tensor crosses link k once)
 *        z ≤ 1/Q                                              (frame rate, when given)
 *        x^k_v ∈ {0, 1},  s^k_u ∈ [0, 1]
 * </pre>
 * tier(v) = x¹_v + x²_v. The s^k_u may be continuous: any s^k_u is at least the send indicator
 * max_v (x^k_v − x^k_u) of the plan x, so z bounds the plan's true period from above, and the true
 * indicators are feasible with z = that period; hence the optimal z is the least period and the plan
 * read from an optimal x attains it. 2|V| binaries, ≤ 2|V| + 1 continuous variables, |V| + 4|A| + 5 rows.
 * P3-3T is NP-hard (it contains P3, Hu et al., DADS, INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614),
 * and unlike P1-3T's sum the min–max LP is not a cut LP, so SCIP branches.
 *
 * <p>Numerics as in the P3 MILP: times are divided by the least single-tier period (so tolerances
 * act relative to the instance); the relative MIP gap is 0; the plan (x read at 0.5) is re-evaluated
 * by the evaluator. Should the backend's feasibility tolerance admit a plan just above 1/Q, that plan
 * is cut off by a no-good cut on all binaries and the model re-solved (at most {@value #MAX_CUTS}
 * times): feasibility is always the evaluator's. When no plan sustains the frame rate the status is
 * INFEASIBLE; the model is then re-solved without it and the least period reported as the bound and
 * in the message. The time limit counts from the start of the solve, as in the P1-3T MILP.
 */
public final class MilpTiersThroughputSolver extends OrToolsSolver<TiersThroughputProblem, TierPlacement> {
    /** Most no-good cuts added against tolerance artefacts before giving up. */
    static final int MAX_CUTS = 50;
    private static final MilpBackend BACKEND = MilpBackend.SCIP;

    public MilpTiersThroughputSolver() {
        super(BACKEND.solverId(), Family.THROUGHPUT_TIERS, SolverKind.EXACT, TiersThroughputProblem.class,
                BACKEND.honours(), "MILP (epigraph period over five stages, nested x1 >= x2 binaries, monotone"
                        + " arcs, send-once per link) through OR-Tools MPSolver on SCIP");
    }

    @Override
    protected Outcome<TierPlacement> runNative(TiersThroughputProblem problem, SolveLimits limits,
                                               Deadline deadline) {
        ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        int n = g.size();
        TiersStageTimes t = TiersStageTimes.of(problem);
        double norm = Double.POSITIVE_INFINITY;
        for (int tier = 0; tier < 3; tier++) {
            int[] plan = new int[n];
            Arrays.fill(plan, 1, n, tier);
            double period = t.period(g, plan);
            if (period > 0) {
                norm = Math.min(norm, period);
            }
        }
        if (!Double.isFinite(norm)) {
            norm = 1;
        }
        MPSolver solver = BACKEND.create();
        try {
            Map<String, Object> applied = BACKEND.apply(solver, limits, deadline);
            double maxPeriod = problem.maxPeriodSeconds() / norm;
            MPVariable z = solver.makeNumVar(0, Double.isFinite(maxPeriod) ? maxPeriod : MPSolver.infinity(), "z");
            MPVariable[] x1 = new MPVariable[n];
            MPVariable[] x2 = new MPVariable[n];
            for (int v = 0; v < n; v++) {
                x1[v] = solver.makeBoolVar("x1_" + v);
                x2[v] = solver.makeBoolVar("x2_" + v);
                MPConstraint nested = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "nest_" + v);
                nested.setCoefficient(x2[v], 1);
                nested.setCoefficient(x1[v], -1);
            }
            x1[0].setBounds(0, 0);
            x2[0].setBounds(0, 0);
            // device: Σ t_d − Σ t_d·x¹ ≤ z  ⇔  −Σ t_d·x¹ − z ≤ −Σ t_d
            double deviceAll = 0;
            for (int v = 0; v < n; v++) {
                deviceAll += t.device(v) / norm;
            }
            MPConstraint device = stage(solver, z, -deviceAll, "device");
            MPConstraint edge = stage(solver, z, 0, "edge");
            MPConstraint cloud = stage(solver, z, 0, "cloud");
            MPConstraint link1 = stage(solver, z, 0, "link1");
            MPConstraint link2 = stage(solver, z, 0, "link2");
            for (int v = 0; v < n; v++) {
                device.setCoefficient(x1[v], -t.device(v) / norm);
                edge.setCoefficient(x1[v], t.edge(v) / norm);
                edge.setCoefficient(x2[v], -t.edge(v) / norm);
                cloud.setCoefficient(x2[v], t.cloud(v) / norm);
            }
            for (int u = 0; u < n; u++) {
                link(solver, link1, g, u, x1, t.upload1(u) / norm, "1");
                link(solver, link2, g, u, x2, t.upload2(u) / norm, "2");
            }
            MPObjective objective = solver.objective();
            objective.setCoefficient(z, 1);
            objective.setMinimization();
            Outcome<TierPlacement> outcome = solve(problem, limits, deadline, solver, x1, x2, z, norm);
            applied.forEach(outcome::param);
            return outcome.param("relativeMipGap", 0.0).param("objectiveDivisor", norm)
                    .stat("variables", solver.numVariables()).stat("constraints", solver.numConstraints())
                    .stat("nodes", solver.nodes()).stat("iterations", solver.iterations());
        } finally {
            solver.delete();
        }
    }

    /** The row {@code Σ … − z ≤ rhs}. */
    private static MPConstraint stage(MPSolver solver, MPVariable z, double rhs, String name) {
        MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, rhs, name);
        c.setCoefficient(z, -1);
        return c;
    }

    /** Monotone and send-once rows of u's arcs on binary layer x (link k), u's send in its stage row. */
    private static void link(MPSolver solver, MPConstraint stage, DnnGraph g, int u, MPVariable[] x, double send,
                             String k) {
        MPVariable s = TierLinkRows.add(solver, g, u, x, send > 0, k);
        if (s != null) {
            stage.setCoefficient(s, send);
        }
    }

    private Outcome<TierPlacement> solve(TiersThroughputProblem problem, SolveLimits limits, Deadline deadline,
                                         MPSolver solver, MPVariable[] x1, MPVariable[] x2, MPVariable z,
                                         double norm) {
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        try {
            int cuts = 0;
            while (true) {
                MPSolver.ResultStatus raw = BACKEND.solve(solver, parameters, limits, deadline);
                Status status = MilpBackend.status(raw, deadline);
                double bound = solver.objective().bestBound() * norm;
                if (!status.hasPlan()) {
                    if (status == Status.INFEASIBLE && problem.frameRatePerSecond().isPresent()) {
                        return infeasible(problem, limits, deadline, solver, z, parameters, norm).stat("cuts", cuts);
                    }
                    Outcome<TierPlacement> none = Outcome.none(status, "SCIP returned " + raw
                            + (status == Status.NO_SOLUTION_IN_LIMIT ? " (time limit reached before any plan)" : ""));
                    return none.stat("cuts", cuts);
                }
                int[] tiers = new int[x1.length];
                for (int v = 0; v < tiers.length; v++) {
                    boolean beyond = x1[v].solutionValue() > 0.5;
                    tiers[v] = (beyond ? 1 : 0) + (beyond && x2[v].solutionValue() > 0.5 ? 1 : 0);
                }
                TierPlacement plan = new TierPlacement(tiers);
                TiersThroughputCost cost = problem.evaluate(plan);
                if (!cost.feasible() && cuts < MAX_CUTS && !deadline.expired()) {
                    cuts++;
                    exclude(solver, x1, x2, tiers, cuts);
                    continue;
                }
                if (!cost.feasible()) {
                    return Outcome.<TierPlacement>none(Status.NO_SOLUTION_IN_LIMIT, "stopped after " + cuts
                            + " no-good cuts; the last plan is infeasible: " + cost.violations()).stat("cuts", cuts);
                }
                Outcome<TierPlacement> outcome = status == Status.OPTIMAL ? Outcome.optimal(plan)
                        : Outcome.<TierPlacement>feasible(plan).message("time limit reached before SCIP proved"
                                + " optimality");
                return outcome.bound(Math.min(bound, cost.periodSeconds())).stat("cuts", cuts);
            }
        } finally {
            parameters.delete();
        }
    }

    /** A no-good cut: at least one binary differs from the plan {@code tiers}. */
    private static void exclude(MPSolver solver, MPVariable[] x1, MPVariable[] x2, int[] tiers, int k) {
        MPConstraint c = solver.makeConstraint(1, MPSolver.infinity(), "nogood_" + k);
        double lb = 1;
        for (int v = 0; v < tiers.length; v++) {
            lb -= term(c, x1[v], tiers[v] >= 1);
            lb -= term(c, x2[v], tiers[v] == 2);
        }
        c.setLb(lb);
    }

    /** Adds (1 − x) if {@code one}, else x, to {@code c}; returns the constant moved to the bound. */
    private static double term(MPConstraint c, MPVariable x, boolean one) {
        c.setCoefficient(x, one ? -1 : 1);
        return one ? 1 : 0;
    }

    /** INFEASIBLE; the least period without the frame rate is the bound and in the message. */
    private Outcome<TierPlacement> infeasible(TiersThroughputProblem problem, SolveLimits limits, Deadline deadline,
                                              MPSolver solver, MPVariable z, MPSolverParameters parameters,
                                              double norm) {
        z.setUb(MPSolver.infinity());
        MPSolver.ResultStatus raw = BACKEND.solve(solver, parameters, limits, deadline);
        double least = solver.objective().bestBound() * norm;
        if (raw != MPSolver.ResultStatus.OPTIMAL || !Double.isFinite(least)) {
            return Outcome.none(Status.INFEASIBLE, "frame rate " + problem.frameRatePerSecond().getAsDouble()
                    + " frames/s cannot be sustained (SCIP proved it; the least period is unknown)");
        }
        return Outcome.<TierPlacement>none(Status.INFEASIBLE, String.format(Locale.ROOT, "frame rate %.6g frames/s"
                + " cannot be sustained: the least period is %.6g s (at most %.6g frames/s)",
                problem.frameRatePerSecond().getAsDouble(), least, 1 / least)).bound(least);
    }
}
