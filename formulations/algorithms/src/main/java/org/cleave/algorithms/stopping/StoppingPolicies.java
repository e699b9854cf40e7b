package org.cleave.algorithms.stopping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.stopping.StageRule;
import org.cleave.core.stopping.StageRule.Fallback;
import org.cleave.core.stopping.StoppingEvaluator;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/**
 * The splitting rules of P6 for a fixed placement m, as plans. All thresholds come from the closed
 * form {@link StoppingEvaluator#threshold(int, double)}; expectations from the evaluator's
 * integration.
 *
 * <p><b>Backward induction</b> (exact). With {@code V_L ≡ 0} (m = L) or the optimal deferral
 * {@code V_m(h) = min(S_m(h), ω + E V_m)} (m < L), for k < m:
 * {@code V_k(h) = min(S_k(h), K_k)}, {@code K_k = min(ω + E V_k, C_{k+1} + E V_{k+1})}. Since
 * S_k is decreasing in h, the optimal rule is a threshold θ_k with S_k(θ_k) = K_k. Waiting is
 * better than computing exactly when {@code E[min(S_k, Q)] + ω < Q} with
 * {@code Q = C_{k+1} + E V_{k+1}} (the map D ↦ E min(S_k, ω + D) − D is decreasing and vanishes at
 * the deferral value D_k), so the deferral fixed point is solved only where it is used. O(m)
 * integrals plus one root per waiting stage.
 *
 * <p><b>One-stage look-ahead</b> (heuristic; the paper's binary decision at every stage before
 * m). Stopping at stage j means offloading with the optimal deferral, worth D_j (0 at j = L).
 * OSLA at stage k < m offloads when offloading now beats computing one more layer and then
 * stopping: threshold {@code S_k(θ) = C_{k+1} + D_{k+1}}, fallback COMPUTE; at k = m < L it
 * waits with the optimal deferral. It never waits before m (waiting is Cleave's addition to the
 * model, which only backward induction exploits there). O(m) roots.
 *
 * <p><b>Static split</b> s: compute layers 1..s whatever h (θ = +∞), then offload at stage s with
 * the optimal deferral (s < L), or finish locally (s = L). The channel is only used to wait for a
 * usable slot at the split, which is needed for a finite cost under Rayleigh fading.
 */
public final class StoppingPolicies {
    private StoppingPolicies() {
    }

    private static void checkPlacement(StoppingProblem p, int m) {
        if (m < 0 || m > p.layerCount()) {
            throw new InvalidModelException("deviceLayers", "must be in [0, " + p.layerCount() + "], got " + m);
        }
    }

    /** The optimal stopping rule for placement m (backward induction). */
    public static StoppingPlan backwardInduction(StoppingProblem p, int m) {
        return backwardInductionWithValues(p, m).plan();
    }

    /**
     * A plan with its stage values E V_k.
     *
     * @param plan   the plan
     * @param values E V_k for k = 0..(m < L ? m : L)
     */
    public record Valued(StoppingPlan plan, double[] values) {
    }

    /** Backward induction, also returning the stage values. */
    public static Valued backwardInductionWithValues(StoppingProblem p, int m) {
        checkPlacement(p, m);
        StoppingEvaluator ev = p.evaluator();
        int n = p.layerCount();
        double omega = p.waitCost();
        int stages = m < n ? m + 1 : n;
        StageRule[] rules = new StageRule[stages];
        double[] v = new double[stages + 1];
        int k;
        if (m < n) {
            StoppingEvaluator.Deferral d = ev.deferral(m);
            rules[m] = new StageRule(d.threshold(), Fallback.WAIT);
            v[m] = d.value();
            k = m - 1;
        } else {
            v[n] = 0;
            k = n - 1;
        }
        for (; k >= 0; k--) {
            double q = p.computeCost(k + 1) + v[k + 1];
            double e = ev.expectedMin(k, q);
            if (e + omega < q) {
                StoppingEvaluator.Deferral d = ev.deferral(k, ev.threshold(k, q));
                rules[k] = new StageRule(d.threshold(), Fallback.WAIT);
                v[k] = d.value();
            } else {
                rules[k] = new StageRule(ev.threshold(k, q), Fallback.COMPUTE);
                v[k] = e;
            }
        }
        return new Valued(new StoppingPlan(m, Arrays.asList(rules)), Arrays.copyOf(v, m < n ? m + 1 : n + 1));
    }

    /** The one-stage look-ahead rule for placement m. */
    public static StoppingPlan oneStageLookAhead(StoppingProblem p, int m) {
        checkPlacement(p, m);
        StoppingEvaluator ev = p.evaluator();
        int n = p.layerCount();
        int stages = m < n ? m + 1 : n;
        StoppingEvaluator.Deferral[] stop = new StoppingEvaluator.Deferral[stages + 1];
        for (int j = m == 0 ? 0 : 1; j <= stages && j < n; j++) {
            stop[j] = ev.deferral(j);
        }
        List<StageRule> rules = new ArrayList<>(stages);
        for (int k = 0; k < stages; k++) {
            if (k == m) {
                rules.add(new StageRule(stop[m].threshold(), Fallback.WAIT));
            } else {
                double next = p.computeCost(k + 1) + (k + 1 == n ? 0 : stop[k + 1].value());
                rules.add(new StageRule(ev.threshold(k, next), Fallback.COMPUTE));
            }
        }
        return new StoppingPlan(m, rules);
    }

    /** The static split at s: compute s layers, then offload with the optimal deferral (or finish if s = L). */
    public static StoppingPlan staticSplit(StoppingProblem p, int s) {
        checkPlacement(p, s);
        int n = p.layerCount();
        List<StageRule> rules = new ArrayList<>();
        for (int k = 0; k < Math.min(s, n); k++) {
            rules.add(StageRule.computeOn());
        }
        if (s < n) {
            rules.add(new StageRule(p.evaluator().deferral(s).threshold(), Fallback.WAIT));
        }
        return new StoppingPlan(s, rules);
    }
}
