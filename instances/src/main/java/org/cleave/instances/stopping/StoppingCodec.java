package org.cleave.instances.stopping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.stopping.Channel;
import org.cleave.core.stopping.Fading;
import org.cleave.core.stopping.StageRule;
import org.cleave.core.stopping.StoppingCost;
import org.cleave.core.stopping.StoppingLayer;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;

/**
 * The P6 instance format. Top-level fields: {@code inputBytes}; {@code layers}, an array of
 * {@code {id, deviceSeconds, deviceJoules, outputBytes, edgeSeconds, paramBytes}} (paramBytes
 * optional, default 0); {@code channel}: {@code {bandwidthHertz, transmitWatts, noiseWattsPerHertz,
 * fading: {type: "rayleigh" | "nakagami", meanGain, shape (nakagami only)}}}; optional
 * {@code objective} ({@code latencyWeight}, {@code energyWeight}; default 1 and 0);
 * {@code slotSeconds}; optional {@code idleWatts} (default 0), {@code placementCostPerByte}
 * (default 0) and {@code inferencesPerUpdate} (default 1). See {@code stopping.schema.json}.
 */
public final class StoppingCodec implements FamilyCodec {
    private static final Set<String> LAYER_FIELDS = Set.of("id", "deviceSeconds", "deviceJoules", "outputBytes",
            "edgeSeconds", "paramBytes");
    private static final Set<String> CHANNEL_FIELDS = Set.of("bandwidthHertz", "transmitWatts", "noiseWattsPerHertz",
            "fading");
    private static final Set<String> RAYLEIGH_FIELDS = Set.of("type", "meanGain");
    private static final Set<String> NAKAGAMI_FIELDS = Set.of("type", "meanGain", "shape");

    @Override
    public Family family() {
        return Family.STOPPING;
    }

