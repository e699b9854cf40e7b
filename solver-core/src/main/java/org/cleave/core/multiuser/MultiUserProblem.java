package org.cleave.core.multiuser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.Checks;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * P4, multi-user joint partition, exit and resource allocation (Ma, Wang and Tang, "Joint
 * Optimization of Model Partitioning and Resource Allocation for Multi-Exit DNNs in Edge-Device
 * Collaboration", Electronics 14(8):1647, 2025, doi:10.3390/electronics14081647; the resource
 * allocation step of MJOA-MU's asynchronous resource allocation, ARA).
 *
 * <p>N users share one edge server of rate F FLOP/s, split into K_F equal compute units, and one
 * uplink split into K_B equal units. User i picks a stated {@link PlanOption} o_i and integers
 * k_F,i, k_B,i ≥ 0. With the option's expected device time d, device energy e, upload bits u,
 * edge FLOPs φ, download bits δ and offload probability q, and the user's full-uplink rate R_i,
 * downlink rate D_i, one-way latency ℓ_i, transmit power P_tx and idle power P_idle:
 * <pre>
 *   edge_i   = φ / (k_F,i · F / K_F)        (0 when φ = 0; +∞ when φ &gt; 0 and k_F,i = 0)
 *   up_i     = u / (k_B,i · R_i / K_B)      (0 when u = 0; +∞ when u &gt; 0 and k_B,i = 0)
 *   down_i   = δ / D_i
 *   T_i      = d + up_i + edge_i + down_i + q · ℓ_i                    (expected latency, s)
 *   E_i      = e + P_tx · up_i + P_idle · (edge_i + down_i)             (expected device energy, J)
 *   minimise Σ_i (w_T · T_i + w_E · E_i)
 *   s.t.     Σ_i k_F,i ≤ K_F,  Σ_i k_B,i ≤ K_B,
 *            k_F,i ≥ 1 if φ(o_i) &gt; 0,  k_B,i ≥ 1 if u(o_i) &gt; 0,
 *            T_i ≤ deadline_i (if given),  accuracy(o_i) ≥ floor_i (if given).
 * </pre>
 * T_i is P1's latency (device + upload + edge + download + link latency) with the edge and uplink
 * rates of the user's shares, in expectation over early exits; E_i is P1's device energy likewise.
 * Each user's cost is separable: {@code c_i = A_o + α_o / k_F + β_o / k_B} with
 * {@code α_o = (w_T + w_E·P_idle)·φ·K_F/F} and {@code β_o = (w_T + w_E·P_tx)·u·K_B/R_i}. "Exact"
 * means exact over the stated options. The problem contains the multiple-choice knapsack problem
 * and is NP-hard; it is pseudo-polynomial in K_F·K_B (see the dynamic program).
 *
 * <p>{@link #evaluate(MultiUserPlan)} (through {@link MultiUserEvaluator}) is the one evaluator.
 *
 * @param edge           the shared edge server, F = {@code edge.flopsPerSecond()}
 * @param computeUnits   K_F ≥ 1
 * @param bandwidthUnits K_B ≥ 1
 * @param weights        w_T, w_E
 * @param users          the users, at least one, unique ids
 */
public record MultiUserProblem(EdgeServer edge, int computeUnits, int bandwidthUnits, CostWeights weights,
                               List<User> users) implements Problem<MultiUserPlan> {
    /** Most compute or bandwidth units: 100,000 (a unit is then 0.001 % of the resource). */
    public static final int MAX_UNITS = 100_000;

    public MultiUserProblem {
        Checks.present("edge", edge);
        Checks.present("weights", weights);
        if (computeUnits < 1 || computeUnits > MAX_UNITS) {
            throw new InvalidModelException("computeUnits", "must be in [1, " + MAX_UNITS + "], got " + computeUnits);
        }
        if (bandwidthUnits < 1 || bandwidthUnits > MAX_UNITS) {
            throw new InvalidModelException("bandwidthUnits", "must be in [1, " + MAX_UNITS + "], got "
                    + bandwidthUnits);
        }
        users = List.copyOf(Checks.present("users", users));
        if (users.isEmpty()) {
            throw new InvalidModelException("users", "must hold at least one user, got 0");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            Integer previous = ids.putIfAbsent(users.get(i).id(), i);
            if (previous != null) {
                throw new InvalidModelException("users[" + i + "].id", "duplicate user id \"" + users.get(i).id()
                        + "\" (also users[" + previous + "])");
            }
        }
    }

    @Override
    public Family family() {
        return Family.MULTIUSER;
    }

    @Override
    public MultiUserCost evaluate(MultiUserPlan plan) {
        return MultiUserEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<MultiUserPlan> planType() {
        return MultiUserPlan.class;
    }

    /** Number of users N. */
    public int size() {
        return users.size();
    }

    /** User {@code i}. */
    public User user(int i) {
        return users.get(i);
    }

    /** The cost breakdown of user {@code i} with option {@code option} and the given units. */
    public UserCost userCost(int i, int option, int kF, int kB) {
        return MultiUserEvaluator.userCost(this, i, option, kF, kB);
    }

    /**
     * Whether user {@code i} may take option {@code option} with {@code kF, kB} units: the accuracy
     * floor holds, a needed resource has at least one unit, and the deadline holds. Capacity is
     * not checked here.
     */
    public boolean admissible(int i, int option, int kF, int kB) {
        return MultiUserEvaluator.userViolation(this, i, option, kF, kB) == null;
    }
}
