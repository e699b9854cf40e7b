package org.cleave.core.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsEvaluator;
import org.cleave.core.exits.ExpectedLoads;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;

/**
 * The P3 evaluator, the single source of truth of P3's semantics: the three expected stage
 * times, the period and the constraints of {@link ThroughputProblem}, in O(|V| + |A| + |exits|).
 */
public final class ThroughputEvaluator {
    private ThroughputEvaluator() {
    }

    /**
     * Evaluates {@code plan} on {@code problem}.
     *
     * @throws org.cleave.core.model.InvalidModelException if the placement does not fit or is not
     *                                                     monotone, or an exit id is unknown or repeated
     */
    public static ThroughputCost evaluate(ThroughputProblem problem, ExitPlan plan) {
        DnnGraph g = problem.graph();
        Placement x = plan.placement();
        x.requireMonotone(g);
        StopProfile profile = problem.profile(plan.activeExits());
        ExpectedLoads loads = problem.loads(profile);
        List<String> sent = ExitsEvaluator.sentTensors(g, x);
        double device = 0;
        double edge = 0;
        double upload = 0;
        for (int v = 0; v < g.size(); v++) {
            if (x.onEdge(v)) {
                edge += loads.edge(v);
            } else {
                device += loads.device(v);
            }
        }
        for (String id : sent) {
            upload += loads.upload(g.indexOf(id));
        }
        double period = Math.max(device, Math.max(upload, edge));
        ThroughputCost.Stage bottleneck = device == period ? ThroughputCost.Stage.DEVICE
                : upload == period ? ThroughputCost.Stage.UPLINK : ThroughputCost.Stage.EDGE;
        double accuracy = profile.expectedAccuracy();
        List<String> violations = new ArrayList<>();
        if (accuracy < problem.minAccuracy()) {
            violations.add(String.format(Locale.ROOT, "expected accuracy %.9g is below minAccuracy %.9g",
                    accuracy, problem.minAccuracy()));
        }
        if (period > problem.maxPeriodSeconds()) {
            violations.add(String.format(Locale.ROOT, "period %.9g s exceeds 1/frameRatePerSecond = %.9g s",
                    period, problem.maxPeriodSeconds()));
        }
        return new ThroughputCost(ExitsEvaluator.stopShares(g, profile), device, upload, edge, period, 1 / period,
                bottleneck, accuracy, sent, violations);
    }
}
