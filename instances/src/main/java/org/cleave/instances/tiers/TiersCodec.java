package org.cleave.instances.tiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.Tier;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCost;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;
import org.cleave.instances.io.PlanJson;

/**
 * The P1-3T instance format: {@code model}; {@code tiers}, an object with {@code device} (the P1
 * device fields), {@code edge} and {@code cloud} (each {@code flopsPerSecond}); {@code links}, an
 * array of exactly two links in line order (device–edge, then edge–cloud; "uplink" is away from the
 * device); optional {@code objective} and {@code deviceLoad} as in P1. Unknown fields are rejected
 * at every level; errors name the JSON path.
 */
public final class TiersCodec implements FamilyCodec {
    private static final Set<String> TIER_FIELDS = Set.of("device", "edge", "cloud");
    private static final Set<String> CLOUD_FIELDS = Set.of("flopsPerSecond");

    @Override
    public Family family() {
        return Family.TIERS;
    }

    @Override
    public Set<String> fields() {
        return Set.of("model", "tiers", "links", "objective", "deviceLoad");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        Line line = readLine(root, path);
        var weights = ModelJson.readWeights(root, "objective", path);
        return new TiersProblem(line.graph(), line.device(), line.edge(), line.cloud(), line.link1(), line.link2(),
                weights, line.deviceLoad());
    }

    /**
     * The parts every three-tier family reads alike: {@code model}, {@code tiers}, {@code links} and the
     * optional {@code deviceLoad} (checked in [0, 1)); errors name the JSON path.
     */
    record Line(DnnGraph graph, Device device, EdgeServer edge, CloudServer cloud, Link link1, Link link2,
                double deviceLoad) {
    }

    /** Reads the {@link Line} of an instance of any three-tier family at {@code path}. */
    static Line readLine(ObjectNode root, String path) {
        DnnGraph graph = ModelJson.readModel(Json.object(root, "model", path), path + ".model");
        String tp = path + ".tiers";
        ObjectNode tiers = Json.object(root, "tiers", path);
        Json.onlyFields(tiers, tp, TIER_FIELDS);
        var device = ModelJson.readDevice(Json.object(tiers, "device", tp), tp + ".device");
        var edge = ModelJson.readEdge(Json.object(tiers, "edge", tp), tp + ".edge");
        ObjectNode cloudNode = Json.object(tiers, "cloud", tp);
        Json.onlyFields(cloudNode, tp + ".cloud", CLOUD_FIELDS);
        double cloudRate = Json.number(cloudNode, "flopsPerSecond", tp + ".cloud");
        CloudServer cloud = ModelJson.at(tp + ".cloud", () -> new CloudServer(cloudRate));
        List<ObjectNode> links = Json.objects(root, "links", path);
        if (links.size() != 2) {
            throw new InvalidInstanceException(path + ".links: must hold exactly 2 links (device-edge,"
                    + " edge-cloud), got " + links.size());
        }
        Link link1 = ModelJson.readLink(links.get(0), path + ".links[0]");
        Link link2 = ModelJson.readLink(links.get(1), path + ".links[1]");
        double load = Json.optionalNumber(root, "deviceLoad", path, 0);
        ModelJson.at(path, () -> Checks.load("deviceLoad", load));
        return new Line(graph, device, edge, cloud, link1, link2, load);
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        TiersProblem p = (TiersProblem) problem;
        writeLine(root, p.graph(), p.device(), p.edge(), p.cloud(), p.link1(), p.link2());
        root.set("objective", ModelJson.writeWeights(p.weights()));
        root.put("deviceLoad", p.deviceLoad());
    }

    /** Writes {@code model}, {@code tiers} and {@code links} as {@link #readLine} reads them. */
    static void writeLine(ObjectNode root, DnnGraph graph, Device device, EdgeServer edge, CloudServer cloud,
                          Link link1, Link link2) {
        root.set("model", ModelJson.writeModel(graph));
        ObjectNode tiers = root.putObject("tiers");
        tiers.set("device", ModelJson.writeDevice(device));
        tiers.set("edge", ModelJson.writeEdge(edge));
        tiers.putObject("cloud").put("flopsPerSecond", cloud.flopsPerSecond());
        ArrayNode links = root.putArray("links");
        links.add(ModelJson.writeLink(link1));
        links.add(ModelJson.writeLink(link2));
    }

    /** Fields of a plan: the decision (three layer lists) and what writePlan derives (ignored on reading). */
    private static final java.util.Set<String> PLAN_FIELDS = java.util.Set.of("deviceLayers", "edgeLayers",
            "cloudLayers", "sentOverLink1", "sentOverLink2", "cost");

    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        TiersProblem p = (TiersProblem) problem;
        return readPlacement(p.graph(), PlanJson.object(plan, path, PLAN_FIELDS), path);
    }

    /**
     * The placement of a three-tier plan object (its {@code deviceLayers}, {@code edgeLayers},
     * {@code cloudLayers}; every layer in exactly one), shared with {@link TiersExitsCodec}.
     */
    static TierPlacement readPlacement(DnnGraph g, ObjectNode o, String path) {
        String[] lists = {"deviceLayers", "edgeLayers", "cloudLayers"};
        int[] tiers = new int[g.size()];
        java.util.Arrays.fill(tiers, -1);
        for (int t = 0; t < lists.length; t++) {
            if (!Json.has(o, lists[t])) {
                throw new InvalidInstanceException(path + ": " + lists[t] + " is required (a three-tier plan lists"
                        + " the layers of every tier: deviceLayers, edgeLayers, cloudLayers)");
            }
            java.util.BitSet set = PlanJson.layerSet(g, o, lists[t], path);
            for (int v = set.nextSetBit(0); v >= 0; v = set.nextSetBit(v + 1)) {
                if (tiers[v] >= 0) {
                    throw new InvalidInstanceException(path + "." + lists[t] + ": layer \"" + g.layer(v).id()
                            + "\" is also in " + lists[tiers[v]]);
                }
                tiers[v] = t;
            }
        }
        for (int v = 0; v < tiers.length; v++) {
            if (tiers[v] < 0) {
                throw new InvalidInstanceException(path + ": layer \"" + g.layer(v).id() + "\" is in none of"
                        + " deviceLayers, edgeLayers, cloudLayers");
            }
        }
        return new TierPlacement(tiers);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        TiersProblem p = (TiersProblem) problem;
        TierPlacement placement = (TierPlacement) plan;
        TiersCost cost = p.evaluate(placement);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putPOJO("deviceLayers", placement.layerIds(p.graph(), Tier.DEVICE));
        o.putPOJO("edgeLayers", placement.layerIds(p.graph(), Tier.EDGE));
        o.putPOJO("cloudLayers", placement.layerIds(p.graph(), Tier.CLOUD));
        o.putPOJO("sentOverLink1", cost.sentOverLink1());
        o.putPOJO("sentOverLink2", cost.sentOverLink2());
        ObjectNode c = o.putObject("cost");
        c.put("objective", cost.objective());
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
        return o;
    }
}
