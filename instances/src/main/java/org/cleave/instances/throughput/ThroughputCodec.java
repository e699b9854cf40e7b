package org.cleave.instances.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.throughput.ThroughputCost;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.instances.exits.ExitsCodec;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;

/**
 * The P3 instance format (family {@code throughput}): {@code model} (with optional {@code exits}),
 * {@code device}, {@code edge}, {@code link}, optional {@code deviceLoad} (default 0),
 * {@code finalAccuracy} (as in {@link ExitsCodec}: may come from an exit after the output layer), optional {@code minAccuracy} (default 0) and optional
 * {@code frameRatePerSecond} (DADS' Q; default none). The JSON Schema of these fields is
 * {@code /org/cleave/instances/throughput.schema.json}.
 */
public final class ThroughputCodec implements FamilyCodec {
    @Override
    public Family family() {
        return Family.THROUGHPUT;
    }

    @Override
    public Set<String> fields() {
        return Set.of("model", "device", "edge", "link", "deviceLoad", "finalAccuracy", "minAccuracy",
                "frameRatePerSecond");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        ExitsCodec.Shared c = ExitsCodec.readShared(root, path);
        double minAccuracy = Json.optionalNumber(root, "minAccuracy", path, 0);
        OptionalDouble q = Json.has(root, "frameRatePerSecond")
                ? OptionalDouble.of(Json.number(root, "frameRatePerSecond", path)) : OptionalDouble.empty();
        return ModelJson.at(path, () -> new ThroughputProblem(c.graph(), c.device(), c.edge(), c.link(),
                c.deviceLoad(), c.finalAccuracy(), minAccuracy, q));
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        ThroughputProblem p = (ThroughputProblem) problem;
        ExitsCodec.writeShared(root, new ExitsCodec.Shared(p.graph(), p.device(), p.edge(), p.link(),
                p.deviceLoad(), p.finalAccuracy()));
        root.put("minAccuracy", p.minAccuracy());
        p.frameRatePerSecond().ifPresent(q -> root.put("frameRatePerSecond", q));
    }

    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        return ExitsCodec.readExitPlan(((ThroughputProblem) problem).graph(), plan, path);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        ThroughputProblem p = (ThroughputProblem) problem;
        ExitPlan x = (ExitPlan) plan;
        ThroughputCost cost = p.evaluate(x);
        ObjectNode o = ExitsCodec.planHeader(p.graph(), x, cost.stops(), cost.sentTensors(), cost.violations());
        ObjectNode c = o.putObject("cost");
        c.put("periodSeconds", cost.periodSeconds());
        if (Double.isFinite(cost.throughputPerSecond())) {
            c.put("throughputPerSecond", cost.throughputPerSecond());
        } else {
            c.putNull("throughputPerSecond");
        }
        c.put("bottleneck", cost.bottleneck().name().toLowerCase(java.util.Locale.ROOT));
        c.put("deviceStageSeconds", cost.deviceStageSeconds());
        c.put("uplinkStageSeconds", cost.uplinkStageSeconds());
        c.put("edgeStageSeconds", cost.edgeStageSeconds());
        c.put("accuracy", cost.accuracy());
        return o;
    }
}
