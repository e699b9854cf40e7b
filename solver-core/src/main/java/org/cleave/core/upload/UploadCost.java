package org.cleave.core.upload;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The cost of one P5 plan and its schedule (see {@link UploadProblem} for the semantics).
 *
 * @param latencySeconds       T: the time the result is back on the device (the one-way link
 *                             latency included once when any layer runs on the edge)
 * @param deviceEndSeconds     when the device part ends, D
 * @param featuresArrivedSeconds when the last feature tensor has arrived at the edge (D when none)
 * @param deviceComputeSeconds Σ over device layers of t_d
 * @param uplinkBusySeconds    total time the uplink transmits (feature tensors and parameters)
 * @param parameterSeconds     the part of {@code uplinkBusySeconds} spent on parameters
 * @param edgeComputeSeconds   Σ over edge layers of t_e
 * @param downloadSeconds      the result download, 0 if the output runs on the device
 * @param linkLatencySeconds   the one-way latency if any layer is on the edge, else 0
 * @param idleSeconds          time in [0, T − linkLatency] when the device neither computes nor
 *                             transmits
 * @param computeJoules        computeWatts · deviceComputeSeconds
 * @param transmitJoules       transmitWatts · uplinkBusySeconds
 * @param idleJoules           idleWatts · idleSeconds
 * @param energyJoules         E, the sum of the three
 * @param objective            w_T·T + w_E·E
 * @param sentTensors          ids of the device layers whose output is sent up, topological order
 * @param timeline             every activity, in the order it was scheduled (empty when the
 *                             evaluator was asked not to record it)
 */
public record UploadCost(double latencySeconds, double deviceEndSeconds, double featuresArrivedSeconds,
                         double deviceComputeSeconds, double uplinkBusySeconds, double parameterSeconds,
                         double edgeComputeSeconds, double downloadSeconds, double linkLatencySeconds,
                         double idleSeconds, double computeJoules, double transmitJoules, double idleJoules,
                         double energyJoules, double objective, List<String> sentTensors,
                         List<TimelineEvent> timeline) implements Evaluation {
    public UploadCost {
        sentTensors = List.copyOf(sentTensors);
        timeline = List.copyOf(timeline);
    }
}
