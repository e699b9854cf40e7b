package org.cleave.workflows.groundtruth.partition;

import static org.cleave.workflows.groundtruth.ColumnType.DOUBLE;
import static org.cleave.workflows.groundtruth.ColumnType.INT;
import static org.cleave.workflows.groundtruth.ColumnType.INT_ARRAY;
import static org.cleave.workflows.groundtruth.ColumnType.STRING_ARRAY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.Checks;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.Scenario;

/**
 * P1 over states of uplink rate ({@code uplink}, bit/s), downlink rate ({@code downlink}, bit/s)
 * and device load ({@code load}, ρ ∈ [0, 1)). Plan columns: {@code plan_edge_mask} (one 0/1 per
 * layer in topological order, 1 = edge), {@code plan_device_layers} (how many layers run on the
 * device), {@code plan_split_index} (k when the device runs exactly the first k layers of the
 * topological order, else −1), {@code plan_sent_tensors} (ids of the layers whose outputs go up);
 * cost columns {@code cost_latency_seconds} and {@code cost_energy_joules}.
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
        Link link = p.link();
        double load = p.deviceLoad();
        for (int k = 0; k < names.size(); k++) {
            double v = values[k];
            switch (names.get(k)) {
                case "uplink", "downlink" -> link = link(link, names.get(k), v);
                case "load" -> load = Checks.load("deviceLoad", v);
                default -> throw new IllegalArgumentException("axis: \"" + names.get(k) + "\" is not an axis of"
                        + " family partition; known: " + String.join(", ", axes().keySet()));
            }
        }
        // one problem (one FiniteCosts pass) per state; the values are checked in axis order as before
        return new PartitionProblem(p.graph(), p.device(), p.edge(), link, p.weights(), load);
    }

    @Override
    public List<Column> planColumns(Problem<?> base) {
        return List.of(new Column("plan_edge_mask", INT_ARRAY), new Column("plan_device_layers", INT),
                new Column("plan_split_index", INT), new Column("plan_sent_tensors", STRING_ARRAY),
                new Column("cost_latency_seconds", DOUBLE), new Column("cost_energy_joules", DOUBLE));
    }

    @Override
    public void encodePlan(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out) {
        PartitionProblem p = (PartitionProblem) problem;
        PartitionCost cost = (PartitionCost) evaluation;
        addPlacementColumns(p.graph(), (Placement) plan, out);
        out.add(cost.sentTensors());
        out.add(cost.latencySeconds());
        out.add(cost.energyJoules());
    }

    @Override
    public void encodeCosts(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out) {
        PartitionCost cost = (PartitionCost) evaluation;
        out.add(cost.latencySeconds());
        out.add(cost.energyJoules());
    }

    /**
     * Appends {@code plan_edge_mask} ({@code int[]}), {@code plan_device_layers} and
     * {@code plan_split_index} of a placement; shared with the families whose plans hold a P1
     * placement.
     */
    public static void addPlacementColumns(DnnGraph g, Placement placement, List<Object> out) {
        int[] mask = new int[g.size()];
        int device = 0;
        boolean prefix = true;
        boolean seenEdge = false;
        for (int v = 0; v < mask.length; v++) {
            boolean edge = placement.onEdge(v);
            mask[v] = edge ? 1 : 0;
            if (edge) {
                seenEdge = true;
            } else {
                device++;
                prefix &= !seenEdge;
            }
        }
        out.add(mask);
        out.add(device);
        out.add(prefix ? device : -1);
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
