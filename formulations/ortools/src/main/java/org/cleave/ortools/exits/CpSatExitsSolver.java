package org.cleave.ortools.exits;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cleave.ortools.OrToolsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.SimplePlans;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.ortools.CpSatSupport;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.UnitTimes;

/**
 * Exact P2 ({@link ExitsProblem}, both variants) with OR-Tools CP-SAT, id {@code ortools-cpsat}.
 * Exit choice enters as Booleans z_k on the stop chain of {@link StopChain} (variant (b) uses its
 * TRUNCATE form, R_k = 1, with at most one z_k), the placement as Booleans x_v (x_input = 0,
 * x_u ⇒ x_v) and the sent tensors as σ_u ⇔ ¬x_u ∧ ∨_{u→v} x_v.
 *
 * <p><b>Linearisation.</b> Every reach-weighted term of {@link ExitsProblem} is a reach (or share)
 * times a placement indicator. With L_{s,i} = "the last active stop before segment s is node i"
 * and y_ik = L_{k,i} ∧ z_k (the stop path's arcs), a reach is 1 − R_i exactly when L_{s,i}
 * holds, so each term is a sum of Boolean products with real weights, exactly
 * ({@link CpSatStopChain}); every product p ⇔ a ∧ b is defined by three clauses:
 * <pre>
 *   T = Σ_v t_d(v)·Σ_i (1 − R_i)·(L_{s(v),i} ∧ ¬x_v) + Σ_u t_up(u)·Σ_i (1 − R_i)·(L_{s(u+1),i} ∧ σ_u)
 *     + Σ_{v&gt;0} t_e(v)·Σ_i (1 − R_i)·(L_{s(v),i} ∧ x_v)
 *     + Σ_k Σ_i (1 − R_i)·(t_d(br_k)·(y_ik ∧ ¬x_{ℓ_k}) + t_e(br_k)·(y_ik ∧ x_{ℓ_k}))
 *     + Σ_{stops k} (8·b_out/R_down + ℓ)·Σ_i (R_k − R_i)·(y_ik ∧ x_{ℓ_k})
 *   E = the same products with P_c·t_d, P_tx·t_up, P_idle·t_e, P_idle·8·b_out/R_down
 *   accuracy = Σ_{i&lt;j} (R_j − R_i)·a_j·y_ij
 * </pre>
 * The real coefficients are rounded once each to integers ({@link CpSatRow}, scale
 * 10^{@value CpSatRow#DIGITS} / (sum of the row's coefficients), so integer row sums stay below
 * 2^31, where CP-SAT's presolve was found sound). At most one product per group (one group per layer, tensor, branch and stop) is true in
 * a plan, so a row with g groups is within g/2 integer units of its scaled real value for every
 * plan.
 *
 * <p>Single products above the latency bound L (any variant), or in (a) above the cost of the
 * cheaper of device-only and edge-only without exits when the evaluator accepts it, are
 * forbidden ({@link CpSatRow#forbidAbove}): no optimal plan has them. That plan is hinted as
 * CP-SAT's first solution, and returned as FEASIBLE (with CP-SAT's bound) when the time limit
 * comes before CP-SAT finds any plan.
 *
 * <p>(a) minimises the rounded w_T·T + w_E·E subject to the accuracy floor and, if given, T ≤ L,
 * both rounded <em>outwards</em> by their rounding error (a relaxation keeping every plan the
 * evaluator accepts; plans the evaluator rejects are cut by no-good clauses and the model solved
 * again, {@link CpSatExitSearch}). With q the proven integer optimum of an accepted plan, every
 * true optimum has integer cost ≤ q + g (+ a margin), so the objective is replaced by that band
 * and every plan in it enumerated and priced by the evaluator: the cheapest is the exact
 * floating-point optimum (OPTIMAL, its cost as the bound). (b) is lexicographic, in two solves on
 * one model: first maximise the <em>rank</em> of the chosen stop's accuracy among the distinct
 * accuracies (an exact integer objective) subject to T ≤ L; then allow only stops of exactly
 * that accuracy, minimise the rounded T and re-check its band the same way, which gives the least
 * latency among the most accurate plans (the bound is the proven accuracy). A band of more than
 * {@value CpSatExitSearch#MAX_BAND_PLANS} plans, or a time limit, gives FEASIBLE with the
 * conservative bound (B − g/2 − margin)/scale from CP-SAT's integer bound B. P2 is NP-hard with a
 * latency bound (Li et al., Edgent, doi:10.1109/TWC.2019.2946140; DAPDEE,
 * doi:10.11999/JEIT250291). CP-SAT: Perron and Didier, "CP-SAT", OR-Tools (Google), 2024,
 * https://developers.google.com/optimization/cp/cp_solver.
 */
