package org.cleave.ortools.exits;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.ortools.MilpBackend;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.UnitTimes;

/**
 * Exact P2 ({@link ExitsProblem}, both variants) as a MILP through OR-Tools' MPSolver on a
 * {@link MilpBackend}. Exit choice enters as binaries z_k on the stop chain of {@link StopChain}
 * (variant (b) uses its TRUNCATE form, R_k = 1, with Σ z_k ≤ 1), the placement as binaries x_v
 * (x_input = 0, x_u ≤ x_v). Every reach-weighted term of {@link ExitsProblem} is a product of a
 * reach that is linear in the chain arcs y and a placement indicator, linearised exactly by its
 * lower envelope (see {@link StopChain}):
 * <pre>
 *   T = Σ_v t_d(v)·dv_v + Σ_u t_up(u)·q_u + Σ_{v&gt;0} t_e(v)·ev_v + Σ_k (t_d(br_k)·db_k + t_e(br_k)·eb_k)
 *       + Σ_{stops k} (8·b_out/R_down + ℓ)·so_k
 *   E = P_c·(Σ t_d dv + Σ t_d(br) db) + P_tx·Σ t_up q + P_idle·(Σ t_e ev + Σ t_e(br) eb + Σ 8·b_out/R_down·so)
 *   dv_v ≥ ρ_{s(v)} − x_v,  ev_v ≥ ρ_{s(v)} + x_v − 1,  q_u ≥ ρ_{s(u+1)} + x_v − x_u − 1 (u → v),
 *   db_k ≥ β_k − x_{ℓ_k},  eb_k ≥ β_k + x_{ℓ_k} − 1,  so_k ≥ share_k + x_{ℓ_k} − 1,  all ≥ 0
 * </pre>
 * (a) minimises w_T·T + w_E·E subject to Σ (R_j − R_i)·a_j·y_ij ≥ A_min and, if given, T ≤ L:
 * every envelope variable has a nonnegative coefficient in the minimised objective and in the
 * ≤ row, so at an optimum each equals its product and the model's cost is the evaluator's.
 * (b) is lexicographic, in two solves on one model: first maximise the <em>rank</em> of the chosen
 * stop's accuracy (its position among the distinct accuracies, an exact integer surrogate: no
 * accuracy is rounded) subject to T ≤ L; then allow only the stops of exactly that accuracy and
 * minimise T, which gives the least latency among the most accurate plans. P2 is NP-hard with a
 * latency bound (Li et al., Edgent, doi:10.1109/TWC.2019.2946140; DAPDEE,
 * doi:10.11999/JEIT250291).
 *
 * <p>Numerics: the objective is divided by the cheaper of device-only and edge-only without exits
 * (or 1) and the
 * latency row by L; the relative MIP gap is 0 and the primal tolerance 1e-9. The plan (x, z read at 0.5) is re-evaluated by the
 * evaluator; a plan the evaluator finds infeasible (an exit set a hair below the accuracy floor,
 * a latency a hair above L, admitted by the backend's tolerances) is cut off by a no-good cut and
 * the model re-solved. CBC and HiGHS, whose integrality tolerances MPSolver does not set (a plan
 * with x_v = 10^-6 "integral" can look cheaper than it is by about that much), are followed in (a)
 * by an improvement check: the plan found is excluded and a strictly lower cost required; a cheaper
 * plan the evaluator confirms replaces it, until none is found. The bound of (a) is the backend's best bound, capped at the plan's cost;
 * (b) reports the proven accuracy.
 *
 * <p>One class per backend: {@link Scip}, {@link Cbc}, {@link Highs}.
 */
public abstract class MilpExitsSolver extends OrToolsSolver<ExitsProblem, ExitPlan> {
    /** Most no-good cuts added against tolerance artefacts before giving up. */
    static final int MAX_CUTS = 50;

