package org.cleave.core.exits;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The evaluation of one P2 plan: expected latency, energy and accuracy with the share stopping at
 * each exit (see {@link ExitsProblem} for the formulas). All times are expectations per sample.
 *
 * @param stops                the active exits by depth and the final classifier, with shares
 * @param deviceComputeSeconds expected device compute, layers and exit branches
 * @param uploadSeconds        expected uplink time
 * @param edgeComputeSeconds   expected edge compute, layers and exit branches
 * @param downloadSeconds      expected downlink time of results computed on the edge
 * @param linkLatencySeconds   one-way latency × the share of samples that reach the edge
 * @param latencySeconds       expected latency T, the sum of the five terms above
 * @param computeJoules        computeWatts · deviceComputeSeconds
 * @param transmitJoules       transmitWatts · uploadSeconds
 * @param idleJoules           idleWatts · (edgeComputeSeconds + downloadSeconds)
 * @param energyJoules         expected device energy E
 * @param accuracy             expected accuracy Σ share · accuracy
 * @param objective            w_T·T + w_E·E for variant (a), the accuracy for variant (b)
 * @param sentTensors          ids of the layers whose output is sent up
 * @param violations           unmet constraints (accuracy floor, latency bound), empty when feasible
 */
public record ExitsCost(List<Share> stops, double deviceComputeSeconds, double uploadSeconds,
                        double edgeComputeSeconds, double downloadSeconds, double linkLatencySeconds,
                        double latencySeconds, double computeJoules, double transmitJoules, double idleJoules,
                        double energyJoules, double accuracy, double objective, List<String> sentTensors,
                        List<String> violations) implements Evaluation {
    public ExitsCost {
        stops = List.copyOf(stops);
        sentTensors = List.copyOf(sentTensors);
        violations = List.copyOf(violations);
    }

    /**
     * Where a share of the samples stops.
     *
     * @param stop       the exit id, or {@code final} for the final classifier
     * @param afterLayer the layer it hangs from
     * @param share      fraction of all samples stopping here
     * @param accuracy   accuracy of those samples
     */
    public record Share(String stop, String afterLayer, double share, double accuracy) {
    }
}
