package org.cleave.instances.importers.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical id of each ONNX node, used as the Cleave layer id and as the {@code node} column
 * of a profile CSV: the node's {@code name} if it is non-empty and unique among the graph's nodes,
 * otherwise its first output name; if that still collides with an id already given, the node's
 * index is appended as {@code #<index>}. Linear in the number of nodes.
 */
public final class OnnxNodeIds {
    private OnnxNodeIds() {
    }

    /**
     * The canonical ids of a graph's nodes, in node order.
     *
     * @param names        each node's {@code name} ("" when absent)
     * @param firstOutputs each node's first output name ("" when it has none)
     */
    public static List<String> of(List<String> names, List<String> firstOutputs) {
        if (names.size() != firstOutputs.size()) {
            throw new IllegalArgumentException("names: " + names.size() + " node names for " + firstOutputs.size()
                    + " nodes");
        }
        Map<String, Integer> count = new HashMap<>();
        for (String n : names) {
            if (!n.isEmpty()) {
                count.merge(n, 1, Integer::sum);
            }
        }
        List<String> ids = new ArrayList<>(names.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String id = !n.isEmpty() && count.get(n) == 1 ? n : firstOutputs.get(i);
            if (id.isEmpty() || !used.add(id)) {
                id = id + "#" + i;
                used.add(id);
            }
            ids.add(id);
        }
        return ids;
    }
}
