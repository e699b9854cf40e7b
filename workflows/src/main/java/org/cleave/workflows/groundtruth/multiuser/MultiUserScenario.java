package org.cleave.workflows.groundtruth.multiuser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.multiuser.MultiUserCost;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.User;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.workflows.groundtruth.Scenario;

/**
 * P4 over states of {@code users} (the first N users of the base instance), {@code units}
 * (K_F = K_B), {@code compute-units} (K_F), {@code bandwidth-units} (K_B), {@code uplink-scale}
 * (every user's uplink rate multiplied by the value) and {@code edge-flops} (the edge's FLOP/s).
 * Unit counts are rounded to the nearest integer. Plan columns, one entry per user separated by
 * {@code ;} in user order: {@code option_index}, {@code option_label}, {@code compute_units},
 * {@code bandwidth_units}; then the totals {@code latency_seconds} and {@code energy_joules}.
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
    public List<String> planColumns(Problem<?> base) {
        return List.of("option_index", "option_label", "compute_units", "bandwidth_units", "latency_seconds",
                "energy_joules");
    }

    @Override
    public List<Object> encodePlan(Problem<?> problem, Object plan) {
        MultiUserProblem p = (MultiUserProblem) problem;
        MultiUserPlan m = (MultiUserPlan) plan;
        MultiUserCost cost = p.evaluate(m);
        List<UserChoice> c = m.choices();
        List<Object> row = new ArrayList<>();
        row.add(c.stream().map(x -> String.valueOf(x.option())).collect(Collectors.joining(";")));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            labels.add(p.users().get(i).options().get(c.get(i).option()).label());
        }
        row.add(String.join(";", labels));
        row.add(c.stream().map(x -> String.valueOf(x.computeUnits())).collect(Collectors.joining(";")));
        row.add(c.stream().map(x -> String.valueOf(x.bandwidthUnits())).collect(Collectors.joining(";")));
        row.add(cost.latencySeconds());
        row.add(cost.energyJoules());
        return row;
    }
}
