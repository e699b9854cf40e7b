package org.cleave.choco.exits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.choco.ChainSearch;
import org.cleave.choco.ChocoStopChain;
import org.cleave.choco.ChocoStopChainModel;
import org.cleave.choco.ChocoSupport;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.SimplePlans;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.UnitTimes;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.TierPrices;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Exact P2 ({@link ExitsProblem}, both variants) as a Choco constraint model, id {@code choco}.
 * The model is the stop chain of {@link ChocoStopChain}: Boolean exit variables z_k, the
 * previous-active-stop variables π_s that fix every reach, the placement x_v (x_input = 0,
 * x_u ≤ x_v on every arc) and the sent-tensor Booleans σ_u. Every reach-weighted term
 * (reach × layer time on its tier, continueAfter × upload, branch reach × branch time, share ×
 * (download + one-way latency)) is tabulated with its exact value for each assignment of the π
 * and Booleans it depends on, and the total is the global constraint
 * {@code PropReachSum} (total = Σ_t value_t(drivers), bounds filtering) — a product such as
 * reach × [x_v = 1] is never linearised, its value is listed — so the model's total of a plan is
 * the evaluator's sum, term by term, up to one rounding per term. The unit weights are those of the
 * evaluator: device seconds w_T + w_E·P_c, edge seconds and downlink w_T + w_E·P_idle, uplink
 * w_T + w_E·P_tx, touched share w_T·ℓ.
 * <ul>
 *   <li>(a) MinCost: minimise the scaled {@code w_T·T + w_E·E}. The accuracy floor is a checker
 *   on z (the evaluator's {@code StopProfile} accuracy of the exit set, as soon as z is fixed);
 *   the latency bound is a scaled total T ≤ ⌊scale_T·L + k_T/2⌋ (never cuts off a feasible plan)
 *   plus a checker that asks the evaluator on every complete plan, so feasibility is exactly the
 *   evaluator's.</li>
 *   <li>(b) RightSizing: the chain in its truncated form (R_k = 1, so at most one exit is active
 *   and layers behind it are unreached). Lexicographic in two searches: first maximise the
 *   <em>rank</em> of the chosen stop's accuracy among the distinct accuracies (an exact integer
 *   surrogate, element of π_{m+1}) subject to the latency bound; then fix that rank and minimise
 *   the scaled latency, which gives the least latency among the most accurate plans.</li>
 * </ul>
 *
 * <p><b>Scaling and exactness.</b> Costs become integers only through {@link IntegerScaling}:
 * {@code scale = 10^d / U}, U an upper bound on the optimum (the cheapest feasible of device-only
 * and edge-only, with no exit and with every exit; else the worst case Σ max term), d ≤ 7 digits
 * so that totals stay within Choco's domain bound ±21,474,836; the latency total of (a) and (b) is scaled
 * by {@code 10^d / L}. With k rounded terms a plan's integer total is within k/2 units of
 * scale × its value; so once the integer optimum q is proven, every true optimum has integer total
 * ≤ q + k, and a second search enumerates the plans with total ≤ q + k + 1 and returns the one the
 * evaluator prices lowest (statistic {@code bandPlans}): the answer is optimal in floating point.
 * If that band has more than {@value ChainSearch#MAX_BAND_PLANS} plans or the time limit cuts it,
 * the best plan seen is FEASIBLE with the conservative bound (q − k/2)/scale. Under a time limit
 * before q is proven, the bound is Choco's objective bound converted the same way; for (b) the
 * bound is the accuracy of the best rank not yet excluded. If the search of (a) found no plan in
 * time, the cheapest feasible of device-only and edge-only (no exit or every exit) is returned as
 * FEASIBLE. The scale, the precision
 * ({@code optimalityError} = k/scale in cost units) and the number of terms are result parameters.
 *
 * <p><b>Limits.</b> Time limit: Choco stops at what is left of the solve's deadline in each
 * search. Seed: the dom/wdeg tie-breaking of the search (exits first, then placement). Threads:
 * Choco searches one model on one thread; with threads &gt; 1 the optimisations run that many
 * differently seeded copies in Choco's {@link org.chocosolver.solver.ParallelPortfolio} (the band
 * enumeration stays on one thread). Worst-case time is exponential (P2 is NP-hard with a latency
 * bound: Li et al., Edgent, doi:10.1109/TWC.2019.2946140; DAPDEE, doi:10.11999/JEIT250291).
 */
public final class ChocoExitsSolver extends AbstractSolver<ExitsProblem, ExitPlan> {
    public ChocoExitsSolver() {
        super("choco", Family.EXITS, SolverKind.EXACT, ExitsProblem.class, ChocoSupport.HONOURS,
                "Choco CP (exit Booleans on a stop chain, exact reach tables, evaluator feasibility checks;"
                        + " right-sizing lexicographic), integer-scaled costs, exact band re-check");
    }

