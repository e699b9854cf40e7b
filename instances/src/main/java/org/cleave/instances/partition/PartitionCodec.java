package org.cleave.instances.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.cleave.core.model.Checks;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCost;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;
import org.cleave.instances.io.PlanJson;

/**
 * The P1 instance format: {@code model}, {@code device}, {@code edge}, {@code link}, optional
 * {@code objective} ({@code latencyWeight}, {@code energyWeight}; default 1 and 0) and optional
 * {@code deviceLoad} (default 0).
 */
public final class PartitionCodec implements FamilyCodec {
    @Override
    public Family family() {
        return Family.PARTITION;
    }

    @Override
    public Set<String> fields() {
        return Set.of("model", "device", "edge", "link", "objective", "deviceLoad");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        DnnGraph graph = ModelJson.readModel(Json.object(root, "model", path), path + ".model");
        var device = ModelJson.readDevice(Json.object(root, "device", path), path + ".device");
        var edge = ModelJson.readEdge(Json.object(root, "edge", path), path + ".edge");
        var link = ModelJson.readLink(Json.object(root, "link", path), path + ".link");
        var weights = ModelJson.readWeights(root, "objective", path);
        double load = Json.optionalNumber(root, "deviceLoad", path, 0);
        ModelJson.at(path, () -> Checks.load("deviceLoad", load));
        return ModelJson.at(path, () -> new PartitionProblem(graph, device, edge, link, weights, load));
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        PartitionProblem p = (PartitionProblem) problem;
        root.set("model", ModelJson.writeModel(p.graph()));
        root.set("device", ModelJson.writeDevice(p.device()));
        root.set("edge", ModelJson.writeEdge(p.edge()));
        root.set("link", ModelJson.writeLink(p.link()));
        root.set("objective", ModelJson.writeWeights(p.weights()));
        root.put("deviceLoad", p.deviceLoad());
    }

    private static final Set<String> PLAN_FIELDS = Set.of("deviceLayers", "edgeLayers", "edgeMask", "sentTensors",
            "cost");

    /** Reads {@code edgeLayers}/{@code deviceLayers}/{@code edgeMask} (see {@link PlanJson}); ignores the rest. */
    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        PartitionProblem p = (PartitionProblem) problem;
        return PlanJson.placement(p.graph(), PlanJson.object(plan, path, PLAN_FIELDS), path);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        return writePlan(problem, plan, ((PartitionProblem) problem).evaluate((Placement) plan));
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan, Evaluation evaluation) {
        PartitionProblem p = (PartitionProblem) problem;
        Placement placement = (Placement) plan;
        PartitionCost cost = cost(evaluation);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putPOJO("deviceLayers", placement.deviceLayerIds(p.graph()));
        o.putPOJO("edgeLayers", placement.edgeLayerIds(p.graph()));
        o.putPOJO("sentTensors", cost.sentTensors());
        o.set("cost", writeCost(p, placement, cost));
        return o;
    }

    @Override
    public JsonNode writeCost(Problem<?> problem, Object plan, Evaluation evaluation) {
        PartitionCost cost = cost(evaluation);
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("objective", cost.objective());
        c.put("latencySeconds", cost.latencySeconds());
        c.put("deviceComputeSeconds", cost.deviceComputeSeconds());
        c.put("uploadSeconds", cost.uploadSeconds());
        c.put("edgeComputeSeconds", cost.edgeComputeSeconds());
        c.put("downloadSeconds", cost.downloadSeconds());
        c.put("linkLatencySeconds", cost.linkLatencySeconds());
        c.put("energyJoules", cost.energyJoules());
        c.put("computeJoules", cost.computeJoules());
        c.put("transmitJoules", cost.transmitJoules());
        c.put("idleJoules", cost.idleJoules());
        return c;
    }

    private static PartitionCost cost(Evaluation evaluation) {
        if (evaluation instanceof PartitionCost cost) {
            return cost;
        }
        throw new IllegalArgumentException("evaluation: a P1 plan's breakdown is a PartitionCost, got "
                + (evaluation == null ? "null" : evaluation.getClass().getSimpleName()));
    }
}
