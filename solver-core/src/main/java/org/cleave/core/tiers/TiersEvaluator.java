package org.cleave.core.tiers;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.DnnGraph;

/**
 * The P1-3T evaluator: the single source of truth for three-tier costs. Every P1-3T solver's result
 * is re-evaluated here. It evaluates the formulas of {@link TiersProblem} term by term, in
 * O(|V| + |A|).
 */
public final class TiersEvaluator {
    private TiersEvaluator() {
    }

    /**
     * Evaluates {@code plan} on {@code problem}.
     *
     * @throws org.cleave.core.model.InvalidModelException if the plan has the wrong size, puts the
     *                                                     input off the device or is not monotone
     */
    public static TiersCost evaluate(TiersProblem problem, TierPlacement plan) {
        DnnGraph g = problem.graph();
        plan.requireMonotone(g);
        double device = 0;
        double edge = 0;
        double cloud = 0;
        double up1 = 0;
        double up2 = 0;
        List<String> sent1 = new ArrayList<>();
        List<String> sent2 = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            int tier = plan.tierIndex(v);
            switch (tier) {
                case 0 -> device += problem.device().seconds(g.layer(v), problem.deviceLoad());
                case 1 -> edge += problem.edge().seconds(g.layer(v));
                default -> cloud += problem.cloud().seconds(g.layer(v));
            }
            int farthest = tier;
            for (int k = 0; k < g.outDegree(v); k++) {
                farthest = Math.max(farthest, plan.tierIndex(g.successor(v, k)));
            }
            double bytes = g.layer(v).outputBytes();
            if (tier == 0 && farthest >= 1) {
                up1 += problem.link1().uploadSeconds(bytes);
                sent1.add(g.layer(v).id());
            }
            if (tier <= 1 && farthest == 2) {
                up2 += problem.link2().uploadSeconds(bytes);
                sent2.add(g.layer(v).id());
            }
        }
        int outTier = plan.tierIndex(g.outputIndex());
        double resultBytes = g.output().outputBytes();
        double down1 = outTier >= 1 ? problem.link1().downloadSeconds(resultBytes) : 0;
        double down2 = outTier == 2 ? problem.link2().downloadSeconds(resultBytes) : 0;
        double lat1 = outTier >= 1 ? problem.link1().latencySeconds() : 0;
        double lat2 = outTier == 2 ? problem.link2().latencySeconds() : 0;
        double total = device + up1 + edge + up2 + cloud + down1 + down2 + lat1 + lat2;
        double computeJ = problem.device().computeWatts() * device;
        double transmitJ = problem.device().transmitWatts() * up1;
        double idleJ = problem.device().idleWatts() * (edge + cloud + up2 + down1 + down2);
        double energy = computeJ + transmitJ + idleJ;
        return new TiersCost(device, edge, cloud, up1, up2, down1, down2, lat1, lat2, total, computeJ, transmitJ,
                idleJ, energy, problem.weights().combine(total, energy), sent1, sent2);
    }
}