    /** Weights per amount kind of w_T·T + w_E·E. */
    static double[] costWeights(ExitsProblem p, CostWeights w) {
        TierPrices price = TierPrices.of(w, p.device());
        return new double[] {price.deviceSecond(), price.idleSecond(), price.uploadSecond(), price.idleSecond(),
            price.latencySecond() * p.link().latencySeconds()};
    }

    @Override
    protected Outcome<ExitPlan> run(ExitsProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        DnnGraph g = problem.graph();
        ChocoStopChain chain = ChocoStopChain.of(g, StopChain.of(g, problem.finalAccuracy(), problem.mode()),
                UnitTimes.of(g, problem.device(), problem.edge(), problem.link(), problem.deviceLoad()));
        return problem.variant() instanceof ExitsProblem.MinCost a ? minCost(problem, a, chain, limits, deadline)
                : rightSize(problem, chain, limits, deadline);
    }

    private static ChocoStopChain.Measure latencyMeasure(ExitsProblem p, ChocoStopChain chain, double bound) {
        double[] weights = costWeights(p, CostWeights.LATENCY);
        int digits = chain.digits(chain.terms(weights));
        return chain.measure("latency", weights, IntegerScaling.forMaximum(bound, digits), bound);
    }

    private Outcome<ExitPlan> minCost(ExitsProblem problem, ExitsProblem.MinCost a, ChocoStopChain chain,
                                      SolveLimits limits, Deadline deadline) {
        double[] weights = costWeights(problem, a.weights());
        ExitPlan simple = SimplePlans.cheapestFeasible(problem.graph(), problem,
                SimplePlans.withoutAndWithEveryExit(problem.graph()));
        double upper = simple == null ? chain.worstCase(weights) : problem.evaluate(simple).objective();
        int terms = chain.terms(weights);
        IntegerScaling scaling = IntegerScaling.forMaximum(upper, chain.digits(terms));
        List<ChocoStopChain.Measure> measures = new ArrayList<>();
        measures.add(chain.measure("cost", weights, scaling, upper));
        OptionalDouble bound = problem.maxLatencySeconds();
        if (bound.isPresent()) {
            measures.add(latencyMeasure(problem, chain, bound.getAsDouble()));
        }
        ChocoStopChain.Measure cost = measures.get(0);
        IntFunction<ChainSearch.Copy> copies = w -> {
            ChocoStopChainModel b = chain.build("cleave-p2a", measures);
            if (a.minAccuracy() > 0) {
                b.requireExitSet(ids -> problem.profile(ids).expectedAccuracy() >= a.minAccuracy());
            }
            if (a.minAccuracy() > 0 || bound.isPresent()) {
                b.requirePlan(plan -> problem.evaluate(plan).feasible());
            }
            return new ChainSearch.Copy(b, b.total(0));
        };
        Map<String, Object> applied = new LinkedHashMap<>();
        ChainSearch.Optimum o = ChainSearch.optimise(copies, false, limits, deadline, applied);
        Outcome<ExitPlan> out;
        if (!o.found() && (o.proven() || simple == null)) {
            out = o.proven() ? Outcome.none(Status.INFEASIBLE, infeasibleMessage(problem))
                    : Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached before Choco found a plan")
                            .bound(cost.lowerBound(o.bound()));
        } else if (!o.found()) {
            out = Outcome.feasible(simple).bound(cost.lowerBound(o.bound())).message("time limit reached before Choco"
                    + " found a plan; the cheapest of device-only and edge-only (no exit or every exit) is returned");
        } else if (!o.proven()) {
            out = Outcome.feasible(o.plan()).bound(Math.min(cost.lowerBound(o.bound()),
                    problem.evaluate(o.plan()).objective())).message("time limit reached before Choco proved optimality");
        } else {
            ChainSearch.Band band = ChainSearch.band(copies, o.value() + cost.terms() + 1, o.plan(),
                    plan -> problem.evaluate(plan).objective(), limits, deadline);
            out = band.complete() ? Outcome.optimal(band.plan())
                    : Outcome.<ExitPlan>feasible(band.plan()).bound(cost.lowerBound(o.value()))
                            .message("the rounding band re-check stopped after " + band.plans()
                                    + " plans; the plan is within optimalityError of the optimum");
            out.stat("bandPlans", band.plans());
        }
        applied.forEach(out::param);
        return out.param("scaling", scaling.describe()).param("terms", cost.terms())
                .param("optimalityError", 2 * scaling.absoluteError(cost.terms()))
                .stat("nodes", o.nodes()).stat("integerObjective", o.found() ? o.value() : Double.NaN);
    }