public final class CpSatExitsSolver extends OrToolsSolver<ExitsProblem, ExitPlan> {
    public CpSatExitsSolver() {
        super("ortools-cpsat", Family.EXITS, SolverKind.EXACT, ExitsProblem.class, CpSatSupport.HONOURS,
                "CP-SAT (exit and placement Booleans on a stop chain, exact reach x placement products;"
                        + " right-sizing lexicographic), integer-scaled, exact rounding-band re-check");
    }

    /** One reach-weighted term: its products, seconds and device joules per unit of weight. */
    private record Term(CpSatStopChain.Group group, double seconds, double joules) {
    }

    /** The model of one problem. */
    private static final class Built {
        final CpModel model = new CpModel();
        final StopChain chain;
        final CpSatStopChain m;
        final List<Term> terms = new ArrayList<>();
        final CpSatRow latency;
        final IntegerScaling latencyScaling;
        final LinearExpr latencyExpr;

        Built(ExitsProblem problem) {
            DnnGraph g = problem.graph();
            chain = StopChain.of(g, problem.finalAccuracy(), problem.mode());
            m = new CpSatStopChain(model, g, chain);
            UnitTimes t = UnitTimes.of(g, problem.device(), problem.edge(), problem.link(), problem.deviceLoad());
            CpSatStopChain chainModel = m;
            t.forEachExitsTerm(problem.device(), problem.link().latencySeconds(), (kind, i, seconds, joules) ->
                    terms.add(new Term(switch (kind) {
                        case LAYER_ON_DEVICE -> chainModel.onDevice(i);
                        case LAYER_ON_EDGE -> chainModel.onEdge(i);
                        case SENT -> chainModel.sent(i);
                        case BRANCH_ON_DEVICE -> chainModel.branchOnDevice(i);
                        case BRANCH_ON_EDGE -> chainModel.branchOnEdge(i);
                        case STOP_ON_EDGE -> chainModel.stopOnEdge(i);
                    }, seconds, joules)));
            CpSatRow all = new CpSatRow();
            for (Term term : terms) {
                all.add(term.group(), term.seconds());
            }
            latency = all.forbidAbove(model, problem.maxLatencySeconds().orElse(Double.POSITIVE_INFINITY));
            latencyScaling = CpSatRow.scaling(CpSatRow.DIGITS, latency);
            latencyExpr = latency.expr(latencyScaling);
            problem.maxLatencySeconds().ifPresent(l -> model.addLessOrEqual(latencyExpr,
                    (long) Math.floor(latencyScaling.scale() * l + latency.errorUnits() + CpSatRow.MARGIN_UNITS)));
        }
    }

    @Override
    protected Outcome<ExitPlan> runNative(ExitsProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        Built b = new Built(problem);
        Map<String, Object> applied = new LinkedHashMap<>();
        CpSatExitSearch search = new CpSatExitSearch(b.model, b.m, limits, deadline, applied);
        Outcome<ExitPlan> outcome = problem.variant() instanceof ExitsProblem.MinCost a ? minCost(problem, a, b, search)
                : rightSize(problem, b, search);
        applied.forEach(outcome::param);
        return outcome.param("latencyScaling", b.latencyScaling.describe()).stat("cuts", search.cuts())
                .stat("presolveDisagreements", search.presolveDisagreements())
                .stat("solves", search.solves()).stat("branches", search.branches())
                .stat("conflicts", search.conflicts());
    }

    private static CpSatExitSearch.Verdict check(ExitsProblem problem, ExitPlan plan) {
        ExitsCost c = problem.evaluate(plan);
        if (c.feasible()) {
            return CpSatExitSearch.Verdict.ACCEPT;
        }
        return problem.variant() instanceof ExitsProblem.MinCost a && c.accuracy() < a.minAccuracy()
                ? CpSatExitSearch.Verdict.CUT_EXIT_SET : CpSatExitSearch.Verdict.CUT_PLAN;
    }

    private Outcome<ExitPlan> minCost(ExitsProblem problem, ExitsProblem.MinCost a, Built b, CpSatExitSearch search) {
        IntegerScaling accuracyScaling = b.m.accuracyAtLeast(a.minAccuracy());
        CpSatRow cost = new CpSatRow();
        for (Term term : b.terms) {
            cost.add(term.group(), a.weights().combine(term.seconds(), term.joules()));
        }
        ExitPlan simple = SimplePlans.cheapestFeasible(problem.graph(), problem, SimplePlans.withoutExits());
        if (simple != null) {
            cost = cost.forbidAbove(b.model, problem.evaluate(simple).objective());
            b.m.hint(simple);
        }
        IntegerScaling scaling = CpSatRow.scaling(CpSatRow.DIGITS, cost);
        LinearExpr objective = cost.expr(scaling);
        long slack = (long) Math.ceil(cost.errorUnits()) + CpSatRow.MARGIN_UNITS;
        b.model.minimize(objective);
        CpSatExitSearch.Found found = search.solve(plan -> check(problem, plan));
        Outcome<ExitPlan> outcome = search.minimised(found, new CpSatExitSearch.Minimisation(scaling, slack, plan -> {
            ExitsCost c = problem.evaluate(plan);
            return c.feasible() ? c.objective() : Double.NaN;
        }, limit -> {
            b.model.clearObjective();
            b.model.addLessOrEqual(objective, limit);
        }), simple, f -> none(problem, f));
        return outcome.param("scaling", scaling.describe()).param("accuracyScaling", accuracyScaling.describe())
                .param("roundingError", scaling.toCost((long) Math.ceil(cost.errorUnits())));
    }

