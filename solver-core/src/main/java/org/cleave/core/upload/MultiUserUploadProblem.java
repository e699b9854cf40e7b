package org.cleave.core.upload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cleave.core.model.Checks;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * Multi-user P5 (MJOA-MU's multi-UE problem, Yang et al., Computer Networks 2023,
 * doi:10.1016/j.comnet.2023.109801), with resources in units as in DESIGN.md P4.
 *
 * <p>N users share the edge server (rate F, split into K_F equal units) and the uplink (rate W,
 * split into K_B equal units). User i chooses a monotone placement x_i and integers k_F,i, k_B,i;
 * a user that runs anything on the edge needs k_F,i ≥ 1 and k_B,i ≥ 1. User i's schedule is the
 * single-user P5 schedule ({@link UploadEvaluator}, same {@link UploadMode} for all users) with
 * edge times t_e(v)·K_F/k_F,i (measured edge times included) and uplink rate k_B,i·W/K_B; its own
 * downlink and latency. Minimise Σ_i (w_T·T_i + w_E·E_i) subject to Σ k_F,i ≤ K_F and
 * Σ k_B,i ≤ K_B. Units are dedicated, so users do not interfere beyond the budgets.
 *
 * <p>Complexity: with the plan options of user i being its order ideals, an exact method is a
 * DP over users × (compute units, bandwidth units), O(N·K_F²·K_B²) after the per-user tables
 * (N·K_F·K_B·#ideals evaluations).
 *
 * @param users               the users, at least one, distinct ids
 * @param edge                the whole edge server (rate F)
 * @param computeUnits        K_F ≥ 1
 * @param uplinkBitsPerSecond W, the whole shared uplink, bit/s
 * @param bandwidthUnits      K_B ≥ 1
 * @param weights             objective weights, the same for every user
 * @param mode                upload mode, the same for every user
 */
public record MultiUserUploadProblem(List<UploadUser> users, EdgeServer edge, int computeUnits,
                                     double uplinkBitsPerSecond, int bandwidthUnits, CostWeights weights,
                                     UploadMode mode) implements Problem<MultiUserUploadPlan> {
    public MultiUserUploadProblem {
        Checks.present("users", users);
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new InvalidModelException("users", "must hold at least one user, got 0");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            if (!ids.add(users.get(i).id())) {
                throw new InvalidModelException("users[" + i + "].id", "duplicate id \"" + users.get(i).id() + "\"");
            }
        }
        Checks.present("edge", edge);
        if (computeUnits < 1) {
            throw new InvalidModelException("computeUnits", "must be >= 1, got " + computeUnits);
        }
        Checks.positive("uplinkBitsPerSecond", uplinkBitsPerSecond);
        if (bandwidthUnits < 1) {
            throw new InvalidModelException("bandwidthUnits", "must be >= 1, got " + bandwidthUnits);
        }
        Checks.present("weights", weights);
        Checks.present("mode", mode);
    }

    @Override
    public Family family() {
        return Family.UPLOAD;
    }

    @Override
    public Class<MultiUserUploadPlan> planType() {
        return MultiUserUploadPlan.class;
    }

    /** The times of user {@code i} holding {@code kF ≥ 1} compute and {@code kB ≥ 1} bandwidth units. */
    public UploadTimes times(int i, int kF, int kB) {
        if (kF < 1 || kB < 1 || kF > computeUnits || kB > bandwidthUnits) {
            throw new IllegalArgumentException("users[" + i + "]: units must be in [1, " + computeUnits + "] x [1, "
                    + bandwidthUnits + "], got computeUnits " + kF + ", bandwidthUnits " + kB);
        }
        UploadUser u = users.get(i);
        Link link = new Link(uplinkBitsPerSecond * kB / bandwidthUnits, u.downlinkBitsPerSecond(), u.latencySeconds());
        return UploadTimes.of(u.graph(), u.device(), 0, edge, (double) kF / computeUnits, link);
    }

    /** User {@code i}'s cost for a monotone placement (not re-checked) and its units. */
    public UploadCost userCost(int i, boolean[] onEdge, int kF, int kB, boolean recordTimeline) {
        boolean any = false;
        for (boolean b : onEdge) {
            any |= b;
        }
        UploadUser u = users.get(i);
        if (!any) {
            // nothing offloaded: the units do not matter; the full-rate times are as good as any
            return UploadEvaluator.simulate(u.graph(), onEdge, mode, times(i, 1, 1), u.device(), weights,
                    recordTimeline);
        }
        if (kF < 1 || kB < 1) {
            throw new InvalidModelException("allocations[" + i + "]", "user \"" + u.id() + "\" runs layers on the edge"
                    + " but holds " + kF + " compute and " + kB + " bandwidth units; both must be >= 1");
        }
        return UploadEvaluator.simulate(u.graph(), onEdge, mode, times(i, kF, kB), u.device(), weights,
                recordTimeline);
    }

    @Override
    public MultiUserUploadCost evaluate(MultiUserUploadPlan plan) {
        if (plan.allocations().size() != users.size()) {
            throw new InvalidModelException("allocations", "has " + plan.allocations().size() + " entries, the problem has "
                    + users.size() + " users");
        }
        List<UploadCost> costs = new ArrayList<>();
        double total = 0;
        int f = 0;
        int b = 0;
        for (int i = 0; i < users.size(); i++) {
            UserAllocation a = plan.allocations().get(i);
            Placement p = a.placement();
            try {
                p.requireMonotone(users.get(i).graph());
            } catch (InvalidModelException e) {
                throw new InvalidModelException("allocations[" + i + "]." + e.field(), e.detail());
            }
            UploadCost c = userCost(i, UploadEvaluator.toArray(p), a.computeUnits(), a.bandwidthUnits(), true);
            costs.add(c);
            total += c.objective();
            f += a.computeUnits();
            b += a.bandwidthUnits();
        }
        List<String> violations = new ArrayList<>();
        if (f > computeUnits) {
            violations.add("computeUnits: " + f + " used, " + computeUnits + " available");
        }
        if (b > bandwidthUnits) {
            violations.add("bandwidthUnits: " + b + " used, " + bandwidthUnits + " available");
        }
        return new MultiUserUploadCost(total, costs, f, b, violations);
    }
}