    private Outcome<ExitPlan> rightSize(ExitsProblem problem, ChocoStopChain chain, SolveLimits limits,
                                        Deadline deadline) {
        double bound = problem.maxLatencySeconds().getAsDouble();
        ChocoStopChain.Measure latency = latencyMeasure(problem, chain, bound);
        List<Exit> exits = problem.graph().exits();
        TreeSet<Double> distinct = new TreeSet<>();
        distinct.add(problem.finalAccuracy());
        exits.forEach(e -> distinct.add(e.accuracy()));
        List<Double> levels = new ArrayList<>(distinct);
        int[] rankOf = new int[exits.size() + 1];
        rankOf[0] = levels.indexOf(problem.finalAccuracy());
        for (int k = 1; k <= exits.size(); k++) {
            rankOf[k] = levels.indexOf(exits.get(k - 1).accuracy());
        }
        Map<String, Object> applied = new LinkedHashMap<>();
        ChainSearch.Optimum first = ChainSearch.optimise(w -> rankCopy(problem, chain, latency, rankOf, -1), true,
                limits, deadline, applied);
        Outcome<ExitPlan> out;
        if (!first.found()) {
            out = first.proven() ? Outcome.none(Status.INFEASIBLE, infeasibleMessage(problem))
                    : Outcome.<ExitPlan>none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached before Choco found a plan")
                            .bound(levels.get(levelIndex(first.bound(), levels)));
        } else if (!first.proven()) {
            out = Outcome.feasible(first.plan()).bound(levels.get(levelIndex(first.bound(), levels)))
                    .message("time limit reached before Choco proved the most accurate exit");
        } else {
            int rank = (int) first.value();
            double best = levels.get(rank);
            IntFunction<ChainSearch.Copy> copies = w -> rankCopy(problem, chain, latency, rankOf, rank);
            ChainSearch.Optimum second = ChainSearch.optimise(copies, false, limits, deadline, applied);
            if (!second.proven()) {
                ExitPlan plan = second.found() ? second.plan() : first.plan();
                out = Outcome.feasible(plan).bound(best).message("time limit reached before Choco proved the least"
                        + " latency among the most accurate plans");
            } else {
                ChainSearch.Band band = ChainSearch.band(copies, second.value() + latency.terms() + 1,
                        second.plan(), plan -> problem.evaluate(plan).latencySeconds(), limits, deadline);
                out = band.complete() ? Outcome.optimal(band.plan())
                        : Outcome.<ExitPlan>feasible(band.plan()).message("the rounding band re-check stopped after "
                                + band.plans() + " plans; the latency is within optimalityError of the least");
                out.bound(best).stat("bandPlans", band.plans()).stat("integerLatency", second.value());
            }
            out.stat("latencyNodes", second.nodes());
        }
        applied.forEach(out::param);
        return out.param("scaling", latency.scaling().describe()).param("terms", latency.terms())
                .param("optimalityError", 2 * latency.scaling().absoluteError(latency.terms()))
                .stat("nodes", first.nodes()).stat("accuracyRank", first.value());
    }

    /**
     * A right-sizing copy: latency bound (scaled total and evaluator check) and the accuracy rank
     * of the chosen stop; with {@code fixedRank} ≥ 0 the rank is fixed and the latency is the
     * objective, else the rank is.
     */
    private static ChainSearch.Copy rankCopy(ExitsProblem problem, ChocoStopChain chain,
                                             ChocoStopChain.Measure latency, int[] rankOf, int fixedRank) {
        ChocoStopChainModel b = chain.build("cleave-p2b", List.of(latency));
        b.requirePlan(plan -> problem.evaluate(plan).feasible());
        int maxRank = java.util.Arrays.stream(rankOf).max().orElse(0);
        IntVar rank = b.model().intVar("rank", 0, maxRank);
        b.model().element(rank, rankOf, b.deepestActive(), 0).post();
        if (fixedRank >= 0) {
            b.model().arithm(rank, "=", fixedRank).post();
            return new ChainSearch.Copy(b, b.total(0));
        }
        return new ChainSearch.Copy(b, rank);
    }

    private static int levelIndex(long rank, List<Double> levels) {
        return (int) Math.max(0, Math.min(levels.size() - 1, rank));
    }

    private static String infeasibleMessage(ExitsProblem problem) {
        String what = problem.variant() instanceof ExitsProblem.MinCost a
                ? "no plan meets minAccuracy " + a.minAccuracy()
                        + problem.maxLatencySeconds().stream().mapToObj(l -> " and maxLatencySeconds " + l)
                                .findFirst().orElse("")
                : "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble();
        return what + " (Choco proved it)";
    }
}
