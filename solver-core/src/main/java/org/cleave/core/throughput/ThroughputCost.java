package org.cleave.core.throughput;

import java.util.List;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.solve.Evaluation;

/**
 * The evaluation of one P3 plan (see {@link ThroughputProblem}). Times are expected seconds per
 * frame.
 *
 * @param stops               the active exits by depth and the final classifier, with shares
 * @param deviceStageSeconds  D, expected device compute per frame
 * @param uplinkStageSeconds  U, expected uplink time per frame
 * @param edgeStageSeconds    G, expected edge compute per frame
 * @param periodSeconds       max(D, U, G), the objective
 * @param throughputPerSecond 1 / period (+∞ for a zero period)
 * @param bottleneck          the stage that sets the period (the first of device, uplink, edge on ties)
 * @param accuracy            expected accuracy
 * @param sentTensors         ids of the layers whose output is sent up
 * @param violations          unmet constraints (accuracy floor, frame rate), empty when feasible
 */
public record ThroughputCost(List<ExitsCost.Share> stops, double deviceStageSeconds, double uplinkStageSeconds,
                             double edgeStageSeconds, double periodSeconds, double throughputPerSecond,
                             Stage bottleneck, double accuracy, List<String> sentTensors, List<String> violations)
        implements Evaluation {
    /** The three pipeline stages. */
    public enum Stage {
        DEVICE, UPLINK, EDGE
    }

    public ThroughputCost {
        stops = List.copyOf(stops);
        sentTensors = List.copyOf(sentTensors);
        violations = List.copyOf(violations);
    }

    @Override
    public double objective() {
        return periodSeconds;
    }
}
