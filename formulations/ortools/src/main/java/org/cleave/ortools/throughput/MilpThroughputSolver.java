package org.cleave.ortools.throughput;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Locale;
import java.util.Map;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.ortools.MilpBackend;
import org.cleave.ortools.exits.MilpStopChain;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.UnitTimes;

/**
 * Exact P3 ({@link ThroughputProblem}) as a MILP through OR-Tools' MPSolver on a
 * {@link MilpBackend} (SCIP, CBC or HiGHS). The exit set is chosen by binaries z_k and the
 * placement by binaries x_v (x_input = 0, x_u ≤ x_v on every arc); the reach-weighted loads are
 * linear in the stop-chain arcs y_ij of {@link StopChain}, and their products with the placement
 * are linearised exactly by lower envelopes (see {@link StopChain}). With unit times t_d, t_e,
 * t_up of {@link UnitTimes} and the period P as an epigraph variable:
 * <pre>
 *   min  P
 *   s.t. Σ_v t_d(v)·dv_v + Σ_k t_d(branch k)·db_k ≤ P          dv_v ≥ ρ_{s(v)} − x_v,  db_k ≥ β_k − x_{ℓ_k}
 *        Σ_u t_up(u)·q_u ≤ P                                    q_u ≥ ρ_{s(u+1)} + x_v − x_u − 1  (u → v)
 *        Σ_v t_e(v)·ev_v + Σ_k t_e(branch k)·eb_k ≤ P          ev_v ≥ ρ_{s(v)} + x_v − 1,  eb_k ≥ β_k + x_{ℓ_k} − 1
 *        Σ_{i&lt;j} (R_j − R_i)·a_j·y_ij ≥ minAccuracy           (the exact expected accuracy)
 *        P ≤ 1/Q                                                (frame rate, when given)
 *        stop-chain flow (z binary), dv, db, q, ev, eb ≥ 0
 * </pre>
 * Every product variable appears only on the small side of a ≤ P row, so at an optimum it equals
 * the product (reach × placement indicator) and P = max(D, U, G) of the evaluator. m binaries z,
 * |V| binaries x, O(m² + |V| + |A|) continuous variables and O(m² · m + |V| + |A|) rows. P3 is
 * NP-hard (Hu et al., DADS, INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614).
 *
 * <p>Numerics: times are divided by the period of the cheaper of device-only and edge-only
 * without exits (so tolerances act relative to the instance); the relative MIP gap is 0. The
 * plan (x, z read at 0.5) is re-evaluated by the evaluator; should the backend's feasibility
 * tolerance admit an exit set just below the accuracy floor, that set is cut off by a no-good
 * cut and the model re-solved (likewise a plan just above 1/Q, by a no-good on all binaries):
 * feasibility is always the evaluator's. When the frame rate makes the model infeasible, the
 * model is re-solved without it and the least period is reported as the bound and in the
 * message. The bound is the backend's best bound, capped at the plan's period.
 *
 * <p>One class per backend: {@link Scip}, {@link Cbc}, {@link Highs}.
 */
public abstract class MilpThroughputSolver extends OrToolsSolver<ThroughputProblem, ExitPlan> {
    /** Most no-good cuts added against tolerance artefacts before giving up. */
    static final int MAX_CUTS = 50;

    private final MilpBackend backend;

    protected MilpThroughputSolver(MilpBackend backend) {
        super(backend.solverId(), Family.THROUGHPUT, SolverKind.EXACT, ThroughputProblem.class, backend.honours(),
                "MILP (exit binaries on a stop chain, epigraph period, exact reach x placement envelopes) through"
                        + " OR-Tools MPSolver on " + backend.name());
        this.backend = backend;
    }

    /** The backend. */
    public MilpBackend backend() {
        return backend;
    }

