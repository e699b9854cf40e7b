package org.cleave.instances.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.upload.MultiUserUploadPlan;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.upload.TimelineEvent;
import org.cleave.core.upload.UploadCost;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.PlanJson;
import org.cleave.instances.partition.PartitionCodec;

/**
 * The P5 (single-user) instance format: P1's fields {@code model} (whose layers' {@code paramBytes}
 * are the parameters to upload), {@code device}, {@code edge}, {@code link}, optional
 * {@code objective} and {@code deviceLoad}, plus optional {@code mode}: {@code "parallel"} (the
 * default), {@code "serial"} or {@code "preloaded"}. A plan is written with its cost and the full
 * timeline. A file with {@code users} is a multi-user P5 instance ({@link MultiUserUploadProblem}),
 * read and written by {@link MultiUserUploadJson}.
 */
public final class UploadCodec implements FamilyCodec {
    private static final PartitionCodec P1 = new PartitionCodec();

    @Override
    public Family family() {
        return Family.UPLOAD;
    }

    @Override
    public Set<String> fields() {
        Set<String> all = new java.util.HashSet<>(Set.of("model", "device", "edge", "link", "objective", "deviceLoad",
                "mode"));
        all.addAll(MultiUserUploadJson.FIELDS);
        return Set.copyOf(all);
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        if (Json.has(root, "users")) {
            return MultiUserUploadJson.read(root, path);
        }
        for (String multi : List.of("computeUnits", "uplinkBitsPerSecond", "bandwidthUnits")) {
            if (Json.has(root, multi)) {
                throw new InvalidInstanceException(path + "." + multi + ": only a multi-user P5 instance (with users)"
                        + " has " + multi);
            }
        }
        // P5 carries exactly P1's data plus the mode: P1's reader does the fields and their checks
        PartitionProblem p1 = (PartitionProblem) P1.read(root, path);
        String key = Json.optionalString(root, "mode", path, UploadMode.PARALLEL.key());
        UploadMode mode;
        try {
            mode = UploadMode.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidInstanceException(path + "." + e.getMessage());
        }
        return UploadProblem.of(p1, mode);
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        if (problem instanceof MultiUserUploadProblem mu) {
            MultiUserUploadJson.write(mu, root);
            return;
        }
        UploadProblem p = (UploadProblem) problem;
        P1.write(p.asPartitionProblem(), root);
        root.put("mode", p.mode().key());
    }

    private static final Set<String> PLAN_FIELDS = Set.of("deviceLayers", "edgeLayers", "edgeMask", "sentTensors",
            "cost", "timeline");

    /**
     * Reads {@code edgeLayers}/{@code deviceLayers}/{@code edgeMask} (see {@link PlanJson}); ignores the rest.
     * A multi-user problem's plan is read by {@link MultiUserUploadJson#readPlan}.
     */
    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        if (problem instanceof MultiUserUploadProblem mu) {
            return MultiUserUploadJson.readPlan(mu, plan, path);
        }
        UploadProblem p = (UploadProblem) problem;
        return PlanJson.placement(p.graph(), PlanJson.object(plan, path, PLAN_FIELDS), path);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        if (problem instanceof MultiUserUploadProblem mu) {
            MultiUserUploadPlan mp = (MultiUserUploadPlan) plan;
            return MultiUserUploadJson.writePlan(mu, mp, mu.evaluate(mp));
        }
        UploadProblem p = (UploadProblem) problem;
        Placement placement = (Placement) plan;
        UploadCost cost = p.evaluate(placement);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putPOJO("deviceLayers", placement.deviceLayerIds(p.graph()));
        o.putPOJO("edgeLayers", placement.edgeLayerIds(p.graph()));
        o.putPOJO("sentTensors", cost.sentTensors());
        o.set("cost", writeCost(cost));
        ArrayNode timeline = o.putArray("timeline");
        for (TimelineEvent e : cost.timeline()) {
            ObjectNode t = timeline.addObject();
            t.put("activity", e.activity().name().toLowerCase(java.util.Locale.ROOT));
            t.put("layer", e.layerId());
            t.put("resource", e.resource().name().toLowerCase(java.util.Locale.ROOT));
            t.put("startSeconds", e.startSeconds());
            t.put("endSeconds", e.endSeconds());
        }
        return o;
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan, Evaluation evaluation) {
        if (problem instanceof MultiUserUploadProblem mu) {
            return MultiUserUploadJson.writePlan(mu, (MultiUserUploadPlan) plan, evaluation);
        }
        return writePlan(problem, plan);
    }

    @Override
    public JsonNode writeCost(Problem<?> problem, Object plan, Evaluation evaluation) {
        if (problem instanceof MultiUserUploadProblem) {
            return MultiUserUploadJson.writeCost(evaluation);
        }
        return writePlan(problem, plan, evaluation).get("cost");
    }

    /** A single-user P5 plan's {@code cost} member (also each user's in a multi-user plan). */
    static ObjectNode writeCost(UploadCost cost) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("objective", cost.objective());
        c.put("latencySeconds", cost.latencySeconds());
        c.put("deviceEndSeconds", cost.deviceEndSeconds());
        c.put("featuresArrivedSeconds", cost.featuresArrivedSeconds());
        c.put("deviceComputeSeconds", cost.deviceComputeSeconds());
        c.put("uplinkBusySeconds", cost.uplinkBusySeconds());
        c.put("parameterSeconds", cost.parameterSeconds());
        c.put("edgeComputeSeconds", cost.edgeComputeSeconds());
        c.put("downloadSeconds", cost.downloadSeconds());
        c.put("linkLatencySeconds", cost.linkLatencySeconds());
        c.put("idleSeconds", cost.idleSeconds());
        c.put("energyJoules", cost.energyJoules());
        c.put("computeJoules", cost.computeJoules());
        c.put("transmitJoules", cost.transmitJoules());
        c.put("idleJoules", cost.idleJoules());
        return c;
    }
}
