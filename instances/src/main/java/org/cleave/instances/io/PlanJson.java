package org.cleave.instances.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Placement;

/**
 * Reading the decision part of a plan's JSON, shared by the {@link FamilyCodec#readPlan} of the
 * families whose plans place layers. Every error is an {@link InvalidInstanceException} naming the
 * JSON path and the value, on one line.
 *
 * <p>A placement is read from any of three equivalent fields (at least one is required; when
 * several are given they must agree):
 * <ul>
 *   <li>{@code edgeLayers}: the ids of the layers on the edge (what {@code cleave solve --json}
 *       writes, together with {@code deviceLayers});</li>
 *   <li>{@code deviceLayers}: the ids of the layers on the device;</li>
 *   <li>{@code edgeMask}: one flag per layer in the model's layer order, {@code 1} = edge, as an
 *       array of 0/1 or a string of {@code '0'}/{@code '1'} characters.</li>
 * </ul>
 * Monotonicity is not checked here: a non-monotone placement is a well-formed plan that the
 * family's evaluator rejects, which a plan scorer reports as a violation. O(|V|) per plan.
 */
public final class PlanJson {
    private PlanJson() {
    }

    /** Requires {@code node} to be an object and to hold only {@code allowed} fields. */
    public static ObjectNode object(JsonNode node, String path, Set<String> allowed) {
        ObjectNode o = Json.object(node, path);
        Iterator<String> names = o.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInstanceException(path + "." + name + ": unknown field of a plan; allowed here: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return o;
    }

    /** Reads the placement of {@code graph} from {@code edgeLayers}, {@code deviceLayers} and/or {@code edgeMask}. */
    public static Placement placement(DnnGraph graph, ObjectNode plan, String path) {
        int n = graph.size();
        BitSet fromEdge = Json.has(plan, "edgeLayers") ? layerSet(graph, plan, "edgeLayers", path) : null;
        BitSet fromDevice = Json.has(plan, "deviceLayers") ? layerSet(graph, plan, "deviceLayers", path) : null;
        BitSet fromMask = Json.has(plan, "edgeMask") ? mask(graph, plan.get("edgeMask"), path + ".edgeMask") : null;
        if (fromEdge == null && fromDevice == null && fromMask == null) {
            throw new InvalidInstanceException(path + ": a placement is required: edgeLayers (ids of the edge layers),"
                    + " deviceLayers or edgeMask");
        }
        if (fromEdge != null && fromDevice != null) {
            BitSet both = (BitSet) fromEdge.clone();
            both.and(fromDevice);
            if (!both.isEmpty()) {
                throw new InvalidInstanceException(path + ".deviceLayers: layer \"" + graph.layer(both.nextSetBit(0)).id()
                        + "\" is also in edgeLayers");
            }
            BitSet all = (BitSet) fromEdge.clone();
            all.or(fromDevice);
            if (all.cardinality() != n) {
                int missing = all.nextClearBit(0);
                throw new InvalidInstanceException(path + ": deviceLayers and edgeLayers name " + all.cardinality()
                        + " of the " + n + " layers; missing \"" + graph.layer(missing).id() + "\"");
            }
        }
        BitSet edge = fromEdge;
        if (edge == null && fromDevice != null) {
            edge = (BitSet) fromDevice.clone();
            edge.flip(0, n);
        }
        if (edge == null) {
            edge = fromMask;
        } else if (fromMask != null && !fromMask.equals(edge)) {
            BitSet diff = (BitSet) fromMask.clone();
            diff.xor(edge);
            throw new InvalidInstanceException(path + ".edgeMask: disagrees with the layer lists at layer \""
                    + graph.layer(diff.nextSetBit(0)).id() + "\"");
        }
        return Placement.ofEdgeIndices(n, edge);
    }

    /** Reads the layer-id list {@code name} of {@code plan}: known ids, each at most once, as a set of layer indices. */
    public static BitSet layerSet(DnnGraph graph, ObjectNode plan, String name, String path) {
        ArrayNode a = Json.array(plan, name, path);
        BitSet set = new BitSet(graph.size());
        for (int i = 0; i < a.size(); i++) {
            String p = path + "." + name + "[" + i + "]";
            JsonNode e = a.get(i);
            if (!e.isTextual()) {
                throw new InvalidInstanceException(p + ": must be a layer id (a string), got " + Json.describe(e));
            }
            String id = e.asText();
            if (!graph.contains(id)) {
                throw new InvalidInstanceException(p + ": unknown layer id \"" + id + "\"; the model has "
                        + graph.size() + " layers from \"" + graph.input().id() + "\" to \"" + graph.output().id() + "\"");
            }
            int index = graph.indexOf(id);
            if (set.get(index)) {
                throw new InvalidInstanceException(p + ": layer \"" + id + "\" is listed twice");
            }
            set.set(index);
        }
        return set;
    }

    private static BitSet mask(DnnGraph graph, JsonNode node, String path) {
        int n = graph.size();
        BitSet edge = new BitSet(n);
        if (node.isTextual()) {
            String s = node.asText();
            if (s.length() != n) {
                throw new InvalidInstanceException(path + ": length " + s.length() + ", expected " + n
                        + " (one flag per layer), got " + Json.describe(node));
            }
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c != '0' && c != '1') {
                    throw new InvalidInstanceException(path + "[" + i + "]: must be '0' (device) or '1' (edge), got '"
                            + c + "'");
                }
                edge.set(i, c == '1');
            }
            return edge;
        }
        if (!node.isArray()) {
            throw new InvalidInstanceException(path + ": must be an array of 0/1 or a string of 0/1, got "
                    + Json.describe(node));
        }
        if (node.size() != n) {
            throw new InvalidInstanceException(path + ": length " + node.size() + ", expected " + n
                    + " (one flag per layer)");
        }
        for (int i = 0; i < n; i++) {
            JsonNode e = node.get(i);
            boolean ok = e.isIntegralNumber() && (e.asInt() == 0 || e.asInt() == 1) || e.isBoolean();
            if (!ok) {
                throw new InvalidInstanceException(path + "[" + i + "]: must be 0 (device) or 1 (edge), got "
                        + Json.describe(e));
            }
            edge.set(i, e.isBoolean() ? e.asBoolean() : e.asInt() == 1);
        }
        return edge;
    }

    /** Reads {@code activeExits}: ids of exits of {@code graph}, each at most once, in the order given. */
    public static List<String> activeExits(DnnGraph graph, ObjectNode plan, String path) {
        ArrayNode a = Json.array(plan, "activeExits", path);
        Set<String> known = new HashSet<>();
        for (Exit e : graph.exits()) {
            known.add(e.id());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String p = path + ".activeExits[" + i + "]";
            JsonNode e = a.get(i);
            if (!e.isTextual()) {
                throw new InvalidInstanceException(p + ": must be an exit id (a string), got " + Json.describe(e));
            }
            String id = e.asText();
            if (!known.contains(id)) {
                throw new InvalidInstanceException(p + ": unknown exit id \"" + id + "\"; the model's exits: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
            }
            if (out.contains(id)) {
                throw new InvalidInstanceException(p + ": exit \"" + id + "\" is listed twice");
            }
            out.add(id);
        }
        return out;
    }

    /** A required non-negative integer field. */
    public static int nonNegativeInteger(ObjectNode parent, String name, String path) {
        int v = Json.integer(parent, name, path);
        if (v < 0) {
            throw new InvalidInstanceException(path + "." + name + ": must be >= 0, got " + v);
        }
        return v;
    }
}
