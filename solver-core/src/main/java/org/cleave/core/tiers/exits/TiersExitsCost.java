package org.cleave.core.tiers.exits;

import java.util.List;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.solve.Evaluation;

/**
 * The evaluation of one P2-3T plan (see {@link TiersExitsProblem} for the formulas): expected
 * times per tier and per link, energy, accuracy and the share stopping at each exit. All times are
 * expectations per sample, in seconds; energies in joules.
 *
 * @param stops                the active exits by depth and the final classifier, with shares
 * @param deviceComputeSeconds expected device compute, layers and exit branches
 * @param edgeComputeSeconds   expected edge compute, layers and exit branches
 * @param cloudComputeSeconds  expected cloud compute, layers and exit branches
 * @param link1UploadSeconds   expected link-1 uplink time
 * @param link2UploadSeconds   expected link-2 uplink time
 * @param link1DownloadSeconds expected link-1 downlink time of results answered beyond the device
 * @param link2DownloadSeconds expected link-2 downlink time of results answered in the cloud
 * @param link1LatencySeconds  ℓ₁ × the share of samples answered beyond the device
 * @param link2LatencySeconds  ℓ₂ × the share of samples answered in the cloud
 * @param latencySeconds       expected latency T, the sum of the nine terms above
 * @param computeJoules        computeWatts · deviceComputeSeconds
 * @param transmitJoules       transmitWatts · link1UploadSeconds
 * @param idleJoules           idleWatts · (edge + cloud compute + link-2 upload + both downloads)
 * @param energyJoules         expected device energy E
 * @param accuracy             expected accuracy Σ share · accuracy
 * @param objective            w_T·T + w_E·E
 * @param sentOverLink1        ids of the layers whose output crosses link 1
 * @param sentOverLink2        ids of the layers whose output crosses link 2
 * @param violations           unmet constraints (accuracy floor, latency bound), empty when feasible
 */
public record TiersExitsCost(List<ExitsCost.Share> stops, double deviceComputeSeconds, double edgeComputeSeconds,
                             double cloudComputeSeconds, double link1UploadSeconds, double link2UploadSeconds,
                             double link1DownloadSeconds, double link2DownloadSeconds, double link1LatencySeconds,
                             double link2LatencySeconds, double latencySeconds, double computeJoules,
                             double transmitJoules, double idleJoules, double energyJoules, double accuracy,
                             double objective, List<String> sentOverLink1, List<String> sentOverLink2,
                             List<String> violations) implements Evaluation {
    public TiersExitsCost {
        stops = List.copyOf(stops);
        sentOverLink1 = List.copyOf(sentOverLink1);
        sentOverLink2 = List.copyOf(sentOverLink2);
        violations = List.copyOf(violations);
    }
}
