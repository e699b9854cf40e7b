package org.cleave.workflows.groundtruth.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.workflows.groundtruth.Scenario;

/**
 * P1 over states of uplink rate ({@code uplink}, bit/s), downlink rate ({@code downlink}, bit/s)
 * and device load ({@code load}, ρ ∈ [0, 1)). Plan columns: {@code edge_mask} (one character per
 * layer in topological order, 1 = edge), {@code device_layers} (how many layers run on the
 * device), {@code split_index} (k when the device runs exactly the first k layers of the
 * topological order, else −1), {@code sent_tensors} (ids of the layers whose outputs go up,
 * separated by {@code ;}), {@code latency_seconds} and {@code energy_joules}.
 */
public final class PartitionScenario implements Scenario {
    @Override
    public Family family() {
        return Family.PARTITION;
    }

    @Override
    public Map<String, String> axes() {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("uplink", "uplink rate, bit/s");
        axes.put("downlink", "downlink rate, bit/s");
        axes.put("load", "device load rho in [0, 1)");
        return axes;
    }

    @Override
    public Problem<?> apply(Problem<?> base, List<String> names, double[] values) {
        PartitionProblem p = (PartitionProblem) base;
        for (int k = 0; k < names.size(); k++) {
            double v = values[k];
            p = switch (names.get(k)) {
                case "uplink", "downlink" -> p.withLink(link(p.link(), names.get(k), v));
                case "load" -> p.withDeviceLoad(v);
                default -> throw new IllegalArgumentException("axis: \"" + names.get(k) + "\" is not an axis of"
                        + " family partition; known: " + String.join(", ", axes().keySet()));
            };
        }
        return p;
    }

    @Override
    public List<String> planColumns(Problem<?> base) {
        return List.of("edge_mask", "device_layers", "split_index", "sent_tensors", "latency_seconds",
                "energy_joules");
    }

    @Override
    public List<Object> encodePlan(Problem<?> problem, Object plan) {
        PartitionProblem p = (PartitionProblem) problem;
        Placement placement = (Placement) plan;
        PartitionCost cost = p.evaluate(placement);
        List<Object> row = new ArrayList<>(placementColumns(p.graph(), placement));
        row.add(String.join(";", cost.sentTensors()));
        row.add(cost.latencySeconds());
        row.add(cost.energyJoules());
        return row;
    }

    /**
     * {@code edge_mask}, {@code device_layers} and {@code split_index} of a placement; shared with
     * the families whose plans hold a P1 placement.
     */
    public static List<Object> placementColumns(DnnGraph g, Placement placement) {
        StringBuilder mask = new StringBuilder(g.size());
        int device = 0;
        boolean prefix = true;
        boolean seenEdge = false;
        for (int v = 0; v < g.size(); v++) {
            boolean edge = placement.onEdge(v);
            mask.append(edge ? '1' : '0');
            if (edge) {
                seenEdge = true;
            } else {
                device++;
                prefix &= !seenEdge;
            }
        }
        return List.of(mask.toString(), device, prefix ? device : -1);
    }

    /**
     * {@code link} with the value {@code v} of the {@code uplink} or {@code downlink} axis applied (the
     * rate in bit/s, latency kept); for any other {@code name} the link is returned unchanged. Shared by
     * the single-user families.
     */
    public static Link link(Link link, String name, double v) {
        return switch (name) {
            case "uplink" -> link.withUplinkBitsPerSecond(v);
            case "downlink" -> new Link(link.uplinkBitsPerSecond(), v, link.latencySeconds());
            default -> link;
        };
    }
}
