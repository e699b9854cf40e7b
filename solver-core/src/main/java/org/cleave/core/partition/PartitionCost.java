package org.cleave.core.partition;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The cost breakdown of one P1 plan (see {@link PartitionProblem} for the formulas).
 *
 * @param deviceComputeSeconds Σ over device layers of t_d
 * @param uploadSeconds        Σ over sent tensors of 8·bytes / R_up
 * @param edgeComputeSeconds   Σ over edge layers of t_e
 * @param downloadSeconds      8·outputBytes(out) / R_down if the output is on the edge, else 0
 * @param linkLatencySeconds   the one-way latency if any layer is on the edge, else 0
 * @param latencySeconds       T, the sum of the five terms above
 * @param computeJoules        computeWatts · deviceComputeSeconds
 * @param transmitJoules       transmitWatts · uploadSeconds
 * @param idleJoules           idleWatts · (edgeComputeSeconds + downloadSeconds)
 * @param energyJoules         E, the sum of the three energy terms
 * @param objective            w_T·T + w_E·E
 * @param sentTensors          ids of the layers whose output is sent up, in topological order
 */
public record PartitionCost(double deviceComputeSeconds, double uploadSeconds, double edgeComputeSeconds,
                            double downloadSeconds, double linkLatencySeconds, double latencySeconds,
                            double computeJoules, double transmitJoules, double idleJoules, double energyJoules,
                            double objective, List<String> sentTensors) implements Evaluation {
    public PartitionCost {
        sentTensors = List.copyOf(sentTensors);
    }
}
