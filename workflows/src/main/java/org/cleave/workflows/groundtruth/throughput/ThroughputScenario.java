package org.cleave.workflows.groundtruth.throughput;

import static org.cleave.workflows.groundtruth.ColumnType.DOUBLE;
import static org.cleave.workflows.groundtruth.ColumnType.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.Scenario;
import org.cleave.workflows.groundtruth.exits.ExitsScenario;
import org.cleave.workflows.groundtruth.partition.PartitionScenario;

/**
 * P3 (throughput) over states of {@code uplink} and {@code downlink} (bit/s), device {@code load} ρ,
 * required frame rate {@code frame-rate} (Q, frames/s; column {@code state_frame_rate}) and accuracy
 * floor {@code accuracy} (A_min in [0, 1]). Plan columns: {@code plan_active_exits} (exit ids),
 * {@code plan_exit_count}, then P1's {@code plan_edge_mask}, {@code plan_device_layers},
 * {@code plan_split_index} and {@code plan_sent_tensors}; cost columns {@code cost_period_seconds}
 * (the objective, max of the three stages), {@code cost_throughput_per_second},
 * {@code cost_bottleneck} ({@code DEVICE}, {@code UPLINK} or {@code EDGE}), {@code cost_accuracy}
 * (expected) and the stage times {@code cost_device_stage_seconds}, {@code cost_uplink_stage_seconds},
 * {@code cost_edge_stage_seconds}. A state whose frame rate or floor no plan meets has no plan
 * (status {@code INFEASIBLE}, plan and cost columns empty).
 */
public final class ThroughputScenario implements Scenario {
    @Override
    public Family family() {
        return Family.THROUGHPUT;
    }

    @Override
    public Map<String, String> axes() {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("uplink", "uplink rate, bit/s");
        axes.put("downlink", "downlink rate, bit/s");
        axes.put("load", "device load rho in [0, 1)");
        axes.put("frame-rate", "required frame rate Q, frames/s (> 0)");
        axes.put("accuracy", "accuracy floor A_min in [0, 1]");
        return axes;
    }

    @Override
    public Problem<?> apply(Problem<?> base, List<String> names, double[] values) {
        ThroughputProblem p = (ThroughputProblem) base;
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            double v = values[k];
            p = switch (name) {
                case "uplink", "downlink" -> p.withLink(PartitionScenario.link(p.link(), name, v));
                case "load" -> new ThroughputProblem(p.graph(), p.device(), p.edge(), p.link(), v, p.finalAccuracy(),
                        p.minAccuracy(), p.frameRatePerSecond());
                case "frame-rate" -> p.withFrameRate(OptionalDouble.of(v));
                case "accuracy" -> new ThroughputProblem(p.graph(), p.device(), p.edge(), p.link(), p.deviceLoad(),
                        p.finalAccuracy(), v, p.frameRatePerSecond());
                default -> throw new IllegalArgumentException("axis: \"" + name + "\" is not an axis of family"
                        + " throughput; known: " + String.join(", ", axes().keySet()));
            };
        }
        return p;
    }

    @Override
    public List<Column> planColumns(Problem<?> base) {
        List<Column> columns = new java.util.ArrayList<>(ExitsScenario.EXIT_PLAN_COLUMNS);
        columns.addAll(List.of(new Column("cost_period_seconds", DOUBLE), new Column("cost_throughput_per_second", DOUBLE),
                new Column("cost_bottleneck", STRING), new Column("cost_accuracy", DOUBLE),
                new Column("cost_device_stage_seconds", DOUBLE), new Column("cost_uplink_stage_seconds", DOUBLE),
                new Column("cost_edge_stage_seconds", DOUBLE)));
        return List.copyOf(columns);
    }

    @Override
    public void encodePlan(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out) {
        ThroughputProblem p = (ThroughputProblem) problem;
        ExitPlan e = (ExitPlan) plan;
        ThroughputCost cost = (ThroughputCost) evaluation;
        ExitsScenario.addExitPlanColumns(p.graph(), e, cost.sentTensors(), out);
        out.add(cost.periodSeconds());
        out.add(cost.throughputPerSecond());
        out.add(cost.bottleneck().name());
        out.add(cost.accuracy());
        out.add(cost.deviceStageSeconds());
        out.add(cost.uplinkStageSeconds());
        out.add(cost.edgeStageSeconds());
    }
}