    /** Primal feasibility tolerance asked of the backend (the envelopes must be tight to ~1e-9). */
    static final double PRIMAL_TOLERANCE = 1e-9;

    private final MilpBackend backend;

    protected MilpExitsSolver(MilpBackend backend) {
        super(backend.solverId(), Family.EXITS, SolverKind.EXACT, ExitsProblem.class, backend.honours(),
                "MILP (exit binaries on a stop chain, exact reach x placement envelopes; right-sizing"
                        + " lexicographic) through OR-Tools MPSolver on " + backend.name());
        this.backend = backend;
    }

    /** The backend. */
    public MilpBackend backend() {
        return backend;
    }

    /** One model: the chain, the latency and energy terms, the backend. */
    private final class Model {
        final ExitsProblem problem;
        final MPSolver solver;
        final MilpStopChain m;
        final StopChain chain;
        final List<MPVariable> vars = new ArrayList<>();
        final List<double[]> coefficients = new ArrayList<>(); // {latency, energy} per unit of the variable
        final MPSolverParameters parameters = new MPSolverParameters();
        final SolveLimits limits;
        final Deadline deadline;
        int cuts;

        Model(ExitsProblem problem, MPSolver solver, SolveLimits limits, Deadline deadline) {
            this.problem = problem;
            this.solver = solver;
            this.limits = limits;
            this.deadline = deadline;
            DnnGraph g = problem.graph();
            chain = StopChain.of(g, problem.finalAccuracy(), problem.mode());
            m = new MilpStopChain(solver, g, chain);
            UnitTimes t = UnitTimes.of(g, problem.device(), problem.edge(), problem.link(), problem.deviceLoad());
            MilpStopChain chainModel = m;
            StopChain stops = chain;
            t.forEachExitsTerm(problem.device(), problem.link().latencySeconds(), (kind, i, seconds, joules) ->
                    term(switch (kind) {
                        case LAYER_ON_DEVICE -> chainModel.onDevice(chainModel.reach(i), i);
                        case LAYER_ON_EDGE -> chainModel.onEdge(chainModel.reach(i), i);
                        case SENT -> chainModel.sent(i);
                        case BRANCH_ON_DEVICE -> chainModel.onDevice(chainModel.branchReach(i), stops.layer(i));
                        case BRANCH_ON_EDGE -> chainModel.onEdge(chainModel.branchReach(i), stops.layer(i));
                        case STOP_ON_EDGE -> chainModel.onEdge(chainModel.share(i), stops.layer(i));
                    }, seconds, joules));
            problem.maxLatencySeconds().ifPresent(l -> {
                MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1, "latency");
                for (int i = 0; i < vars.size(); i++) {
                    row.setCoefficient(vars.get(i), coefficients.get(i)[0] / l);
                }
            });
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.PRIMAL_TOLERANCE, PRIMAL_TOLERANCE);
        }

        void term(MPVariable w, double seconds, double joules) {
            vars.add(w);
            coefficients.add(new double[] {seconds, joules});
        }

        /** Sets the objective Σ (w_T·seconds + w_E·joules)/norm over the terms. */
        void minimise(CostWeights w, double norm) {
            MPObjective o = solver.objective();
            o.clear();
            for (int i = 0; i < vars.size(); i++) {
                o.setCoefficient(vars.get(i), w.combine(coefficients.get(i)[0], coefficients.get(i)[1]) / norm);
            }
            o.setMinimization();
        }

        /** Solves until the evaluator accepts the plan (no-good cuts); empty plan when none. */
        Solved solve() {
            while (true) {
                if (limits.timeLimit().isPresent()) {
                    solver.setTimeLimit(MilpBackend.backendMillis(deadline));
                }
                MPSolver.ResultStatus raw = backend.solve(solver, parameters, limits.timeLimit().isPresent());
                Status status = MilpBackend.status(raw, deadline);
                if (!status.hasPlan()) {
                    return new Solved(status, null, null, raw, solver.objective().bestBound());
                }
                boolean[] active = m.activeNodes();
                ExitPlan plan = new ExitPlan(m.exitIds(active), m.placement());
                ExitsCost cost = problem.evaluate(plan);
                if (cost.feasible() || cuts >= MAX_CUTS || deadline.expired()) {
                    if (!cost.feasible()) {
                        return new Solved(Status.NO_SOLUTION_IN_LIMIT, null, null, raw, Double.NaN);
                    }
                    return new Solved(status, plan, cost, raw, solver.objective().bestBound());
                }
                cuts++;
                boolean accuracyShort = problem.variant() instanceof ExitsProblem.MinCost a
                        && cost.accuracy() < a.minAccuracy();
                if (accuracyShort) {
                    m.excludeExitSet(active);
                } else {
                    m.excludePlan(active, plan.placement());
                }
            }
        }
    }

    /** One solve's answer. */
    private record Solved(Status status, ExitPlan plan, ExitsCost cost, MPSolver.ResultStatus raw, double bound) {
    }

    @Override
    protected Outcome<ExitPlan> runNative(ExitsProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        MPSolver solver = backend.create();
        try {
            Map<String, Object> applied = backend.apply(solver, limits, deadline);
            Model model = new Model(problem, solver, limits, deadline);
            Outcome<ExitPlan> outcome;
            try {
                outcome = problem.variant() instanceof ExitsProblem.MinCost a ? minCost(problem, a, model)
                        : rightSize(model);
            } finally {
                model.parameters.delete();
            }
            applied.forEach(outcome::param);
            return outcome.param("relativeMipGap", 0.0).stat("cuts", model.cuts)
                    .stat("variables", solver.numVariables()).stat("constraints", solver.numConstraints())
                    .stat("nodes", solver.nodes()).stat("iterations", solver.iterations());
        } finally {
            solver.delete();
        }
    }

    private Outcome<ExitPlan> minCost(ExitsProblem problem, ExitsProblem.MinCost a, Model model) {
        if (a.minAccuracy() > 0) {
            model.m.accuracyAtLeast(a.minAccuracy());
        }
        int n = problem.graph().size();
        double deviceOnly = problem.evaluate(ExitPlan.withoutExits(Placement.allDevice(n))).objective();
        double edgeOnly = problem.evaluate(ExitPlan.withoutExits(Placement.allButInputOnEdge(n))).objective();
        double norm = Math.min(deviceOnly > 0 ? deviceOnly : Double.POSITIVE_INFINITY,
                edgeOnly > 0 ? edgeOnly : Double.POSITIVE_INFINITY);
        norm = Double.isFinite(norm) ? norm : 1;
        model.minimise(a.weights(), norm);
        Solved s = model.solve();
        if (s.plan() == null) {
            return none(problem, s);
        }
        int improvements = 0;
        while (backend != MilpBackend.SCIP && s.status() == Status.OPTIMAL && improvements < MAX_CUTS) {
            // CBC's and HiGHS's integrality tolerances are not set through MPSolver: check that no plan is cheaper
            model.m.excludePlan(model.m.activeNodes(), s.plan().placement());
            MPConstraint better = model.solver.makeConstraint(Double.NEGATIVE_INFINITY,
                    s.cost().objective() / norm * (1 - 1e-12), "improve_" + improvements);
            for (int i = 0; i < model.vars.size(); i++) {
                better.setCoefficient(model.vars.get(i), model.solver.objective().getCoefficient(model.vars.get(i)));
            }
            Solved next = model.solve();
            if (next.plan() == null || next.cost().objective() >= s.cost().objective()) {
                break;
            }
            s = next;
            improvements++;
        }
        Outcome<ExitPlan> o = s.status() == Status.OPTIMAL ? Outcome.optimal(s.plan())
                : Outcome.<ExitPlan>feasible(s.plan()).message("time limit reached before " + backend.name()
                        + " proved optimality");
        return o.bound(Math.min(s.bound() * norm, s.cost().objective())).param("objectiveDivisor", norm)
                .stat("improvements", improvements);
    }

    private Outcome<ExitPlan> rightSize(Model model) {
        ExitsProblem problem = model.problem;
        StopChain chain = model.chain;
        MPSolver solver = model.solver;
        MPConstraint single = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1, "one_exit");
        TreeSet<Double> levels = new TreeSet<>();
        levels.add(problem.finalAccuracy());
        for (int k = 1; k <= chain.exits(); k++) {
            single.setCoefficient(model.m.z(k), 1);
            levels.add(chain.exit(k).accuracy());
        }
        List<Double> ranks = new ArrayList<>(levels);
        MPObjective o = solver.objective();
        o.clear();
        double finalRank = ranks.indexOf(problem.finalAccuracy());
        for (int k = 1; k <= chain.exits(); k++) {
            o.setCoefficient(model.m.z(k), ranks.indexOf(chain.exit(k).accuracy()) - finalRank);
        }
        o.setOffset(finalRank);
        o.setMaximization();
        Solved first = model.solve();
        if (first.plan() == null) {
            return none(problem, first);
        }
        if (first.status() != Status.OPTIMAL) {
            return Outcome.<ExitPlan>feasible(first.plan()).message("time limit reached before " + backend.name()
                    + " proved the most accurate exit");
        }
        double best = first.cost().accuracy();
        for (int k = 1; k <= chain.exits(); k++) {
            if (chain.exit(k).accuracy() != best) {
                model.m.z(k).setBounds(0, 0);
            }
        }
        if (problem.finalAccuracy() != best) {
            single.setLb(1);
        }
        double norm = problem.maxLatencySeconds().getAsDouble();
        model.minimise(CostWeights.LATENCY, norm);
        Solved second = model.solve();
        if (second.plan() == null || second.cost().accuracy() != best) {
            return Outcome.<ExitPlan>feasible(first.plan()).bound(best).message("time limit reached before "
                    + backend.name() + " found the least latency among the most accurate plans");
        }
        Outcome<ExitPlan> out = second.status() == Status.OPTIMAL ? Outcome.optimal(second.plan())
                : Outcome.<ExitPlan>feasible(second.plan()).message("time limit reached before " + backend.name()
                        + " proved the least latency among the most accurate plans");
        return out.bound(best).stat("latencyBoundSeconds", second.bound() * norm);
    }

    private Outcome<ExitPlan> none(ExitsProblem problem, Solved s) {
        if (s.status() == Status.INFEASIBLE) {
            String what = problem.variant() instanceof ExitsProblem.MinCost a
                    ? "no plan meets minAccuracy " + a.minAccuracy()
                            + problem.maxLatencySeconds().stream().mapToObj(l -> " and maxLatencySeconds " + l)
                                    .findFirst().orElse("")
                    : "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble();
            return Outcome.none(Status.INFEASIBLE, what + " (" + backend.name() + " proved it)");
        }
        Outcome<ExitPlan> o = Outcome.none(s.status(), backend.name() + " returned " + s.raw()
                + (s.status() == Status.NO_SOLUTION_IN_LIMIT ? " (time limit reached before any plan)" : ""));
        return o;
    }

    /** {@code ortools-milp:scip}, the default MILP backend. */
    public static final class Scip extends MilpExitsSolver {
        public Scip() {
            super(MilpBackend.SCIP);
        }
    }

    /** {@code ortools-milp:cbc}. */
    public static final class Cbc extends MilpExitsSolver {
        public Cbc() {
            super(MilpBackend.CBC);
        }
    }

    /** {@code ortools-milp:highs}. */
    public static final class Highs extends MilpExitsSolver {
        public Highs() {
            super(MilpBackend.HIGHS);
        }
    }
}
