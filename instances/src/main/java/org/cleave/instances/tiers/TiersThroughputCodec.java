package org.cleave.instances.tiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.core.tiers.throughput.TiersThroughputCost;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;

/**
 * The P3-3T instance format (family {@code throughput-tiers}): P1-3T's {@code model}, {@code tiers}
 * and {@code links} (read by {@link TiersCodec}, so the same fields and messages), optional
 * {@code deviceLoad}, and optional {@code frameRatePerSecond} (Q in frames/s, spelled as P3's files
 * spell it; default none). No {@code objective}: the period is the objective. A model with exits is
 * refused ({@code $.model.exits}). Plans are P1-3T's three layer lists; the plan's {@code cost}
 * holds the period, the throughput, the bottleneck and the five stage times. Unknown fields are
 * rejected at every level; errors name the JSON path.
 */
public final class TiersThroughputCodec implements FamilyCodec {
    private static final TiersCodec LINE = new TiersCodec();

    @Override
    public Family family() {
        return Family.THROUGHPUT_TIERS;
    }

    @Override
    public Set<String> fields() {
        return Set.of("model", "tiers", "links", "deviceLoad", "frameRatePerSecond");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        TiersProblem line = (TiersProblem) LINE.read(root, path);
        OptionalDouble q = Json.has(root, "frameRatePerSecond")
                ? OptionalDouble.of(Json.number(root, "frameRatePerSecond", path)) : OptionalDouble.empty();
        return ModelJson.at(path, () -> new TiersThroughputProblem(line.graph(), line.device(), line.edge(),
                line.cloud(), line.link1(), line.link2(), line.deviceLoad(), q));
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        TiersThroughputProblem p = (TiersThroughputProblem) problem;
        LINE.write(line(p), root);
        root.remove("objective");
        p.frameRatePerSecond().ifPresent(q -> root.put("frameRatePerSecond", q));
    }

    /** The P1-3T problem on the same graph, tiers, links and load (for the shared fields and plans). */
    private static TiersProblem line(TiersThroughputProblem p) {
        return new TiersProblem(p.graph(), p.device(), p.edge(), p.cloud(), p.link1(), p.link2(),
                org.cleave.core.model.CostWeights.LATENCY, p.deviceLoad());
    }

    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        return LINE.readPlan(line((TiersThroughputProblem) problem), plan, path);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        TiersThroughputProblem p = (TiersThroughputProblem) problem;
        return writePlan(p, plan, p.evaluate((TierPlacement) plan));
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan, Evaluation evaluation) {
        if (!(evaluation instanceof TiersThroughputCost cost)) {
            throw new IllegalArgumentException("evaluation: a throughput-tiers plan needs a TiersThroughputCost, got "
                    + (evaluation == null ? "null" : evaluation.getClass().getSimpleName()));
        }
        TiersThroughputProblem p = (TiersThroughputProblem) problem;
        TierPlacement placement = (TierPlacement) plan;
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putPOJO("deviceLayers", placement.layerIds(p.graph(), Tier.DEVICE));
        o.putPOJO("edgeLayers", placement.layerIds(p.graph(), Tier.EDGE));
        o.putPOJO("cloudLayers", placement.layerIds(p.graph(), Tier.CLOUD));
        o.putPOJO("sentOverLink1", cost.sentOverLink1());
        o.putPOJO("sentOverLink2", cost.sentOverLink2());
        ObjectNode c = o.putObject("cost");
        c.put("objective", cost.objective());
        c.put("periodSeconds", cost.periodSeconds());
        if (Double.isFinite(cost.throughputPerSecond())) {
            c.put("throughputPerSecond", cost.throughputPerSecond());
        } else {
            c.putNull("throughputPerSecond");
        }
        c.put("bottleneck", cost.bottleneck().key());
        c.put("deviceStageSeconds", cost.deviceStageSeconds());
        c.put("link1StageSeconds", cost.link1StageSeconds());
        c.put("edgeStageSeconds", cost.edgeStageSeconds());
        c.put("link2StageSeconds", cost.link2StageSeconds());
        c.put("cloudStageSeconds", cost.cloudStageSeconds());
        if (!cost.violations().isEmpty()) {
            c.putPOJO("violations", cost.violations());
        }
        return o;
    }
}
