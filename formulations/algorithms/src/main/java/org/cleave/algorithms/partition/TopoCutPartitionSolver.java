package org.cleave.algorithms.partition;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCoefficients;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Baseline: Neurosurgeon's single split (Kang et al., ASPLOS 2017, doi:10.1145/3037697.3037698)
 * applied to a DAG through its topological order: the best of the n placements "the first k
 * layers in topological order on the device, the rest on the edge" (every prefix of a topological
 * order is an order ideal, so each is monotone). Optimal on chains; on DAGs it misses placements
 * that are not prefixes, which is the gap DADS closes. O(n·(|V| + |A|)).
 */
public final class TopoCutPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    public TopoCutPartitionSolver() {
        super("topo-cut", Family.PARTITION, SolverKind.BASELINE, PartitionProblem.class, Set.of(),
                "baseline: Neurosurgeon's best single split of the topological order");
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        PartitionCoefficients c = PartitionCoefficients.of(problem);
        int n = g.size();
        boolean[] onEdge = new boolean[n];
        double best = Double.POSITIVE_INFINITY;
        int bestK = n;
        for (int k = n; k >= 1; k--) {
            // first k layers on the device
            if (k < n) {
                onEdge[k] = true;
            }
            double cost = EnumerationPartitionSolver.cost(g, c, onEdge);
            if (cost < best) {
                best = cost;
                bestK = k;
            }
        }
        return Outcome.feasible(Placement.prefixOnDevice(n, bestK)).stat("deviceLayers", bestK);
    }
}
