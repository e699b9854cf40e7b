package org.cleave.choco.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.ParallelPortfolio;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.SearchState;
import org.chocosolver.solver.search.loop.monitors.IMonitorSolution;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.choco.ChocoSupport;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.ScaledPartitionCosts;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Exact P1 as a Choco constraint model, id {@code choco}. Boolean x_v (1 = layer v on the
 * edge), s_u (u's output is sent) and an integer cost z, with the integer costs d_v, e_v, σ_u of
 * {@link ScaledPartitionCosts} ({@code scale = 10^7 / U}, U = min(device-only, edge-only), so z
 * fits Choco's int domains):
 * <pre>
 *   min z = Σ_v d_v·¬x_v + Σ_v e_v·x_v + Σ_u σ_u·s_u,   z ∈ [0, ⌊scale·U + k/2⌋]
 *   s.t. x_input = 0;   x_u ≤ x_v for every arc u → v                          (monotone)
 *        clauses x_u ∨ s_u ∨ ¬x_v per arc;  ¬s_u ∨ ¬x_u;  ¬s_u ∨ ∨_{u → v} x_v     (s_u = sent once)
 * </pre>
 * Search: seeded dom/wdeg on x, then s, smallest value first (see {@link ChocoSupport}).
 *
 * <p>Exact in floating point, not only on the integer model: with q the proven integer optimum
 * and k the number of rounded coefficients, every true optimum has integer cost ≤ q + k
 * ({@link ScaledPartitionCosts}); a second search enumerates the plans with z ≤ q + k and
 * returns the one the family evaluator prices lowest (statistic {@code bandPlans}). If that band
 * holds more than {@value #MAX_BAND_PLANS} plans or the time limit cuts it short, the best plan
 * seen is returned as FEASIBLE with the conservative bound (q − k/2)/scale. Under a time limit
 * before q is proven, the bound is Choco's objective lower bound converted the same way.
 * Worst-case time is exponential (the search may visit every order ideal of the DAG).
 */
public final class ChocoPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    /** Digits of U: 10^7 plus the rounding slack stays below Choco's bound of ±21,474,836. */
    static final int MAX_DIGITS = 7;

    /** Sums of coefficients stay below this (Choco's scalar propagators add ints). */
    static final long INTEGER_LIMIT = Integer.MAX_VALUE;

    /** Largest number of plans enumerated in the rounding band. */
    static final int MAX_BAND_PLANS = 100_000;

    public ChocoPartitionSolver() {
        super("choco", Family.PARTITION, SolverKind.EXACT, PartitionProblem.class, ChocoSupport.HONOURS,
                "Choco CP (boolean x_v, monotone arcs, send-once clauses), integer-scaled costs, exact band re-check");
    }

    /** One copy of the model. */
    private record Built(Model model, BoolVar[] x, IntVar cost) {
    }

    /** The best plan seen by any solution monitor (portfolio threads share it). */
    private static final class Best {
        boolean[] onEdge;
        int cost = Integer.MAX_VALUE;

        synchronized void offer(BoolVar[] x, int value) {
            if (value < cost) {
                cost = value;
                onEdge = new boolean[x.length];
                for (int v = 0; v < x.length; v++) {
                    onEdge[v] = x[v].getValue() == 1;
                }
            }
        }
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        org.cleave.core.solve.ModelSize.requireLayers(id(), problem.graph().size());
        ScaledPartitionCosts costs = ScaledPartitionCosts.of(problem, INTEGER_LIMIT, MAX_DIGITS);
        Map<String, Object> applied = new LinkedHashMap<>();
        Best best = new Best();
        List<Built> copies = new ArrayList<>();
        for (int w = 0; w < limits.threads(); w++) {
            Built b = build(problem.graph(), costs, costs.upperBound(), limits, deadline, w, applied);
            b.model().setObjective(Model.MINIMIZE, b.cost());
            b.model().getSolver().plugMonitor((IMonitorSolution) () -> best.offer(b.x(), b.cost().getValue()));
            copies.add(b);
        }
        if (copies.size() == 1) {
            Solver solver = copies.get(0).model().getSolver();
            while (solver.solve()) {
                // each solution is recorded by the monitor
            }
        } else {
            ParallelPortfolio portfolio = new ParallelPortfolio(false);
            copies.forEach(b -> portfolio.addModel(b.model()));
            while (portfolio.solve()) {
                // each solution is recorded by the monitors
            }
        }
        boolean proven = copies.stream().anyMatch(b -> b.model().getSolver().getSearchState() == SearchState.TERMINATED);
        long nodes = copies.stream().mapToLong(b -> b.model().getSolver().getNodeCount()).sum();
        int lowerBound = copies.stream().mapToInt(b -> b.model().getSolver().getObjectiveManager().getBestLB()
                .intValue()).max().orElse(0);
        Outcome<Placement> outcome;
        Status status = ChocoSupport.status(!proven, best.onEdge != null);
        if (best.onEdge == null) {
            outcome = Outcome.<Placement>none(status, status == Status.NO_SOLUTION_IN_LIMIT
                    ? "time limit reached before Choco found a plan" : "Choco found no plan")
                    .bound(costs.lowerBound(lowerBound));
        } else if (!proven) {
            outcome = Outcome.feasible(Placement.of(best.onEdge)).bound(costs.lowerBound(lowerBound))
                    .message("time limit reached before Choco proved optimality");
        } else {
            outcome = recheckBand(problem, costs, best, limits, deadline, applied);
        }
        applied.forEach(outcome::param);
        return outcome.param("scaling", costs.scaling().describe())
                .param("optimalityError", costs.optimalityError())
                .param("boundError", costs.scaling().absoluteError(costs.terms()))
                .stat("nodes", nodes).stat("integerObjective", best.cost);
    }

    /** Enumerates every plan with integer cost ≤ q + k and keeps the evaluator's cheapest. */
    private static Outcome<Placement> recheckBand(PartitionProblem problem, ScaledPartitionCosts costs, Best best,
                                                  SolveLimits limits, Deadline deadline, Map<String, Object> applied) {
        long limit = Math.min(costs.upperBound(), (long) best.cost + costs.terms());
        Built band = build(problem.graph(), costs, limit, limits, deadline, 0, new LinkedHashMap<>());
        Placement bestPlan = Placement.of(best.onEdge);
        double bestCost = problem.evaluate(bestPlan).objective();
        int plans = 0;
        Solver solver = band.model().getSolver();
        while (plans < MAX_BAND_PLANS && solver.solve()) {
            plans++;
            boolean[] onEdge = new boolean[band.x().length];
            for (int v = 0; v < onEdge.length; v++) {
                onEdge[v] = band.x()[v].getValue() == 1;
            }
            Placement plan = Placement.of(onEdge);
            double cost = problem.evaluate(plan).objective();
            if (cost < bestCost) {
                bestCost = cost;
                bestPlan = plan;
            }
        }
        boolean complete = solver.getSearchState() == SearchState.TERMINATED;
        Outcome<Placement> outcome = complete ? Outcome.optimal(bestPlan)
                : Outcome.<Placement>feasible(bestPlan).bound(costs.lowerBound(best.cost))
                        .message("the rounding band re-check stopped after " + plans
                                + " plans; the plan is within optimalityError of the optimum");
        return outcome.stat("bandPlans", plans);
    }

    private static Built build(DnnGraph g, ScaledPartitionCosts costs, long maxCost, SolveLimits limits,
                               Deadline deadline, int worker, Map<String, Object> applied) {
        int n = g.size();
        Model model = new Model("cleave-p1");
        BoolVar[] x = model.boolVarArray("x", n);
        model.arithm(x[0], "=", 0).post();
        List<IntVar> terms = new ArrayList<>();
        List<Integer> coefficients = new ArrayList<>();
        List<BoolVar> sends = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            add(terms, coefficients, x[v].not(), costs.device(v));
            add(terms, coefficients, x[v], costs.edge(v));
        }
        for (int u = 0; u < n; u++) {
            BoolVar[] consumerVars = ChocoSupport.monotoneArcs(model, x, g, u);
            if (consumerVars.length == 0 || costs.send(u) == 0) {
                continue;
            }
            BoolVar s = ChocoSupport.sends(model, x[u], consumerVars, "s_" + u);
            sends.add(s);
            add(terms, coefficients, s, costs.send(u));
        }
        IntVar cost = model.intVar("z", 0, (int) maxCost, true);
        model.scalar(terms.toArray(IntVar[]::new), coefficients.stream().mapToInt(Integer::intValue).toArray(), "=",
                cost).post();
        IntVar[] decisions = new IntVar[n + sends.size()];
        System.arraycopy(x, 0, decisions, 0, n);
        for (int i = 0; i < sends.size(); i++) {
            decisions[n + i] = sends.get(i);
        }
        ChocoSupport.configure(model, decisions, limits, deadline, worker, applied);
        return new Built(model, x, cost);
    }

    private static void add(List<IntVar> terms, List<Integer> coefficients, IntVar var, long coefficient) {
        if (coefficient != 0) {
            terms.add(var);
            coefficients.add(Math.toIntExact(coefficient));
        }
    }
}
