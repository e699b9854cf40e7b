package org.cleave.core.partition;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;

/**
 * The P1 evaluator: the single source of truth for P1's cost semantics. Every P1 solver's result
 * is re-evaluated here. It evaluates the formulas of {@link PartitionProblem} term by term,
 * in O(|V| + |A|).
 */
public final class PartitionEvaluator {
    private PartitionEvaluator() {
    }

    /**
     * Evaluates {@code plan} on {@code problem}.
     *
     * @throws org.cleave.core.model.InvalidModelException if the plan has the wrong size, puts the
     *                                                     input on the edge or is not monotone
     */
    public static PartitionCost evaluate(PartitionProblem problem, Placement plan) {
        DnnGraph g = problem.graph();
        plan.requireMonotone(g);
        double deviceSeconds = 0;
        double edgeSeconds = 0;
        double uploadSeconds = 0;
        List<String> sent = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            if (plan.onEdge(v)) {
                edgeSeconds += problem.edge().seconds(g.layer(v));
            } else {
                deviceSeconds += problem.device().seconds(g.layer(v), problem.deviceLoad());
                for (int k = 0; k < g.outDegree(v); k++) {
                    if (plan.onEdge(g.successor(v, k))) {
                        uploadSeconds += problem.link().uploadSeconds(g.layer(v).outputBytes());
                        sent.add(g.layer(v).id());
                        break;
                    }
                }
            }
        }
        boolean outputOnEdge = plan.onEdge(g.outputIndex());
        double downloadSeconds = outputOnEdge ? problem.link().downloadSeconds(g.output().outputBytes()) : 0;
        double latency = plan.edgeCount() > 0 ? problem.link().latencySeconds() : 0;
        double total = deviceSeconds + uploadSeconds + edgeSeconds + downloadSeconds + latency;
        double computeJ = problem.device().computeWatts() * deviceSeconds;
        double transmitJ = problem.device().transmitWatts() * uploadSeconds;
        double idleJ = problem.device().idleWatts() * (edgeSeconds + downloadSeconds);
        double energy = computeJ + transmitJ + idleJ;
        return new PartitionCost(deviceSeconds, uploadSeconds, edgeSeconds, downloadSeconds, latency, total,
                computeJ, transmitJ, idleJ, energy, problem.weights().combine(total, energy), sent);
    }
}
