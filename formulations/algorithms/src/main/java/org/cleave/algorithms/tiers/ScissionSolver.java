package org.cleave.algorithms.tiers;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.TiersProblem;

/**
 * Heuristic after Scission (L. Lockhart, P. Harvey, P. Imai, P. Willis, B. Varghese, "Scission:
 * Performance-driven and Context-aware Cloud-Edge Distribution of Deep Neural Networks", 2020,
 * arXiv:2008.03523): every pair of split points 1 ≤ i ≤ j ≤ n in the topological order,
 * layers [0, i) on the device, [i, j) on the edge, [j, n) in the cloud (every such plan is monotone).
 * Exact on chains; on DAGs it misses the plans whose tiers are not contiguous in the chosen order.
 * O(|V|² · (|V| + |A|)); honours the time limit (FEASIBLE with the best pair so far).
 */
public final class ScissionSolver extends AbstractSolver<TiersProblem, TierPlacement> {
    public ScissionSolver() {
        super("scission", Family.TIERS, SolverKind.HEURISTIC, TiersProblem.class, Set.of(Capability.TIME_LIMIT),
                "Scission-style: every pair of split points in topological order");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        TiersCoefficients c = TiersCoefficients.of(problem);
        int n = g.size();
        int[] tiers = new int[n];
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        long tried = 0;
        boolean stopped = false;
        for (int i = 1; i <= n && !stopped; i++) {
            for (int j = i; j <= n; j++) {
                for (int v = 0; v < n; v++) {
                    tiers[v] = v < i ? 0 : v < j ? 1 : 2;
                }
                double cost = c.cost(g, tiers);
                tried++;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = tiers.clone();
                }
            }
            stopped = deadline.expired();
        }
        Outcome<TierPlacement> outcome = Outcome.feasible(new TierPlacement(best));
        if (stopped) {
            outcome.message("time limit reached after " + tried + " split pairs");
        }
        return outcome.stat("splitPairs", tried);
    }
}
