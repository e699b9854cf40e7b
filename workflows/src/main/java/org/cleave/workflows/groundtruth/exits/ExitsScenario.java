package org.cleave.workflows.groundtruth.exits;

import static org.cleave.workflows.groundtruth.ColumnType.DOUBLE;
import static org.cleave.workflows.groundtruth.ColumnType.INT;
import static org.cleave.workflows.groundtruth.ColumnType.INT_ARRAY;
import static org.cleave.workflows.groundtruth.ColumnType.STRING_ARRAY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.Scenario;
import org.cleave.workflows.groundtruth.partition.PartitionScenario;

/**
 * P2 over states of {@code uplink} and {@code downlink} (bit/s), device {@code load} ρ, latency
 * bound {@code latency} (s; variant (b)'s L, or variant (a)'s optional bound) and accuracy floor
 * {@code accuracy} (variant (a) only). Plan columns: {@code plan_active_exits} (exit ids),
 * {@code plan_exit_count}, then P1's {@code plan_edge_mask}, {@code plan_device_layers},
 * {@code plan_split_index} and {@code plan_sent_tensors}; cost columns: the expected
 * {@code cost_latency_seconds}, {@code cost_energy_joules} and {@code cost_accuracy}.
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
    public List<Column> planColumns(Problem<?> base) {
        List<Column> columns = new java.util.ArrayList<>(EXIT_PLAN_COLUMNS);
        columns.addAll(List.of(new Column("cost_latency_seconds", DOUBLE), new Column("cost_energy_joules", DOUBLE),
                new Column("cost_accuracy", DOUBLE)));
        return List.copyOf(columns);
    }

    @Override
    public void encodePlan(Problem<?> problem, Object plan, Evaluation evaluation, List<Object> out) {
        ExitsProblem p = (ExitsProblem) problem;
        ExitPlan e = (ExitPlan) plan;
        ExitsCost cost = (ExitsCost) evaluation;
        addExitPlanColumns(p.graph(), e, cost.sentTensors(), out);
        out.add(cost.latencySeconds());
        out.add(cost.energyJoules());
        out.add(cost.accuracy());
    }

    /**
     * The plan columns of an {@link ExitPlan}, shared by P2 and P3: {@code plan_active_exits},
     * {@code plan_exit_count}, the placement columns of P1 and {@code plan_sent_tensors}.
     */
    public static final List<Column> EXIT_PLAN_COLUMNS = List.of(new Column("plan_active_exits", STRING_ARRAY),
            new Column("plan_exit_count", INT), new Column("plan_edge_mask", INT_ARRAY),
            new Column("plan_device_layers", INT), new Column("plan_split_index", INT),
            new Column("plan_sent_tensors", STRING_ARRAY));

    /**
     * Appends the values of {@link #EXIT_PLAN_COLUMNS} for {@code plan} to {@code out}. The first,
     * {@code plan_active_exits}, is a new list object per call (never the plan's own list, which a
     * warm solver shares between plans of one exit set): the labeller keys a plan's text by the
     * identity of its first plan value.
     */
    public static void addExitPlanColumns(org.cleave.core.model.DnnGraph g, ExitPlan plan, List<String> sentTensors,
                                          List<Object> out) {
        out.add(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(plan.activeExits())));
        out.add(plan.activeExits().size());
        PartitionScenario.addPlacementColumns(g, plan.placement(), out);
        out.add(sentTensors);
    }
}