    /** The period of the cheaper of device-only and edge-only without exits, or 1: the objective's divisor. */
    static double normaliser(ThroughputProblem p, UnitTimes t) {
        int n = p.graph().size();
        double device = p.evaluate(ExitPlan.withoutExits(Placement.allDevice(n))).periodSeconds();
        double edge = p.evaluate(ExitPlan.withoutExits(Placement.allButInputOnEdge(n))).periodSeconds();
        double best = Math.min(device > 0 ? device : Double.POSITIVE_INFINITY, edge > 0 ? edge : Double.POSITIVE_INFINITY);
        if (Double.isFinite(best)) {
            return best;
        }
        return t.maxStage() > 0 ? t.maxStage() : 1;
    }

    @Override
    protected Outcome<ExitPlan> runNative(ThroughputProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        StopChain chain = StopChain.of(g, problem.finalAccuracy(), StopProfile.Mode.NESTED);
        UnitTimes t = UnitTimes.of(g, problem.device(), problem.edge(), problem.link(), problem.deviceLoad());
        double norm = normaliser(problem, t);
        MPSolver solver = backend.create();
        try {
            Map<String, Object> applied = backend.apply(solver, limits, deadline);
            MilpStopChain m = new MilpStopChain(solver, g, chain);
            double maxPeriod = problem.maxPeriodSeconds() / norm;
            MPVariable period = solver.makeNumVar(0, Double.isFinite(maxPeriod) ? maxPeriod : MPSolver.infinity(),
                    "period");
            MPConstraint device = stage(solver, period, "device");
            MPConstraint uplink = stage(solver, period, "uplink");
            MPConstraint edge = stage(solver, period, "edge");
            for (int v = 0; v < g.size(); v++) {
                if (t.device(v) > 0) {
                    device.setCoefficient(m.onDevice(m.reach(v), v), t.device(v) / norm);
                }
                if (v > 0 && t.edge(v) > 0) {
                    edge.setCoefficient(m.onEdge(m.reach(v), v), t.edge(v) / norm);
                }
                if (t.upload(v) > 0) {
                    uplink.setCoefficient(m.sent(v), t.upload(v) / norm);
                }
            }
            for (int k = 1; k <= chain.exits(); k++) {
                if (t.branchDevice(k) > 0) {
                    device.setCoefficient(m.onDevice(m.branchReach(k), chain.layer(k)), t.branchDevice(k) / norm);
                }
                if (t.branchEdge(k) > 0) {
                    edge.setCoefficient(m.onEdge(m.branchReach(k), chain.layer(k)), t.branchEdge(k) / norm);
                }
            }
            if (problem.minAccuracy() > 0) {
                m.accuracyAtLeast(problem.minAccuracy());
            }
            MPObjective objective = solver.objective();
            objective.setCoefficient(period, 1);
            objective.setMinimization();
            Outcome<ExitPlan> outcome = solve(problem, limits, deadline, solver, m, period, norm);
            applied.forEach(outcome::param);
            return outcome.param("relativeMipGap", 0.0).param("objectiveDivisor", norm)
                    .stat("variables", solver.numVariables()).stat("constraints", solver.numConstraints())
                    .stat("nodes", solver.nodes()).stat("iterations", solver.iterations());
        } finally {
            solver.delete();
        }
    }

