package org.cleave.instances.exits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.FinalClassifier;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;
import org.cleave.instances.io.PlanJson;

/**
 * The P2 instance format (family {@code exits}): {@code model} (with its {@code exits}),
 * {@code device}, {@code edge}, {@code link}, optional {@code deviceLoad} (default 0),
 * {@code finalAccuracy} (accuracy of the output layer, the final classifier; may be left out when
 * the model has an exit after its output layer, which is then lifted by
 * {@link FinalClassifier#lift} and written back as {@code finalAccuracy}) and a
 * {@code variant} object:
 * <pre>
 *   {"kind": "minCost", "objective": {...}, "minAccuracy": 0.8, "maxLatencySeconds": 0.1}
 *   {"kind": "rightSizing", "maxLatencySeconds": 0.1}
 * </pre>
 * In {@code minCost}, {@code objective} (weights, default latency only), {@code minAccuracy}
 * (default 0) and {@code maxLatencySeconds} (default none) are optional. The JSON Schema of these
 * fields is {@code /org/cleave/instances/exits.schema.json}.
 */
public final class ExitsCodec implements FamilyCodec {
    static final String MIN_COST = "minCost";
    static final String RIGHT_SIZING = "rightSizing";

    @Override
    public Family family() {
        return Family.EXITS;
    }

    @Override
    public Set<String> fields() {
        return Set.of("model", "device", "edge", "link", "deviceLoad", "finalAccuracy", "variant");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        Shared c = readShared(root, path);
        ExitsProblem.Variant variant = readVariant(Json.object(root, "variant", path), path + ".variant");
        return ModelJson.at(path, () -> new ExitsProblem(c.graph(), c.device(), c.edge(), c.link(), c.deviceLoad(),
                c.finalAccuracy(), variant));
    }

    /**
     * The fields P2 and P3 share.
     *
     * @param graph         the model, its final classifier exit lifted if it had one
     * @param device        the device
     * @param edge          the edge server
     * @param link          the link
     * @param deviceLoad    the device load (default 0)
     * @param finalAccuracy the final classifier's accuracy
     */
    public record Shared(DnnGraph graph, Device device, EdgeServer edge, Link link, double deviceLoad,
                         double finalAccuracy) {
    }

    /** Reads {@code model, device, edge, link, deviceLoad, finalAccuracy}. */
    public static Shared readShared(ObjectNode root, String path) {
        DnnGraph graph = ModelJson.readModel(Json.object(root, "model", path), path + ".model");
        Device device = ModelJson.readDevice(Json.object(root, "device", path), path + ".device");
        EdgeServer edge = ModelJson.readEdge(Json.object(root, "edge", path), path + ".edge");
        Link link = ModelJson.readLink(Json.object(root, "link", path), path + ".link");
        double load = Json.optionalNumber(root, "deviceLoad", path, 0);
        ModelJson.at(path, () -> Checks.load("deviceLoad", load));
        FinalClassifier f = readFinalClassifier(root, path, graph);
        return new Shared(f.graph(), device, edge, link, load, f.accuracy());
    }

    /** Writes {@code model, device, edge, link, deviceLoad, finalAccuracy}. */
    public static void writeShared(ObjectNode root, Shared c) {
        root.set("model", ModelJson.writeModel(c.graph()));
        root.set("device", ModelJson.writeDevice(c.device()));
        root.set("edge", ModelJson.writeEdge(c.edge()));
        root.set("link", ModelJson.writeLink(c.link()));
        root.put("deviceLoad", c.deviceLoad());
        root.put("finalAccuracy", c.finalAccuracy());
    }

    /**
     * The model and the final classifier's accuracy: {@code finalAccuracy} if given; otherwise
     * the model's exit after its output layer, lifted by {@link FinalClassifier#lift}. Giving both,
     * or neither, is an error.
     */
    public static FinalClassifier readFinalClassifier(ObjectNode root, String path, DnnGraph graph) {
        var lifted = ModelJson.at(path + ".model", () -> FinalClassifier.lift(graph));
        if (Json.has(root, "finalAccuracy")) {
            if (lifted.isPresent()) {
                throw new InvalidInstanceException(path + ".finalAccuracy: given twice: also as the accuracy "
                        + lifted.get().accuracy() + " of the model's exit after its output layer \""
                        + graph.output().id() + "\". Maybe drop one of them");
            }
            double a = Json.number(root, "finalAccuracy", path);
            ModelJson.at(path, () -> Checks.probability("finalAccuracy", a));
            return new FinalClassifier(graph, a);
        }
        return lifted.orElseThrow(() -> new InvalidInstanceException(path + ".finalAccuracy: required number is"
                + " missing (the accuracy of the final classifier, the output layer; or hang an exit with"
                + " exitRate 1 after the output layer \"" + graph.output().id() + "\")"));
    }

