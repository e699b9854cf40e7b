package org.cleave.instances.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;

/**
 * JSON reading and writing of the parts every family shares: the model (layers, arcs, exits),
 * the device, the edge server, the link and the objective weights. Field names equal the Java
 * accessors. Errors carry the JSON path.
 */
public final class ModelJson {
    private static final Set<String> MODEL_FIELDS = Set.of("layers", "arcs", "exits");
    private static final Set<String> LAYER_FIELDS = Set.of("id", "flops", "outputBytes", "paramBytes",
            "measuredDeviceSeconds", "measuredEdgeSeconds");
    private static final Set<String> ARC_FIELDS = Set.of("from", "to");
    private static final Set<String> EXIT_FIELDS = Set.of("id", "afterLayer", "flops", "exitRate", "accuracy");
    private static final Set<String> DEVICE_FIELDS = Set.of("flopsPerSecond", "computeWatts",
            "transmitWatts", "idleWatts");
    private static final Set<String> EDGE_FIELDS = Set.of("flopsPerSecond");
    private static final Set<String> LINK_FIELDS = Set.of("uplinkBitsPerSecond", "downlinkBitsPerSecond",
            "latencySeconds");
    private static final Set<String> WEIGHT_FIELDS = Set.of("latencyWeight", "energyWeight");

    private ModelJson() {
    }

