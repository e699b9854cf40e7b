package org.cleave.core.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;

/**
 * The P2 evaluator, the single source of truth of P2's cost semantics: it adds up the terms of
 * {@link ExitsProblem} for one plan in O(|V| + |A| + |exits|) and reports the constraints the plan
 * misses. It also gives {@link #stopShares} and {@link #sentTensors}, shared with P3's evaluator.
 */
public final class ExitsEvaluator {
    private ExitsEvaluator() {
    }

    /**
     * Evaluates {@code plan} on {@code problem}.
     *
     * @throws org.cleave.core.model.InvalidModelException if the placement does not fit or is not
     *                                                     monotone, an exit id is unknown or repeated,
     *                                                     or variant (b) gets more than one exit
     */
    public static ExitsCost evaluate(ExitsProblem problem, ExitPlan plan) {
        DnnGraph g = problem.graph();
        Placement x = plan.placement();
        x.requireMonotone(g);
        StopProfile profile = problem.profile(plan.activeExits());
        ExpectedLoads loads = problem.loads(profile);
        double device = 0;
        double upload = 0;
        double edge = 0;
        double download = 0;
        double touched = 0;
        for (int v = 0; v < g.size(); v++) {
            if (x.onEdge(v)) {
                edge += loads.edge(v);
                download += loads.download(v);
                touched += loads.touch(v);
            } else {
                device += loads.device(v);
                if (sends(g, x, v)) {
                    upload += loads.upload(v);
                }
            }
        }
        double latencyTerm = problem.link().latencySeconds() * touched;
        double t = device + upload + edge + download + latencyTerm;
        double computeJ = problem.device().computeWatts() * device;
        double transmitJ = problem.device().transmitWatts() * upload;
        double idleJ = problem.device().idleWatts() * (edge + download);
        double energy = computeJ + transmitJ + idleJ;
        double accuracy = profile.expectedAccuracy();
        List<String> violations = new ArrayList<>();
        double objective;
        if (problem.variant() instanceof ExitsProblem.MinCost a) {
            objective = a.weights().combine(t, energy);
            if (accuracy < a.minAccuracy()) {
                violations.add(String.format(Locale.ROOT, "expected accuracy %.9g is below minAccuracy %.9g",
                        accuracy, a.minAccuracy()));
            }
        } else {
            objective = accuracy;
        }
        problem.maxLatencySeconds().ifPresent(l -> {
            if (t > l) {
                violations.add(String.format(Locale.ROOT, "expected latency %.9g s exceeds maxLatencySeconds %.9g s",
                        t, l));
            }
        });
        return new ExitsCost(stopShares(g, profile), device, upload, edge, download, latencyTerm, t, computeJ,
                transmitJ, idleJ, energy, accuracy, objective, sentTensors(g, x), violations);
    }

    /** Whether device layer {@code v} has a consumer on the edge (its tensor is sent). */
    static boolean sends(DnnGraph g, Placement x, int v) {
        if (x.onEdge(v)) {
            return false;
        }
        for (int k = 0; k < g.outDegree(v); k++) {
            if (x.onEdge(g.successor(v, k))) {
                return true;
            }
        }
        return false;
    }

    /** Ids of the layers whose tensor is sent up, in topological order. */
    public static List<String> sentTensors(DnnGraph g, Placement x) {
        List<String> sent = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            if (sends(g, x, v)) {
                sent.add(g.layer(v).id());
            }
        }
        return sent;
    }

    /** The stops of {@code profile} as reported shares. */
    public static List<ExitsCost.Share> stopShares(DnnGraph g, StopProfile profile) {
        return profile.stops().stream().map(s -> new ExitsCost.Share(s.name(), g.layer(s.layer()).id(),
                s.share(), s.accuracy())).toList();
    }
}
