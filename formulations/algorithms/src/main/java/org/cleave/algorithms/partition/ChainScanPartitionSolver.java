package org.cleave.algorithms.partition;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
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
 * Exact P1 on chains by scanning every split point (Kang et al., "Neurosurgeon", ASPLOS 2017,
 * doi:10.1145/3037697.3037698). On a chain {@code in = v0 → v1 → … → vn} the monotone placements
 * are exactly "v0..vk on the device, the rest on the edge" for k = 0..n, with cost
 * <pre>  Σ_{i ≤ k} deviceCost(i) + [k < n]·sendCost(k) + Σ_{i > k} edgeCost(i)</pre>
 * evaluated for all k with prefix and suffix sums in O(n). Rejects non-chains.
 */
public final class ChainScanPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    public ChainScanPartitionSolver() {
        super("chain-scan", Family.PARTITION, SolverKind.EXACT, PartitionProblem.class, Set.of(),
                "linear scan of every split point; chains only");
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        if (!g.isChain()) {
            throw new InvalidModelException("model", "chain-scan needs a chain (every layer with one consumer);"
                    + " this graph has " + g.size() + " layers and " + g.arcCount() + " arcs. Maybe use mincut");
        }
        PartitionCoefficients c = PartitionCoefficients.of(problem);
        int n = g.size();
        double edgeSuffix = 0;
        for (int v = 1; v < n; v++) {
            edgeSuffix += c.edgeCost(v);
        }
        double devicePrefix = 0;
        double best = Double.POSITIVE_INFINITY;
        int bestK = 0;
        for (int k = 0; k < n; k++) {
            devicePrefix += c.deviceCost(k);
            if (k > 0) {
                edgeSuffix -= c.edgeCost(k);
            }
            double cost = devicePrefix + (k < n - 1 ? c.sendCost(k) + edgeSuffix : 0);
            if (cost < best) {
                best = cost;
                bestK = k;
            }
        }
        return Outcome.optimal(Placement.prefixOnDevice(n, bestK + 1)).stat("splitPoints", n)
                .stat("deviceLayers", bestK + 1);
    }
}