    static ExitsProblem.Variant readVariant(ObjectNode node, String path) {
        String kind = Json.string(node, "kind", path);
        switch (kind) {
            case MIN_COST -> {
                Json.onlyFields(node, path, Set.of("kind", "objective", "minAccuracy", "maxLatencySeconds"));
                CostWeights w = ModelJson.readWeights(node, "objective", path);
                double minAccuracy = Json.optionalNumber(node, "minAccuracy", path, 0);
                OptionalDouble bound = Json.has(node, "maxLatencySeconds")
                        ? OptionalDouble.of(Json.number(node, "maxLatencySeconds", path)) : OptionalDouble.empty();
                return ModelJson.at(path, () -> new ExitsProblem.MinCost(w, minAccuracy, bound));
            }
            case RIGHT_SIZING -> {
                Json.onlyFields(node, path, Set.of("kind", "maxLatencySeconds"));
                double bound = Json.number(node, "maxLatencySeconds", path);
                return ModelJson.at(path, () -> new ExitsProblem.RightSizing(bound));
            }
            default -> throw new InvalidInstanceException(path + ".kind: unknown variant \"" + kind + "\"; known: "
                    + MIN_COST + " (minimise expected cost s.t. an accuracy floor), " + RIGHT_SIZING
                    + " (Edgent: one exit, maximise accuracy s.t. a latency bound)");
        }
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        ExitsProblem p = (ExitsProblem) problem;
        writeShared(root, new Shared(p.graph(), p.device(), p.edge(), p.link(), p.deviceLoad(), p.finalAccuracy()));
        ObjectNode v = root.putObject("variant");
        if (p.variant() instanceof ExitsProblem.MinCost a) {
            v.put("kind", MIN_COST);
            v.set("objective", ModelJson.writeWeights(a.weights()));
            v.put("minAccuracy", a.minAccuracy());
            a.maxLatencySeconds().ifPresent(l -> v.put("maxLatencySeconds", l));
        } else {
            v.put("kind", RIGHT_SIZING);
            v.put("maxLatencySeconds", ((ExitsProblem.RightSizing) p.variant()).maxLatencySeconds());
        }
    }

    /** The fields of a P2/P3 plan: the decision ({@code activeExits} and a placement) and what is derived. */
    public static final Set<String> PLAN_FIELDS = Set.of("activeExits", "deviceLayers", "edgeLayers", "edgeMask",
            "sentTensors", "stops", "feasible", "violations", "cost");

    /** Reads {@code activeExits} and the placement of a P2 or P3 plan over {@code graph}. */
    public static ExitPlan readExitPlan(DnnGraph graph, JsonNode plan, String path) {
        ObjectNode o = PlanJson.object(plan, path, PLAN_FIELDS);
        List<String> exits = PlanJson.activeExits(graph, o, path);
        return new ExitPlan(exits, PlanJson.placement(graph, o, path));
    }

    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        return readExitPlan(((ExitsProblem) problem).graph(), plan, path);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        return writePlan(problem, plan, ((ExitsProblem) problem).evaluate((ExitPlan) plan));
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan, Evaluation evaluation) {
        ExitsProblem p = (ExitsProblem) problem;
        ExitPlan x = (ExitPlan) plan;
        ExitsCost cost = cost(evaluation);
        ObjectNode o = planHeader(p.graph(), x, cost.stops(), cost.sentTensors(), cost.violations());
        o.set("cost", writeCost(p, x, cost));
        return o;
    }

    @Override
    public JsonNode writeCost(Problem<?> problem, Object plan, Evaluation evaluation) {
        ExitsCost cost = cost(evaluation);
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("objective", cost.objective());
        c.put("accuracy", cost.accuracy());
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

    private static ExitsCost cost(Evaluation evaluation) {
        if (evaluation instanceof ExitsCost cost) {
            return cost;
        }
        throw new IllegalArgumentException("evaluation: a P2 plan's breakdown is an ExitsCost, got "
                + (evaluation == null ? "null" : evaluation.getClass().getSimpleName()));
    }

    /** The part of a plan's JSON that P2 and P3 share: exits, tiers, sent tensors, stops, violations. */
    public static ObjectNode planHeader(DnnGraph g, ExitPlan x, List<ExitsCost.Share> stops, List<String> sent,
                                        List<String> violations) {
        Placement placement = x.placement();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putPOJO("activeExits", x.activeExits());
        o.putPOJO("deviceLayers", placement.deviceLayerIds(g));
        o.putPOJO("edgeLayers", placement.edgeLayerIds(g));
        o.putPOJO("sentTensors", sent);
        ArrayNode s = o.putArray("stops");
        for (ExitsCost.Share share : stops) {
            ObjectNode e = s.addObject();
            e.put("stop", share.stop());
            e.put("afterLayer", share.afterLayer());
            e.put("share", share.share());
            e.put("accuracy", share.accuracy());
        }
        o.put("feasible", violations.isEmpty());
        o.putPOJO("violations", violations);
        return o;
    }
}
