package org.cleave.workflows.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.upload.MultiUserUploadCost;
import org.cleave.core.upload.UploadCost;

/**
 * The breakdown of a multi-user P5 plan ({@link MultiUserUploadCost}), read from the evaluator's
 * per-user costs: nothing is priced here, the totals are sums and the mean and maximum are taken
 * over the users' latencies. O(N) for N users.
 *
 * <p>Scalar columns ({@link #COLUMNS}): {@code latency_seconds} Σ_i T_i, {@code mean_latency_seconds}
 * Σ_i T_i / N, {@code max_latency_seconds} max_i T_i, {@code energy_joules} Σ_i E_i,
 * {@code compute_units} Σ_i k_F,i, {@code bandwidth_units} Σ_i k_B,i. Per-user columns
 * ({@link #USER_COLUMNS}, one value per user in the instance's order): {@code user_objective}
 * w_T·T_i + w_E·E_i, {@code user_latency_seconds} T_i, {@code user_energy_joules} E_i,
 * {@code user_parameter_seconds} (uplink time spent on the user's parameters) and
 * {@code user_uplink_busy_seconds} (tensors and parameters).
 */
public final class MultiUserUploadBreakdown {
    /** The scalar breakdown keys, in order. */
    public static final List<String> COLUMNS = List.of("latency_seconds", "mean_latency_seconds",
            "max_latency_seconds", "energy_joules", "compute_units", "bandwidth_units");
    /** The per-user breakdown keys, in order. */
    public static final List<String> USER_COLUMNS = List.of("user_objective", "user_latency_seconds",
            "user_energy_joules", "user_parameter_seconds", "user_uplink_busy_seconds");

    private MultiUserUploadBreakdown() {
    }

    /** The scalar breakdown of {@code c}, keyed by {@link #COLUMNS}. */
    public static Map<String, Double> of(MultiUserUploadCost c) {
        double total = 0;
        double max = Double.NEGATIVE_INFINITY;
        double energy = 0;
        for (UploadCost u : c.users()) {
            total += u.latencySeconds();
            max = Math.max(max, u.latencySeconds());
            energy += u.energyJoules();
        }
        int n = c.users().size();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("latency_seconds", total);
        m.put("mean_latency_seconds", n == 0 ? Double.NaN : total / n);
        m.put("max_latency_seconds", n == 0 ? Double.NaN : max);
        m.put("energy_joules", energy);
        m.put("compute_units", (double) c.computeUnitsUsed());
        m.put("bandwidth_units", (double) c.bandwidthUnitsUsed());
        return m;
    }

    /** The per-user vectors of {@code c}, keyed by {@link #USER_COLUMNS}; each has one entry per user. */
    public static Map<String, double[]> perUser(MultiUserUploadCost c) {
        List<UploadCost> users = c.users();
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("user_objective", users.stream().mapToDouble(UploadCost::objective).toArray());
        m.put("user_latency_seconds", users.stream().mapToDouble(UploadCost::latencySeconds).toArray());
        m.put("user_energy_joules", users.stream().mapToDouble(UploadCost::energyJoules).toArray());
        m.put("user_parameter_seconds", users.stream().mapToDouble(UploadCost::parameterSeconds).toArray());
        m.put("user_uplink_busy_seconds", users.stream().mapToDouble(UploadCost::uplinkBusySeconds).toArray());
        return m;
    }
}
