package org.cleave.core.tiers.throughput;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The evaluation of one P3-3T plan (see {@link TiersThroughputProblem}): the five stage times in
 * seconds per frame, the period (the objective) and the stage that sets it.
 *
 * @param deviceStageSeconds  D, device compute per frame
 * @param link1StageSeconds   U₁, link-1 uplink time per frame
 * @param edgeStageSeconds    G, edge compute per frame
 * @param link2StageSeconds   U₂, link-2 uplink time per frame
 * @param cloudStageSeconds   C, cloud compute per frame
 * @param periodSeconds       max(D, U₁, G, U₂, C), the objective
 * @param throughputPerSecond 1 / period (+∞ for a zero period)
 * @param bottleneck          the stage that sets the period (the first in pipeline order on ties)
 * @param sentOverLink1       ids of the layers whose output crosses link 1, in topological order
 * @param sentOverLink2       ids of the layers whose output crosses link 2, in topological order
 * @param violations          unmet constraints (the frame rate), empty when feasible
 */
public record TiersThroughputCost(double deviceStageSeconds, double link1StageSeconds, double edgeStageSeconds,
                                  double link2StageSeconds, double cloudStageSeconds, double periodSeconds,
                                  double throughputPerSecond, Stage bottleneck, List<String> sentOverLink1,
                                  List<String> sentOverLink2, List<String> violations) implements Evaluation {
    /** The five pipeline stages, in order. */
    public enum Stage {
        /** Device compute. */
        DEVICE("device"),
        /** Link-1 uplink (device → edge). */
        LINK1("link1"),
        /** Edge compute. */
        EDGE("edge"),
        /** Link-2 uplink (edge → cloud). */
        LINK2("link2"),
        /** Cloud compute. */
        CLOUD("cloud");

        private final String key;

        Stage(String key) {
            this.key = key;
        }

        /** The lower-case name used in files and tables, e.g. {@code link2}. */
        public String key() {
            return key;
        }
    }

    public TiersThroughputCost {
        sentOverLink1 = List.copyOf(sentOverLink1);
        sentOverLink2 = List.copyOf(sentOverLink2);
        violations = List.copyOf(violations);
    }

    @Override
    public double objective() {
        return periodSeconds;
    }

    /** The time of {@code stage}. */
    public double stageSeconds(Stage stage) {
        return switch (stage) {
            case DEVICE -> deviceStageSeconds;
            case LINK1 -> link1StageSeconds;
            case EDGE -> edgeStageSeconds;
            case LINK2 -> link2StageSeconds;
            case CLOUD -> cloudStageSeconds;
        };
    }
}