    private static MPConstraint stage(MPSolver solver, MPVariable period, String name) {
        MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, name);
        c.setCoefficient(period, -1);
        return c;
    }

    private Outcome<ExitPlan> solve(ThroughputProblem problem, SolveLimits limits, Deadline deadline, MPSolver solver,
                                    MilpStopChain m, MPVariable period, double norm) {
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        try {
            int cuts = 0;
            while (true) {
                if (limits.timeLimit().isPresent()) {
                    solver.setTimeLimit(MilpBackend.backendMillis(deadline));
                }
                MPSolver.ResultStatus raw = backend.solve(solver, parameters, limits.timeLimit().isPresent());
                Status status = MilpBackend.status(raw, deadline);
                double bound = solver.objective().bestBound() * norm;
                if (!status.hasPlan()) {
                    if (status == Status.INFEASIBLE) {
                        return infeasible(problem, limits, deadline, solver, period, parameters, norm).stat("cuts", cuts);
                    }
                    Outcome<ExitPlan> none = Outcome.none(status, backend.name() + " returned " + raw
                            + (status == Status.NO_SOLUTION_IN_LIMIT ? " (time limit reached before any plan)" : ""));
                    if (status == Status.NO_SOLUTION_IN_LIMIT && Double.isFinite(bound)) {
                        none.bound(bound);
                    }
                    return none.stat("cuts", cuts);
                }
                boolean[] active = m.activeNodes();
                ExitPlan plan = new ExitPlan(m.exitIds(active), m.placement());
                ThroughputCost cost = problem.evaluate(plan);
                if (!cost.feasible() && cuts < MAX_CUTS && !deadline.expired()) {
                    cuts++;
                    if (cost.accuracy() < problem.minAccuracy()) {
                        m.excludeExitSet(active);
                    } else {
                        m.excludePlan(active, plan.placement());
                    }
                    continue;
                }
                if (!cost.feasible()) {
                    return Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "stopped after " + cuts
                            + " no-good cuts; the last plan is infeasible: " + cost.violations()).stat("cuts", cuts);
                }
                Outcome<ExitPlan> outcome = status == Status.OPTIMAL ? Outcome.optimal(plan)
                        : Outcome.<ExitPlan>feasible(plan).message("time limit reached before " + backend.name()
                                + " proved optimality");
                return outcome.bound(Math.min(bound, cost.periodSeconds())).stat("cuts", cuts);
            }
        } finally {
            parameters.delete();
        }
    }

    /** INFEASIBLE; with a frame rate, the least period without it is the bound and in the message. */
    private Outcome<ExitPlan> infeasible(ThroughputProblem problem, SolveLimits limits, Deadline deadline,
                                         MPSolver solver, MPVariable period, MPSolverParameters parameters,
                                         double norm) {
        if (problem.frameRatePerSecond().isEmpty()) {
            return Outcome.none(Status.INFEASIBLE, "no exit set reaches minAccuracy " + problem.minAccuracy());
        }
        period.setUb(MPSolver.infinity());
        if (limits.timeLimit().isPresent()) {
            solver.setTimeLimit(MilpBackend.backendMillis(deadline));
        }
        MPSolver.ResultStatus raw = backend.solve(solver, parameters, limits.timeLimit().isPresent());
        if (raw == MPSolver.ResultStatus.INFEASIBLE) {
            return Outcome.none(Status.INFEASIBLE, "no exit set reaches minAccuracy " + problem.minAccuracy());
        }
        double least = solver.objective().bestBound() * norm;
        if (raw != MPSolver.ResultStatus.OPTIMAL || !Double.isFinite(least)) {
            return Outcome.none(Status.INFEASIBLE, "frame rate " + problem.frameRatePerSecond().getAsDouble()
                    + " frames/s cannot be sustained (" + backend.name() + " proved it; the least period is unknown)");
        }
        return Outcome.<ExitPlan>none(Status.INFEASIBLE, String.format(Locale.ROOT, "frame rate %.6g frames/s cannot"
                + " be sustained: the least period is %.6g s (at most %.6g frames/s)",
                problem.frameRatePerSecond().getAsDouble(), least, 1 / least)).bound(least);
    }

    /** {@code ortools-milp:scip}, the default MILP backend. */
    public static final class Scip extends MilpThroughputSolver {
        public Scip() {
            super(MilpBackend.SCIP);
        }
    }

    /** {@code ortools-milp:cbc}. */
    public static final class Cbc extends MilpThroughputSolver {
        public Cbc() {
            super(MilpBackend.CBC);
        }
    }

    /** {@code ortools-milp:highs}. */
    public static final class Highs extends MilpThroughputSolver {
        public Highs() {
            super(MilpBackend.HIGHS);
        }
    }

}
