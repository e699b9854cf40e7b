package org.cleave.instances.tiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.FinalClassifier;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsCost;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.instances.exits.ExitsCodec;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;
import org.cleave.instances.io.PlanJson;

/**
 * The P2-3T instance format (family {@code exits-tiers}): P1-3T's line ({@link TiersCodec}:
 * {@code tiers} with {@code device}, {@code edge}, {@code cloud}; {@code links}, exactly two in line
 * order; optional {@code deviceLoad}) with P2's early-exit fields, spelled as in P2's files
 * ({@link ExitsCodec}): {@code model} with its {@code exits}, {@code finalAccuracy} (or an exit
 * after the output layer, lifted) and {@code variant}
 * <pre>
 *   {"kind": "minCost", "objective": {...}, "minAccuracy": 0.8, "maxLatencySeconds": 0.1}
 * </pre>
 * ({@code objective}, {@code minAccuracy} (default 0) and {@code maxLatencySeconds} (default none)
 * optional; {@code rightSizing} is not a P2-3T variant). Unknown fields are rejected at every level;
 * errors name the JSON path.
 */
public final class TiersExitsCodec implements FamilyCodec {
    private static final Set<String> VARIANT_FIELDS = Set.of("kind", "objective", "minAccuracy", "maxLatencySeconds");
    private static final String MIN_COST = "minCost";

    /** Fields of a plan: the decision (exits, three layer lists) and what writePlan derives (ignored on reading). */
    private static final Set<String> PLAN_FIELDS = Set.of("activeExits", "deviceLayers", "edgeLayers", "cloudLayers",
            "sentOverLink1", "sentOverLink2", "stops", "feasible", "violations", "cost");

    @Override
    public Family family() {
        return Family.EXITS_TIERS;
    }

    @Override
    public Set<String> fields() {
        return Set.of("model", "tiers", "links", "deviceLoad", "finalAccuracy", "variant");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        TiersCodec.Line line = TiersCodec.readLine(root, path);
        DnnGraph model = line.graph();
        FinalClassifier f = ExitsCodec.readFinalClassifier(root, path, model);
        ExitsProblem.MinCost variant = readVariant(Json.object(root, "variant", path), path + ".variant");
        return ModelJson.at(path, () -> new TiersExitsProblem(f.graph(), line.device(), line.edge(), line.cloud(),
                line.link1(), line.link2(), line.deviceLoad(), f.accuracy(), variant));
    }

    private static ExitsProblem.MinCost readVariant(ObjectNode node, String path) {
        String kind = Json.string(node, "kind", path);
        if (!kind.equals(MIN_COST)) {
            throw new InvalidInstanceException(path + ".kind: unknown variant \"" + kind + "\" for family exits-tiers;"
                    + " known: " + MIN_COST + " (minimise expected cost s.t. an accuracy floor and an optional"
                    + " latency bound)");
        }
        Json.onlyFields(node, path, VARIANT_FIELDS);
        CostWeights w = ModelJson.readWeights(node, "objective", path);
        double minAccuracy = Json.optionalNumber(node, "minAccuracy", path, 0);
        OptionalDouble bound = Json.has(node, "maxLatencySeconds")
                ? OptionalDouble.of(Json.number(node, "maxLatencySeconds", path)) : OptionalDouble.empty();
        return ModelJson.at(path, () -> new ExitsProblem.MinCost(w, minAccuracy, bound));
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        TiersExitsProblem p = (TiersExitsProblem) problem;
        TiersCodec.writeLine(root, p.graph(), p.device(), p.edge(), p.cloud(), p.link1(), p.link2());
        root.put("deviceLoad", p.deviceLoad());
        root.put("finalAccuracy", p.finalAccuracy());
        ObjectNode v = root.putObject("variant");
        v.put("kind", MIN_COST);
        v.set("objective", ModelJson.writeWeights(p.variant().weights()));
        v.put("minAccuracy", p.variant().minAccuracy());
        p.variant().maxLatencySeconds().ifPresent(l -> v.put("maxLatencySeconds", l));
    }

    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        DnnGraph g = ((TiersExitsProblem) problem).graph();
        ObjectNode o = PlanJson.object(plan, path, PLAN_FIELDS);
        List<String> exits = PlanJson.activeExits(g, o, path);
        return new TierExitPlan(exits, TiersCodec.readPlacement(g, o, path));
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        return writePlan(problem, plan, ((TiersExitsProblem) problem).evaluate((TierExitPlan) plan));
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan, Evaluation evaluation) {
        TiersExitsProblem p = (TiersExitsProblem) problem;
        TierExitPlan x = (TierExitPlan) plan;
        TiersExitsCost cost = cost(evaluation);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putPOJO("activeExits", x.activeExits());
        o.putPOJO("deviceLayers", x.placement().layerIds(p.graph(), Tier.DEVICE));
        o.putPOJO("edgeLayers", x.placement().layerIds(p.graph(), Tier.EDGE));
        o.putPOJO("cloudLayers", x.placement().layerIds(p.graph(), Tier.CLOUD));
        o.putPOJO("sentOverLink1", cost.sentOverLink1());
        o.putPOJO("sentOverLink2", cost.sentOverLink2());
        ArrayNode s = o.putArray("stops");
        for (ExitsCost.Share share : cost.stops()) {
            ObjectNode e = s.addObject();
            e.put("stop", share.stop());
            e.put("afterLayer", share.afterLayer());
            e.put("share", share.share());
            e.put("accuracy", share.accuracy());
        }
        o.put("feasible", cost.feasible());
        o.putPOJO("violations", cost.violations());
        o.set("cost", writeCost(p, x, cost));
        return o;
    }

    @Override
    public JsonNode writeCost(Problem<?> problem, Object plan, Evaluation evaluation) {
        TiersExitsCost cost = cost(evaluation);
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("objective", cost.objective());
        c.put("accuracy", cost.accuracy());
        c.put("latencySeconds", cost.latencySeconds());
        c.put("deviceComputeSeconds", cost.deviceComputeSeconds());
        c.put("edgeComputeSeconds", cost.edgeComputeSeconds());
        c.put("cloudComputeSeconds", cost.cloudComputeSeconds());
        c.put("link1UploadSeconds", cost.link1UploadSeconds());
        c.put("link2UploadSeconds", cost.link2UploadSeconds());
        c.put("link1DownloadSeconds", cost.link1DownloadSeconds());
        c.put("link2DownloadSeconds", cost.link2DownloadSeconds());
        c.put("link1LatencySeconds", cost.link1LatencySeconds());
        c.put("link2LatencySeconds", cost.link2LatencySeconds());
        c.put("energyJoules", cost.energyJoules());
        c.put("computeJoules", cost.computeJoules());
        c.put("transmitJoules", cost.transmitJoules());
        c.put("idleJoules", cost.idleJoules());
        return c;
    }

    private static TiersExitsCost cost(Evaluation evaluation) {
        if (evaluation instanceof TiersExitsCost cost) {
            return cost;
        }
        throw new IllegalArgumentException("evaluation: a P2-3T plan's breakdown is a TiersExitsCost, got "
                + (evaluation == null ? "null" : evaluation.getClass().getSimpleName()));
    }
}
