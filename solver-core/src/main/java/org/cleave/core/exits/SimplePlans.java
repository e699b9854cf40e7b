package org.cleave.core.exits;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Problem;

/**
 * The simple plans of the early-exit families (P2, P3): every layer on the device, or every layer
 * but the input on the edge, each with a given exit set. The cheapest acceptable one is a known
 * upper bound on a minimisation's optimum, a hint for a search, and its incumbent when the search
 * finds nothing in time. Backend-independent: only the family evaluator prices the plans.
 */
public final class SimplePlans {
    private SimplePlans() {
    }

    /** The exit sets {none}: the simple plans without exits. */
    public static List<List<String>> withoutExits() {
        return List.of(List.of());
    }

    /** The exit sets {none, every exit of {@code g}}. */
    public static List<List<String>> withoutAndWithEveryExit(DnnGraph g) {
        return List.of(List.of(), g.exits().stream().map(Exit::id).toList());
    }

    /**
     * The simple plan of least {@code price}, over each exit set of {@code exitSets} (in order)
     * with device-only, then edge-only placement; the first of equal prices wins. {@code price}
     * returns NaN for a plan that is not acceptable. Null if none is acceptable.
     *
     * @param layers number of layers of the graph
     */
    public static ExitPlan cheapest(int layers, List<List<String>> exitSets, ToDoubleFunction<ExitPlan> price) {
        ExitPlan best = null;
        double bestPrice = Double.POSITIVE_INFINITY;
        for (List<String> exits : exitSets) {
            for (Placement x : List.of(Placement.allDevice(layers), Placement.allButInputOnEdge(layers))) {
                ExitPlan plan = new ExitPlan(exits, x);
                double p = price.applyAsDouble(plan);
                if (p < bestPrice) {
                    best = plan;
                    bestPrice = p;
                }
            }
        }
        return best;
    }

    /**
     * The feasible simple plan of least objective by {@code problem}'s evaluator (a minimisation),
     * over {@code exitSets}; null if none is feasible.
     */
    public static ExitPlan cheapestFeasible(DnnGraph g, Problem<ExitPlan> problem, List<List<String>> exitSets) {
        return cheapest(g.size(), exitSets, plan -> {
            Evaluation e = problem.evaluate(plan);
            return e.feasible() ? e.objective() : Double.NaN;
        });
    }
}
