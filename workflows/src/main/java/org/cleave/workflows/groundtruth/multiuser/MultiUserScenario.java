package org.cleave.workflows.groundtruth.multiuser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.multiuser.MultiUserCost;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.User;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.ColumnType;
import org.cleave.workflows.groundtruth.Scenario;

/**
 * P4 over states of {@code users} (the first N users of the base instance), {@code units}
 * (K_F = K_B), {@code compute-units} (K_F), {@code bandwidth-units} (K_B), {@code uplink-scale}
 * (every user's uplink rate multiplied by the value) and {@code edge-flops} (the edge's FLOP/s).
 * Unit counts are rounded to the nearest integer (their state columns are integers). Plan columns,
 * arrays with one entry per user in user order: {@code plan_option_index}, {@code plan_option_label},
 * {@code plan_compute_units}, {@code plan_bandwidth_units}; cost columns: the totals
 * {@code cost_latency_seconds} and {@code cost_energy_joules}, and the per-user arrays
 * {@code cost_user_latency_seconds} and {@code cost_user_energy_joules}.
 */
public final class MultiUserScenario implements Scenario {
    @Override
    public Family family() {
        return Family.MULTIUSER;
    }

    @Override
    public Map<String, String> axes() {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("users", "number of users (the first N of the base instance)");
        axes.put("units", "K_F = K_B");
        axes.put("compute-units", "K_F");
        axes.put("bandwidth-units", "K_B");
        axes.put("uplink-scale", "factor on every user's uplink rate");
        axes.put("edge-flops", "edge compute rate, FLOP/s");
        return axes;
    }

    @Override
    public Problem<?> apply(Problem<?> base, List<String> names, double[] values) {
        MultiUserProblem p = (MultiUserProblem) base;
        EdgeServer edge = p.edge();
        int kf = p.computeUnits();
        int kb = p.bandwidthUnits();
        List<User> users = p.users();
        for (int k = 0; k < names.size(); k++) {
            double v = values[k];
            switch (names.get(k)) {
                case "users" -> {
                    int n = (int) Math.round(v);
                    if (n < 1 || n > p.users().size()) {
                        throw new IllegalArgumentException("axis users: must be within 1.." + p.users().size()
                                + " (the base instance's users), got " + v);
                    }
                    users = users.subList(0, n);
                }
                case "units" -> {
                    kf = (int) Math.round(v);
                    kb = kf;
                }
                case "compute-units" -> kf = (int) Math.round(v);
                case "bandwidth-units" -> kb = (int) Math.round(v);
                case "uplink-scale" -> {
                    List<User> scaled = new ArrayList<>();
                    for (User u : users) {
                        Link l = u.link();
                        scaled.add(new User(u.id(), u.device(), l.withUplinkBitsPerSecond(l.uplinkBitsPerSecond() * v),
                                u.deadlineSeconds(), u.accuracyFloor(), u.options()));
                    }
                    users = scaled;
                }
                case "edge-flops" -> edge = new EdgeServer(v);
                default -> throw new IllegalArgumentException("axis: \"" + names.get(k) + "\" is not an axis of"
                        + " family multiuser; known: " + String.join(", ", axes().keySet()));
            }
        }
        return new MultiUserProblem(edge, kf, kb, p.weights(), users);
    }

    @Override
    public ColumnType axisType(String name) {
        return switch (name) {
            case "users", "units", "compute-units", "bandwidth-units" -> ColumnType.INT;
            default -> ColumnType.DOUBLE;
        };
    }

    @Override
    public List<Column> planColumns(Problem<?> base) {
        return List.of(new Column("plan_option_index", ColumnType.INT_ARRAY),
                new Column("plan_option_label", ColumnType.STRING_ARRAY),
                new Column("plan_compute_units", ColumnType.INT_ARRAY),
                new Column("plan_bandwidth_units", ColumnType.INT_ARRAY),
                new Column("cost_latency_seconds", ColumnType.DOUBLE), new Column("cost_energy_joules", ColumnType.DOUBLE),
                new Column("cost_user_latency_seconds", ColumnType.DOUBLE_ARRAY),
                new Column("cost_user_energy_joules", ColumnType.DOUBLE_ARRAY));
    }

    @Override
    public void encodePlan(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out) {
        MultiUserProblem p = (MultiUserProblem) problem;
        MultiUserPlan m = (MultiUserPlan) plan;
        MultiUserCost cost = (MultiUserCost) evaluation;
        List<UserChoice> c = m.choices();
        int n = c.size();
        int[] option = new int[n];
        int[] compute = new int[n];
        int[] bandwidth = new int[n];
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            option[i] = c.get(i).option();
            compute[i] = c.get(i).computeUnits();
            bandwidth[i] = c.get(i).bandwidthUnits();
            labels.add(p.users().get(i).options().get(option[i]).label());
        }
        double[] latency = new double[cost.users().size()];
        double[] energy = new double[cost.users().size()];
        for (int i = 0; i < latency.length; i++) {
            latency[i] = cost.users().get(i).latencySeconds();
            energy[i] = cost.users().get(i).energyJoules();
        }
        out.add(option);
        out.add(labels);
        out.add(compute);
        out.add(bandwidth);
        out.add(cost.latencySeconds());
        out.add(cost.energyJoules());
        out.add(latency);
        out.add(energy);
    }
}
