package org.cleave.workflows.groundtruth.upload;

import static org.cleave.workflows.groundtruth.ColumnType.DOUBLE;
import static org.cleave.workflows.groundtruth.ColumnType.INT;
import static org.cleave.workflows.groundtruth.ColumnType.INT_ARRAY;
import static org.cleave.workflows.groundtruth.ColumnType.STRING_ARRAY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.upload.UploadCost;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.ColumnType;
import org.cleave.workflows.groundtruth.Scenario;
import org.cleave.workflows.groundtruth.partition.PartitionScenario;

/**
 * P5 (partition with model uploading) over states of {@code uplink} and {@code downlink} (bit/s),
 * device {@code load} ρ and uploading {@code mode}: an INT axis whose value is the index of the
 * mode, {@code 0} = parallel, {@code 1} = serial, {@code 2} = preloaded (P1's cost), so
 * {@code mode=0:1:2:lin} labels every state in both MJOA-MU modes. Plan columns: P1's
 * {@code plan_edge_mask}, {@code plan_device_layers}, {@code plan_split_index} and
 * {@code plan_sent_tensors}; cost columns {@code cost_latency_seconds}, {@code cost_energy_joules},
 * {@code cost_parameter_seconds} (time the uplink spends on parameters) and
 * {@code cost_uplink_busy_seconds} (tensors and parameters). Single-user P5 only: a multi-user P5
 * instance is refused.
 */
public final class UploadScenario implements Scenario {
    @Override
    public Family family() {
        return Family.UPLOAD;
    }

    @Override
    public Map<String, String> axes() {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("uplink", "uplink rate, bit/s");
        axes.put("downlink", "downlink rate, bit/s");
        axes.put("load", "device load rho in [0, 1)");
        axes.put("mode", "uploading mode: 0 parallel, 1 serial, 2 preloaded");
        return axes;
    }

    @Override
    public ColumnType axisType(String name) {
        return name.equals("mode") ? ColumnType.INT : ColumnType.DOUBLE;
    }

    @Override
    public Problem<?> apply(Problem<?> base, List<String> names, double[] values) {
        UploadProblem p = single(base);
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            double v = values[k];
            p = switch (name) {
                case "uplink", "downlink" -> p.withLink(PartitionScenario.link(p.link(), name, v));
                case "load" -> new UploadProblem(p.graph(), p.device(), p.edge(), p.link(), p.weights(), v, p.mode());
                case "mode" -> p.withMode(mode(v));
                default -> throw new IllegalArgumentException("axis: \"" + name + "\" is not an axis of family"
                        + " upload; known: " + String.join(", ", axes().keySet()));
            };
        }
        return p;
    }

    /** The mode of axis value {@code v} (rounded): 0 parallel, 1 serial, 2 preloaded. */
    static UploadMode mode(double v) {
        long i = Math.round(v);
        UploadMode[] modes = UploadMode.values();
        if (i < 0 || i >= modes.length) {
            throw new IllegalArgumentException("axis mode: must be 0 (parallel), 1 (serial) or 2 (preloaded), got "
                    + v);
        }
        return modes[(int) i];
    }

    /** {@code problem} as a single-user P5 problem; multi-user P5 has no scenario yet. */
    private static UploadProblem single(Problem<?> problem) {
        if (!(problem instanceof UploadProblem p)) {
            throw new IllegalArgumentException("instance: multi-user P5 (upload) instances have no ground-truth"
                    + " scenario yet; single-user P5 instances do");
        }
        return p;
    }

    @Override
    public List<Column> planColumns(Problem<?> base) {
        single(base);
        return List.of(new Column("plan_edge_mask", INT_ARRAY), new Column("plan_device_layers", INT),
                new Column("plan_split_index", INT), new Column("plan_sent_tensors", STRING_ARRAY),
                new Column("cost_latency_seconds", DOUBLE), new Column("cost_energy_joules", DOUBLE),
                new Column("cost_parameter_seconds", DOUBLE), new Column("cost_uplink_busy_seconds", DOUBLE));
    }

    @Override
    public void encodePlan(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out) {
        UploadProblem p = (UploadProblem) problem;
        UploadCost cost = (UploadCost) evaluation;
        PartitionScenario.addPlacementColumns(p.graph(), (Placement) plan, out);
        out.add(cost.sentTensors());
        out.add(cost.latencySeconds());
        out.add(cost.energyJoules());
        out.add(cost.parameterSeconds());
        out.add(cost.uplinkBusySeconds());
    }
}
