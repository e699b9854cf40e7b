package org.cleave.workflows.groundtruth.exits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.workflows.groundtruth.Scenario;
import org.cleave.workflows.groundtruth.partition.PartitionScenario;

/**
 * P2 over states of {@code uplink} and {@code downlink} (bit/s), device {@code load} ρ, latency
 * bound {@code latency} (s; variant (b)'s L, or variant (a)'s optional bound) and accuracy floor
 * {@code accuracy} (variant (a) only). Plan columns: {@code active_exits} (ids separated by
 * {@code ;}), {@code exit_count}, then P1's {@code edge_mask}, {@code device_layers},
 * {@code split_index} and {@code sent_tensors}, and the expected {@code latency_seconds},
 * {@code energy_joules} and {@code accuracy}.
 */
public final class ExitsScenario implements Scenario {
    @Override
    public Family family() {
        return Family.EXITS;
    }

    @Override
    public Map<String, String> axes() {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("uplink", "uplink rate, bit/s");
        axes.put("downlink", "downlink rate, bit/s");
        axes.put("load", "device load rho in [0, 1)");
        axes.put("latency", "latency bound L, s");
        axes.put("accuracy", "accuracy floor A_min (variant a)");
        return axes;
    }

    @Override
    public Problem<?> apply(Problem<?> base, List<String> names, double[] values) {
        ExitsProblem p = (ExitsProblem) base;
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            double v = values[k];
            p = switch (name) {
                case "uplink", "downlink" -> p.withLink(PartitionScenario.link(p.link(), name, v));
                case "load" -> new ExitsProblem(p.graph(), p.device(), p.edge(), p.link(), v, p.finalAccuracy(),
                        p.variant());
                case "latency" -> p.withVariant(p.variant() instanceof ExitsProblem.MinCost m
                        ? new ExitsProblem.MinCost(m.weights(), m.minAccuracy(), OptionalDouble.of(v))
                        : new ExitsProblem.RightSizing(v));
                case "accuracy" -> {
                    if (!(p.variant() instanceof ExitsProblem.MinCost m)) {
                        throw new IllegalArgumentException("axis accuracy: only variant (a) (minCost) has an"
                                + " accuracy floor");
                    }
                    yield p.withVariant(new ExitsProblem.MinCost(m.weights(), v, m.maxLatencySeconds()));
                }
                default -> throw new IllegalArgumentException("axis: \"" + name + "\" is not an axis of family"
                        + " exits; known: " + String.join(", ", axes().keySet()));
            };
        }
        return p;
    }

    @Override
    public List<String> planColumns(Problem<?> base) {
        return List.of("active_exits", "exit_count", "edge_mask", "device_layers", "split_index", "sent_tensors",
                "latency_seconds", "energy_joules", "accuracy");
    }

    @Override
    public List<Object> encodePlan(Problem<?> problem, Object plan) {
        ExitsProblem p = (ExitsProblem) problem;
        ExitPlan e = (ExitPlan) plan;
        ExitsCost cost = p.evaluate(e);
        List<Object> row = new ArrayList<>();
        row.add(String.join(";", e.activeExits()));
        row.add(e.activeExits().size());
        row.addAll(PartitionScenario.placementColumns(p.graph(), e.placement()));
        row.add(String.join(";", cost.sentTensors()));
        row.add(cost.latencySeconds());
        row.add(cost.energyJoules());
        row.add(cost.accuracy());
        return row;
    }
}
