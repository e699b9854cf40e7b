package org.cleave.core.tiers.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.tiers.TierPlacement;

/**
 * The P3-3T evaluator, the single source of truth of P3-3T's semantics: the five stage times
 * ({@link TiersStageTimes#stages}), the period, the bottleneck, the tensors sent over each link and
 * the frame-rate constraint of {@link TiersThroughputProblem}, in O(|V| + |A|).
 */
public final class TiersThroughputEvaluator {
    private TiersThroughputEvaluator() {
    }

    /**
     * Evaluates {@code plan} on {@code problem}.
     *
     * @throws org.cleave.core.model.InvalidModelException if the plan has the wrong size, puts the
     *                                                     input off the device or is not monotone
     */
    public static TiersThroughputCost evaluate(TiersThroughputProblem problem, TierPlacement plan) {
        DnnGraph g = problem.graph();
        plan.requireMonotone(g);
        int[] tiers = plan.tiers();
        double[] s = new double[5];
        double period = TiersStageTimes.of(problem).stages(g, tiers, s);
        TiersThroughputCost.Stage bottleneck = TiersThroughputCost.Stage.CLOUD;
        for (TiersThroughputCost.Stage stage : TiersThroughputCost.Stage.values()) {
            if (s[stage.ordinal()] == period) {
                bottleneck = stage;
                break;
            }
        }
        List<String> sent1 = new ArrayList<>();
        List<String> sent2 = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            int farthest = tiers[v];
            for (int k = 0; k < g.outDegree(v); k++) {
                farthest = Math.max(farthest, tiers[g.successor(v, k)]);
            }
            if (tiers[v] == 0 && farthest >= 1) {
                sent1.add(g.layer(v).id());
            }
            if (tiers[v] <= 1 && farthest == 2) {
                sent2.add(g.layer(v).id());
            }
        }
        List<String> violations = new ArrayList<>();
        if (period > problem.maxPeriodSeconds()) {
            violations.add(String.format(Locale.ROOT, "period %.9g s exceeds 1/frameRatePerSecond = %.9g s",
                    period, problem.maxPeriodSeconds()));
        }
        return new TiersThroughputCost(s[TiersStageTimes.DEVICE], s[TiersStageTimes.LINK1], s[TiersStageTimes.EDGE],
                s[TiersStageTimes.LINK2], s[TiersStageTimes.CLOUD], period, 1 / period, bottleneck, sent1, sent2,
                violations);
    }
}