    @Override
    public Set<String> fields() {
        return Set.of("inputBytes", "layers", "channel", "objective", "slotSeconds", "idleWatts",
                "placementCostPerByte", "inferencesPerUpdate");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        double inputBytes = Json.number(root, "inputBytes", path);
        List<ObjectNode> nodes = Json.objects(root, "layers", path);
        List<StoppingLayer> layers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ObjectNode l = nodes.get(i);
            String lp = path + ".layers[" + i + "]";
            Json.onlyFields(l, lp, LAYER_FIELDS);
            String id = Json.string(l, "id", lp);
            double ds = Json.number(l, "deviceSeconds", lp);
            double dj = Json.number(l, "deviceJoules", lp);
            double out = Json.number(l, "outputBytes", lp);
            double es = Json.number(l, "edgeSeconds", lp);
            double params = Json.optionalNumber(l, "paramBytes", lp, 0);
            layers.add(ModelJson.at(lp, () -> new StoppingLayer(id, ds, dj, out, es, params)));
        }
        Channel channel = readChannel(Json.object(root, "channel", path), path + ".channel");
        CostWeights weights = ModelJson.readWeights(root, "objective", path);
        double slot = Json.number(root, "slotSeconds", path);
        double idle = Json.optionalNumber(root, "idleWatts", path, 0);
        double kappa = Json.optionalNumber(root, "placementCostPerByte", path, 0);
        double n = Json.optionalNumber(root, "inferencesPerUpdate", path, 1);
        return ModelJson.at(path, () -> new StoppingProblem(inputBytes, layers, channel, weights, slot, idle, kappa, n));
    }

    private static Channel readChannel(ObjectNode node, String path) {
        Json.onlyFields(node, path, CHANNEL_FIELDS);
        double w = Json.number(node, "bandwidthHertz", path);
        double p = Json.number(node, "transmitWatts", path);
        double n0 = Json.number(node, "noiseWattsPerHertz", path);
        ObjectNode f = Json.object(node, "fading", path);
        String fp = path + ".fading";
        String type = Json.string(f, "type", fp);
        Fading fading;
        switch (type) {
            case "rayleigh" -> {
                Json.onlyFields(f, fp, RAYLEIGH_FIELDS);
                double g = Json.number(f, "meanGain", fp);
                fading = ModelJson.at(fp, () -> new Fading.Rayleigh(g));
            }
            case "nakagami" -> {
                Json.onlyFields(f, fp, NAKAGAMI_FIELDS);
                double g = Json.number(f, "meanGain", fp);
                double shape = Json.number(f, "shape", fp);
                fading = ModelJson.at(fp, () -> new Fading.Nakagami(shape, g));
            }
            default -> throw new InvalidInstanceException(fp + ".type: unknown fading \"" + type
                    + "\"; known: rayleigh, nakagami");
        }
        Fading law = fading;
        return ModelJson.at(path, () -> new Channel(w, p, n0, law));
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        StoppingProblem p = (StoppingProblem) problem;
        root.put("inputBytes", p.inputBytes());
        ArrayNode layers = root.putArray("layers");
        for (StoppingLayer l : p.layers()) {
            ObjectNode o = layers.addObject();
            o.put("id", l.id());
            o.put("deviceSeconds", l.deviceSeconds());
            o.put("deviceJoules", l.deviceJoules());
            o.put("outputBytes", l.outputBytes());
            o.put("edgeSeconds", l.edgeSeconds());
            o.put("paramBytes", l.paramBytes());
        }
        ObjectNode c = root.putObject("channel");
        c.put("bandwidthHertz", p.channel().bandwidthHertz());
        c.put("transmitWatts", p.channel().transmitWatts());
        c.put("noiseWattsPerHertz", p.channel().noiseWattsPerHertz());
        ObjectNode f = c.putObject("fading");
        if (p.channel().fading() instanceof Fading.Nakagami n) {
            f.put("type", "nakagami");
            f.put("meanGain", n.meanGain());
            f.put("shape", n.shape());
        } else {
            f.put("type", "rayleigh");
            f.put("meanGain", p.channel().fading().meanGain());
        }
        root.set("objective", ModelJson.writeWeights(p.weights()));
        root.put("slotSeconds", p.slotSeconds());
        root.put("idleWatts", p.idleWatts());
        root.put("placementCostPerByte", p.placementCostPerByte());
        root.put("inferencesPerUpdate", p.inferencesPerUpdate());
    }

    /** The stage's tensor name: {@code input} or the layer's id. */
    public static String stageName(StoppingProblem p, int stage) {
        return stage == 0 ? "input" : p.layers().get(stage - 1).id();
    }

    private static final Set<String> PLAN_FIELDS = Set.of("deviceLayers", "stages", "cost");
    private static final Set<String> PLAN_STAGE_FIELDS = Set.of("stage", "after", "tensorBytes", "offloadThreshold",
            "below", "expectedCostToGo");

    /**
     * Reads {@code deviceLayers} (m) and {@code stages}: per stage k in order, {@code offloadThreshold}
     * ({@code null} = never offload) and {@code below} ({@code compute} or {@code wait}); {@code stage},
     * when given, must equal k. The number of stages is left to the evaluator.
     */
    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        ObjectNode o = org.cleave.instances.io.PlanJson.object(plan, path, PLAN_FIELDS);
        int m = org.cleave.instances.io.PlanJson.nonNegativeInteger(o, "deviceLayers", path);
        ArrayNode stages = Json.array(o, "stages", path);
        List<StageRule> rules = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            String sp = path + ".stages[" + k + "]";
            ObjectNode st = org.cleave.instances.io.PlanJson.object(stages.get(k), sp, PLAN_STAGE_FIELDS);
            if (Json.has(st, "stage") && Json.integer(st, "stage", sp) != k) {
                throw new InvalidInstanceException(sp + ".stage: " + st.get("stage") + ", expected " + k
                        + " (stages in order from 0)");
            }
            double threshold = Json.has(st, "offloadThreshold") ? Json.number(st, "offloadThreshold", sp)
                    : Double.POSITIVE_INFINITY;
            String below = Json.string(st, "below", sp);
            StageRule.Fallback fallback = switch (below) {
                case "compute" -> StageRule.Fallback.COMPUTE;
                case "wait" -> StageRule.Fallback.WAIT;
                default -> throw new InvalidInstanceException(sp + ".below: unknown fallback \"" + below
                        + "\"; known: compute, wait");
            };
            rules.add(ModelJson.at(sp, () -> new StageRule(threshold, fallback)));
        }
        return new StoppingPlan(m, rules);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        StoppingProblem p = (StoppingProblem) problem;
        StoppingPlan s = (StoppingPlan) plan;
        StoppingCost cost = p.evaluate(s);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("deviceLayers", s.deviceLayers());
        ArrayNode stages = o.putArray("stages");
        for (int k = 0; k < s.rules().size(); k++) {
            StageRule r = s.rule(k);
            ObjectNode st = stages.addObject();
            st.put("stage", k);
            st.put("after", stageName(p, k));
            st.put("tensorBytes", p.tensorBytes(k));
            if (Double.isInfinite(r.offloadThreshold())) {
                st.putNull("offloadThreshold");
            } else {
                st.put("offloadThreshold", r.offloadThreshold());
            }
            st.put("below", r.below().name().toLowerCase(java.util.Locale.ROOT));
            st.put("expectedCostToGo", cost.stageValues().get(k));
        }
        ObjectNode c = o.putObject("cost");
        c.put("objective", cost.objective());
        c.put("inferenceCost", cost.inferenceCost());
        c.put("placementCostPerInference", cost.placementCostPerInference());
        return o;
    }
}
