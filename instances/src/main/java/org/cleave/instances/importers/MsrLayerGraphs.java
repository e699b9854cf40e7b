package org.cleave.instances.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;

/**
 * Imports the MSR layer graphs of {@code shared/data/msr-*-layergraph.json} (converted from
 * msr-fiddle/dnn-partitioning, the inputs of Tarnawski et al., "Efficient Algorithms for Device
 * Placement of DNN Graph Operators", NeurIPS 2020; see that folder's README for units and caveats).
 *
 * <p>Conversion, per sample: bytes and times are divided by {@code profiledBatch} (1 when the file
 * does not state it, as for BERT and GNMT); the edge time is {@code acceleratorLatencyMs / 1000}
 * (measured on a GPU, a rough per-sample guide since GPU time is not linear in batch); the device
 * time is {@code cpuLatencyMs / 1000}, which the source did <em>not</em> measure (it is exactly
 * 10 × the accelerator time); FLOPs are 0 (the files hold none), so the times come only from these
 * figures. Node 1's data-loading time is set to 0 (the input is not compute). A {@code null}
 * {@code outputBytes} becomes 0. When the graph has several sources or sinks, a virtual
 * {@code input} (0 bytes) feeding every source and a virtual {@code output} joining every sink
 * (output bytes = the sinks' sum, no compute) are added; each sink reaches {@code output} through a
 * zero-byte, zero-time tap {@code output:<sink>}, so a sink left on the device is not uploaded to an
 * edge-side {@code output} (before, it was uploaded and then downloaded again inside the sum). The
 * sum is downloaded whenever {@code output} runs on the edge, i.e. as soon as one sink does: exact
 * when all sinks run on one tier, and otherwise it charges the device-side sinks' bytes once more
 * on the downlink (see {@code docs/import.md}, "Several outputs"). Layer ids are the source names
 * ({@code node<id>}).
 */
public final class MsrLayerGraphs {
    /** Whether Inception-v3's training-only auxiliary classifier is kept. */
    public enum AuxBranch {
        /** Keep every node, as MSR's file does. */
        KEEP,
        /** Drop Inception-v3's AuxLogits nodes 230–239 (and arc 239→258): the inference graph. */
        DROP
    }

    /** Ids of Inception-v3's AuxLogits nodes in the MSR file (README, "Inception-v3 auxiliary classifier"). */
    public static final Set<Integer> INCEPTION_V3_AUX_NODES = Set.of(230, 231, 232, 233, 234, 235, 236, 237, 238, 239);

    private MsrLayerGraphs() {
    }

    /** Reads one MSR layer-graph file. */
    public static ProfiledModel read(Path file, AuxBranch aux) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInstanceException(file + ": cannot read: " + e.getMessage());
        }
        return read(text, file.toString(), aux);
    }

    /** Reads MSR layer-graph JSON text; {@code source} names it in messages. */
    public static ProfiledModel read(String text, String source, AuxBranch aux) {
        ObjectNode root = Json.object(Json.parse(text, source), "$");
        String model = Json.string(root, "model", "$");
        JsonNode batchNode = root.get("profiledBatch");
        double batch = batchNode == null || batchNode.isNull() ? 1 : Json.number(root, "profiledBatch", "$");
        Set<Integer> dropped = aux == AuxBranch.DROP && model.equals("inceptionv3") ? INCEPTION_V3_AUX_NODES : Set.of();
        List<ObjectNode> nodes = Json.objects(root, "nodes", "$");
        Map<Integer, String> idOf = new HashMap<>();
        List<Layer> layers = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            ObjectNode n = nodes.get(i);
            String p = "$.nodes[" + i + "]";
            int id = Json.integer(n, "id", p);
            if (dropped.contains(id)) {
                continue;
            }
            String name = Json.string(n, "name", p);
            double out = n.hasNonNull("outputBytes") ? Json.number(n, "outputBytes", p) / batch : 0;
            double params = n.hasNonNull("paramBytes") ? Json.number(n, "paramBytes", p) : 0;
            boolean input = id == 1;
            double edge = input ? 0 : Json.number(n, "acceleratorLatencyMs", p) / 1000 / batch;
            double device = input ? 0 : Json.number(n, "cpuLatencyMs", p) / 1000 / batch;
            layers.add(ModelJson.at(p, () -> new Layer(name, 0, out, params, OptionalDouble.of(device),
                    OptionalDouble.of(edge))));
            idOf.put(id, name);
            names.put(name, n.hasNonNull("layerType") ? n.get("layerType").asText() : name);
        }
        ArrayNode arcs = Json.array(root, "arcs", "$");
        List<String[]> kept = new ArrayList<>();
        Set<String> hasPred = new HashSet<>();
        Set<String> hasSucc = new HashSet<>();
        for (int k = 0; k < arcs.size(); k++) {
            JsonNode a = arcs.get(k);
            if (!a.isArray() || a.size() != 2 || !a.get(0).canConvertToInt() || !a.get(1).canConvertToInt()) {
                throw new InvalidInstanceException("$.arcs[" + k + "]: must be [from, to] node ids, got "
                        + Json.describe(a));
            }
            int from = a.get(0).asInt();
            int to = a.get(1).asInt();
            if (dropped.contains(from) || dropped.contains(to)) {
                continue;
            }
            String f = idOf.get(from);
            String t = idOf.get(to);
            if (f == null || t == null) {
                throw new InvalidInstanceException("$.arcs[" + k + "]: unknown node id " + (f == null ? from : to));
            }
            kept.add(new String[] {f, t});
            hasSucc.add(f);
            hasPred.add(t);
        }
        List<Layer> sources = layers.stream().filter(l -> !hasPred.contains(l.id())).toList();
        List<Layer> sinks = layers.stream().filter(l -> !hasSucc.contains(l.id())).toList();
        DnnGraph.Builder b = DnnGraph.builder();
        boolean virtualInput = sources.size() != 1 || !sources.get(0).equals(layers.get(0));
        if (virtualInput) {
            b.addLayer(Layer.input("input", 0));
        }
        layers.forEach(b::addLayer);
        kept.forEach(a -> b.addArc(a[0], a[1]));
        if (virtualInput) {
            sources.forEach(s -> b.addArc("input", s.id()));
        }
        if (sinks.size() != 1) {
            double bytes = sinks.stream().mapToDouble(Layer::outputBytes).sum();
            b.addLayer(new Layer("output", 0, bytes, 0, OptionalDouble.of(0), OptionalDouble.of(0)));
            for (Layer s : sinks) {
                String tap = "output:" + s.id();
                b.addLayer(new Layer(tap, 0, 0, 0, OptionalDouble.of(0), OptionalDouble.of(0)));
                b.addArc(s.id(), tap);
                b.addArc(tap, "output");
            }
        }
        String declared = root.has("source") ? root.get("source").toString() : source;
        return new ProfiledModel(ModelJson.at(source, b::build), names, "MSR layer graph \"" + model + "\" from "
                + source + "; original source " + declared);
    }
}
