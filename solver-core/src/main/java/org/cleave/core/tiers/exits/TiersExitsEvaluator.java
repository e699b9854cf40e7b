package org.cleave.core.tiers.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cleave.core.exits.ExitsEvaluator;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.tiers.TierPlacement;

/**
 * The P2-3T evaluator, the single source of truth of P2-3T's cost semantics: it adds up the terms
 * of {@link TiersExitsProblem} for one plan in O(|V| + |A| + |exits|) and reports the constraints the
 * plan misses. Term by term it is P2's {@link ExitsEvaluator} with P1-3T's
 * {@link org.cleave.core.tiers.TiersEvaluator} tiers and links:
 * <pre>
 *   per layer v on tier τ(v):   compute_τ(v) += tier[v]  ({@link TiersExpectedLoads})
 *   τ(v) = 0, a consumer ≥ 1:   link1Upload += upload1[v]
 *   τ(v) ≤ 1, a consumer = 2:   link2Upload += upload2[v]
 *   τ(v) ≥ 1:                   link1Download += down1[v],  link1Latency += ℓ₁·touch[v]
 *   τ(v) = 2:                   link2Download += down2[v],  link2Latency += ℓ₂·touch[v]
 *   T = the nine sums;  E = P_c·device + P_tx·link1Upload + P_idle·(edge + cloud + link2Upload + downloads)
 * </pre>
 */
public final class TiersExitsEvaluator {
    private TiersExitsEvaluator() {
    }

    /**
     * Evaluates {@code plan} on {@code problem}.
     *
     * @throws org.cleave.core.model.InvalidModelException if the placement does not fit or is not
     *                                                     monotone, or an exit id is unknown or repeated
     */
    public static TiersExitsCost evaluate(TiersExitsProblem problem, TierExitPlan plan) {
        plan.placement().requireMonotone(problem.graph());
        StopProfile profile = problem.profile(plan.activeExits());
        return evaluate(problem, profile, problem.loads(profile), plan.placement());
    }

    /**
     * Evaluates the placement {@code x} for the exit set whose profile and loads are given (from
     * {@link TiersExitsProblem#profile} and {@link TiersExitsProblem#loads} of this problem), so that
     * an enumeration of many placements of one exit set computes them once. {@code x} must be
     * monotone on the graph (not checked here).
     */
    public static TiersExitsCost evaluate(TiersExitsProblem problem, StopProfile profile, TiersExpectedLoads loads,
                                          TierPlacement x) {
        DnnGraph g = problem.graph();
        double device = 0;
        double edge = 0;
        double cloud = 0;
        double up1 = 0;
        double up2 = 0;
        double down1 = 0;
        double down2 = 0;
        double touched1 = 0;
        double touched2 = 0;
        List<String> sent1 = new ArrayList<>();
        List<String> sent2 = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            int tier = x.tierIndex(v);
            switch (tier) {
                case 0 -> device += loads.device(v);
                case 1 -> edge += loads.edge(v);
                default -> cloud += loads.cloud(v);
            }
            int farthest = tier;
            for (int k = 0; k < g.outDegree(v); k++) {
                farthest = Math.max(farthest, x.tierIndex(g.successor(v, k)));
            }
            if (tier == 0 && farthest >= 1) {
                up1 += loads.upload1(v);
                sent1.add(g.layer(v).id());
            }
            if (tier <= 1 && farthest == 2) {
                up2 += loads.upload2(v);
                sent2.add(g.layer(v).id());
            }
            if (tier >= 1) {
                down1 += loads.download1(v);
                touched1 += loads.touch(v);
            }
            if (tier == 2) {
                down2 += loads.download2(v);
                touched2 += loads.touch(v);
            }
        }
        double lat1 = problem.link1().latencySeconds() * touched1;
        double lat2 = problem.link2().latencySeconds() * touched2;
        double t = device + up1 + edge + up2 + cloud + down1 + down2 + lat1 + lat2;
        double computeJ = problem.device().computeWatts() * device;
        double transmitJ = problem.device().transmitWatts() * up1;
        double idleJ = problem.device().idleWatts() * (edge + cloud + up2 + down1 + down2);
        double energy = computeJ + transmitJ + idleJ;
        double accuracy = profile.expectedAccuracy();
        List<String> violations = new ArrayList<>();
        double objective = problem.variant().weights().combine(t, energy);
        if (accuracy < problem.variant().minAccuracy()) {
            violations.add(String.format(Locale.ROOT, "expected accuracy %.9g is below minAccuracy %.9g",
                    accuracy, problem.variant().minAccuracy()));
        }
        problem.maxLatencySeconds().ifPresent(l -> {
            if (t > l) {
                violations.add(String.format(Locale.ROOT, "expected latency %.9g s exceeds maxLatencySeconds %.9g s",
                        t, l));
            }
        });
        return new TiersExitsCost(ExitsEvaluator.stopShares(g, profile), device, edge, cloud, up1, up2, down1, down2,
                lat1, lat2, t, computeJ, transmitJ, idleJ, energy, accuracy, objective, sent1, sent2, violations);
    }
}