    private Outcome<ExitPlan> rightSize(ExitsProblem problem, Built b, CpSatExitSearch search) {
        StopChain chain = b.chain;
        BoolVar[] z = new BoolVar[chain.exits()];
        TreeSet<Double> levels = new TreeSet<>();
        levels.add(problem.finalAccuracy());
        for (int k = 1; k <= chain.exits(); k++) {
            z[k - 1] = b.m.z(k);
            levels.add(chain.exit(k).accuracy());
        }
        if (z.length > 0) {
            b.model.addAtMostOne(z);
        }
        List<Double> ranks = new ArrayList<>(levels);
        int finalRank = ranks.indexOf(problem.finalAccuracy());
        LinearExprBuilder rank = LinearExpr.newBuilder().add(finalRank);
        for (int k = 1; k <= chain.exits(); k++) {
            rank.addTerm(z[k - 1], ranks.indexOf(chain.exit(k).accuracy()) - finalRank);
        }
        b.model.maximize(rank);
        CpSatExitSearch.Found first = search.solve(plan -> check(problem, plan));
        if (first.plan() == null) {
            return none(problem, first);
        }
        if (first.status() != Status.OPTIMAL) {
            return Outcome.<ExitPlan>feasible(first.plan()).message("time limit reached before CP-SAT proved the"
                    + " most accurate exit");
        }
        double best = problem.evaluate(first.plan()).accuracy();
        List<Literal> allowed = new ArrayList<>();
        for (int k = 1; k <= chain.exits(); k++) {
            if (chain.exit(k).accuracy() != best) {
                b.model.addEquality(z[k - 1], 0);
            } else {
                allowed.add(z[k - 1]);
            }
        }
        if (problem.finalAccuracy() != best) {
            b.model.addExactlyOne(allowed);
        }
        long slack = (long) Math.ceil(b.latency.errorUnits()) + CpSatRow.MARGIN_UNITS;
        b.model.clearObjective();
        b.model.minimize(b.latencyExpr);
        CpSatExitSearch.Found second = search.solve(plan -> check(problem, plan));
        if (second.plan() == null || problem.evaluate(second.plan()).accuracy() != best) {
            return Outcome.<ExitPlan>feasible(first.plan()).bound(best).message("time limit reached before CP-SAT"
                    + " found the least latency among the most accurate plans");
        }
        if (second.status() != Status.OPTIMAL) {
            return Outcome.<ExitPlan>feasible(second.plan()).bound(best).message("time limit reached before CP-SAT"
                    + " proved the least latency among the most accurate plans");
        }
        long q = second.objective();
        b.model.clearObjective();
        b.model.addLessOrEqual(b.latencyExpr, q + 2 * slack);
        CpSatExitSearch.Band band = search.band(plan -> {
            ExitsCost c = problem.evaluate(plan);
            return c.feasible() && c.accuracy() == best ? c.latencySeconds() : Double.NaN;
        });
        Outcome<ExitPlan> out;
        if (band.complete() && band.best() != null) {
            out = Outcome.optimal(band.best());
        } else {
            out = Outcome.<ExitPlan>feasible(band.best() != null ? band.best() : second.plan())
                    .message("the latency rounding-band re-check stopped after " + band.plans() + " plans; the"
                            + " latency is within roundingError of the least");
        }
        return out.bound(best).stat("bandPlans", band.plans()).stat("integerLatency", q)
                .param("roundingError", b.latencyScaling.toCost((long) Math.ceil(b.latency.errorUnits())));
    }

    private static Outcome<ExitPlan> none(ExitsProblem problem, CpSatExitSearch.Found s) {
        if (s.status() == Status.INFEASIBLE) {
            String what = problem.variant() instanceof ExitsProblem.MinCost a
                    ? "no plan meets minAccuracy " + a.minAccuracy()
                            + problem.maxLatencySeconds().stream().mapToObj(l -> " and maxLatencySeconds " + l)
                                    .findFirst().orElse("")
                    : "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble();
            return Outcome.none(Status.INFEASIBLE, what + " (CP-SAT proved it)");
        }
        return Outcome.none(s.status(), "CP-SAT returned " + s.raw()
                + (s.status() == Status.NO_SOLUTION_IN_LIMIT ? " (time limit reached before any plan)" : ""));
    }
}
