package org.cleave.core.tiers;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The cost breakdown of one three-tier plan, per tier and per link (see {@link TiersProblem} for
 * the formulas). Seconds and joules.
 *
 * @param deviceComputeSeconds Σ over device layers of t_d
 * @param edgeComputeSeconds   Σ over edge layers of t_e
 * @param cloudComputeSeconds  Σ over cloud layers of t_c
 * @param link1UploadSeconds   Σ over tensors crossing link 1 of 8·bytes / R₁↑
 * @param link2UploadSeconds   Σ over tensors crossing link 2 of 8·bytes / R₂↑
 * @param link1DownloadSeconds the result over link 1 (output on the edge or in the cloud), else 0
 * @param link2DownloadSeconds the result over link 2 (output in the cloud), else 0
 * @param link1LatencySeconds  ℓ₁ if link 1 is used, else 0
 * @param link2LatencySeconds  ℓ₂ if link 2 is used, else 0
 * @param latencySeconds       T, the sum of the nine terms above
 * @param computeJoules        computeWatts · deviceComputeSeconds
 * @param transmitJoules       transmitWatts · link1UploadSeconds
 * @param idleJoules           idleWatts · (edge + cloud compute + link-2 upload + both downloads)
 * @param energyJoules         E, the sum of the three energy terms
 * @param objective            w_T·T + w_E·E
 * @param sentOverLink1        ids of the layers whose output crosses link 1, in topological order
 * @param sentOverLink2        ids of the layers whose output crosses link 2, in topological order
 */
public record TiersCost(double deviceComputeSeconds, double edgeComputeSeconds, double cloudComputeSeconds,
                        double link1UploadSeconds, double link2UploadSeconds, double link1DownloadSeconds,
                        double link2DownloadSeconds, double link1LatencySeconds, double link2LatencySeconds,
                        double latencySeconds, double computeJoules, double transmitJoules, double idleJoules,
                        double energyJoules, double objective, List<String> sentOverLink1,
                        List<String> sentOverLink2) implements Evaluation {
    public TiersCost {
        sentOverLink1 = List.copyOf(sentOverLink1);
        sentOverLink2 = List.copyOf(sentOverLink2);
    }
}