    /** Runs a constructor, turning its {@link InvalidModelException} into a path-carrying error. */
    public static <T> T at(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidModelException e) {
            throw new InvalidInstanceException(path + "." + e.field() + ": " + e.detail());
        }
    }

    /** Reads a model object. */
    public static DnnGraph readModel(ObjectNode node, String path) {
        Json.onlyFields(node, path, MODEL_FIELDS);
        DnnGraph.Builder builder = DnnGraph.builder();
        List<ObjectNode> layers = Json.objects(node, "layers", path);
        if (layers.isEmpty()) {
            throw new InvalidInstanceException(path + ".layers: must hold at least the input vertex, got []");
        }
        for (int i = 0; i < layers.size(); i++) {
            ObjectNode l = layers.get(i);
            String lp = path + ".layers[" + i + "]";
            Json.onlyFields(l, lp, LAYER_FIELDS);
            String id = Json.string(l, "id", lp);
            double flops = Json.number(l, "flops", lp);
            double out = Json.number(l, "outputBytes", lp);
            double params = Json.optionalNumber(l, "paramBytes", lp, 0);
            OptionalDouble dev = Json.has(l, "measuredDeviceSeconds")
                    ? OptionalDouble.of(Json.number(l, "measuredDeviceSeconds", lp)) : OptionalDouble.empty();
            OptionalDouble edge = Json.has(l, "measuredEdgeSeconds")
                    ? OptionalDouble.of(Json.number(l, "measuredEdgeSeconds", lp)) : OptionalDouble.empty();
            builder.addLayer(at(lp, () -> new Layer(id, flops, out, params, dev, edge)));
        }
        List<ObjectNode> arcs = Json.objects(node, "arcs", path);
        for (int k = 0; k < arcs.size(); k++) {
            ObjectNode a = arcs.get(k);
            String ap = path + ".arcs[" + k + "]";
            Json.onlyFields(a, ap, ARC_FIELDS);
            builder.addArc(Json.string(a, "from", ap), Json.string(a, "to", ap));
        }
        if (Json.has(node, "exits")) {
            List<ObjectNode> exits = Json.objects(node, "exits", path);
            for (int j = 0; j < exits.size(); j++) {
                ObjectNode e = exits.get(j);
                String ep = path + ".exits[" + j + "]";
                Json.onlyFields(e, ep, EXIT_FIELDS);
                String id = Json.string(e, "id", ep);
                String after = Json.string(e, "afterLayer", ep);
                double flops = Json.number(e, "flops", ep);
                double rate = Json.number(e, "exitRate", ep);
                double acc = Json.number(e, "accuracy", ep);
                builder.addExit(at(ep, () -> new Exit(id, after, flops, rate, acc)));
            }
        }
        return at(path, builder::build);
    }

    /** Writes a model object. */
    public static ObjectNode writeModel(DnnGraph graph) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode layers = node.putArray("layers");
        for (Layer l : graph.layers()) {
            ObjectNode o = layers.addObject();
            o.put("id", l.id());
            o.put("flops", l.flops());
            o.put("outputBytes", l.outputBytes());
            o.put("paramBytes", l.paramBytes());
            l.measuredDeviceSeconds().ifPresent(s -> o.put("measuredDeviceSeconds", s));
            l.measuredEdgeSeconds().ifPresent(s -> o.put("measuredEdgeSeconds", s));
        }
        ArrayNode arcs = node.putArray("arcs");
        for (int u = 0; u < graph.size(); u++) {
            for (int k = 0; k < graph.outDegree(u); k++) {
                ObjectNode a = arcs.addObject();
                a.put("from", graph.layer(u).id());
                a.put("to", graph.layer(graph.successor(u, k)).id());
            }
        }
        if (!graph.exits().isEmpty()) {
            ArrayNode exits = node.putArray("exits");
            for (Exit e : graph.exits()) {
                ObjectNode o = exits.addObject();
                o.put("id", e.id());
                o.put("afterLayer", e.afterLayer());
                o.put("flops", e.flops());
                o.put("exitRate", e.exitRate());
                o.put("accuracy", e.accuracy());
            }
        }
        return node;
    }

    /** Reads a device object. */
    public static Device readDevice(ObjectNode node, String path) {
        Json.onlyFields(node, path, DEVICE_FIELDS);
        double rate = Json.number(node, "flopsPerSecond", path);
        double c = Json.number(node, "computeWatts", path);
        double t = Json.number(node, "transmitWatts", path);
        double i = Json.number(node, "idleWatts", path);
        return at(path, () -> new Device(rate, c, t, i));
    }

    /** Writes a device object. */
    public static ObjectNode writeDevice(Device d) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("flopsPerSecond", d.flopsPerSecond());
        o.put("computeWatts", d.computeWatts());
        o.put("transmitWatts", d.transmitWatts());
        o.put("idleWatts", d.idleWatts());
        return o;
    }

    /** Reads an edge-server object. */
    public static EdgeServer readEdge(ObjectNode node, String path) {
        Json.onlyFields(node, path, EDGE_FIELDS);
        double rate = Json.number(node, "flopsPerSecond", path);
        return at(path, () -> new EdgeServer(rate));
    }

    /** Writes an edge-server object. */
    public static ObjectNode writeEdge(EdgeServer e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("flopsPerSecond", e.flopsPerSecond());
        return o;
    }

    /** Reads a link object. */
    public static Link readLink(ObjectNode node, String path) {
        Json.onlyFields(node, path, LINK_FIELDS);
        double up = Json.number(node, "uplinkBitsPerSecond", path);
        double down = Json.number(node, "downlinkBitsPerSecond", path);
        double lat = Json.optionalNumber(node, "latencySeconds", path, 0);
        return at(path, () -> new Link(up, down, lat));
    }

    /** Writes a link object. */
    public static ObjectNode writeLink(Link l) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("uplinkBitsPerSecond", l.uplinkBitsPerSecond());
        o.put("downlinkBitsPerSecond", l.downlinkBitsPerSecond());
        o.put("latencySeconds", l.latencySeconds());
        return o;
    }

    /** Reads objective weights; absent means latency only. */
    public static CostWeights readWeights(ObjectNode parent, String name, String path) {
        if (!Json.has(parent, name)) {
            return CostWeights.LATENCY;
        }
        ObjectNode node = Json.object(parent, name, path);
        String p = path + "." + name;
        Json.onlyFields(node, p, WEIGHT_FIELDS);
        double t = Json.optionalNumber(node, "latencyWeight", p, 1);
        double e = Json.optionalNumber(node, "energyWeight", p, 0);
        return at(p, () -> new CostWeights(t, e));
    }

    /** Writes objective weights. */
    public static ObjectNode writeWeights(CostWeights w) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("latencyWeight", w.latencyWeight());
        o.put("energyWeight", w.energyWeight());
        return o;
    }
}
