package org.cleave.instances.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
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
 * timeline. The multi-user problem has no file format yet.
 */
public final class UploadCodec implements FamilyCodec {
    private static final PartitionCodec P1 = new PartitionCodec();

    @Override
    public Family family() {
        return Family.UPLOAD;
    }

    @Override
    public Set<String> fields() {
        return Set.of("model", "device", "edge", "link", "objective", "deviceLoad", "mode");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
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
        UploadProblem p = (UploadProblem) problem;
        P1.write(p.asPartitionProblem(), root);
        root.put("mode", p.mode().key());
    }

    private static final Set<String> PLAN_FIELDS = Set.of("deviceLayers", "edgeLayers", "edgeMask", "sentTensors",
            "cost", "timeline");

    /** Reads {@code edgeLayers}/{@code deviceLayers}/{@code edgeMask} (see {@link PlanJson}); ignores the rest. */
    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        UploadProblem p = (UploadProblem) problem;
        return PlanJson.placement(p.graph(), PlanJson.object(plan, path, PLAN_FIELDS), path);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        UploadProblem p = (UploadProblem) problem;
        Placement placement = (Placement) plan;
        UploadCost cost = p.evaluate(placement);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putPOJO("deviceLayers", placement.deviceLayerIds(p.graph()));
        o.putPOJO("edgeLayers", placement.edgeLayerIds(p.graph()));
        o.putPOJO("sentTensors", cost.sentTensors());
        ObjectNode c = o.putObject("cost");
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
}
