package org.cleave.core.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Which layers of a {@link DnnGraph} run on the edge server; the others run on the device.
 * Layers are named by their topological index in the graph the placement was made for.
 *
 * <p>A placement is <em>monotone</em> when no tensor travels edge → device (no arc {@code u → v}
 * with {@code u} on the edge and {@code v} on the device) and the input is on the device.
 * Equivalently, the device layers form an order ideal (a down-set) of the DAG that contains the
 * input. Immutable.
 */
public final class Placement {
    private final BitSet edge;
    private final int size;
    /** The last graph this placement was found monotone on (it and the graph are immutable). */
    private volatile DnnGraph monotoneOn;

    private Placement(BitSet edge, int size) {
        this.edge = edge;
        this.size = size;
    }

    /** Placement over {@code size} layers with the layers flagged {@code true} on the edge. */
    public static Placement of(boolean[] onEdge) {
        BitSet bits = new BitSet(onEdge.length);
        for (int i = 0; i < onEdge.length; i++) {
            if (onEdge[i]) {
                bits.set(i);
            }
        }
        return new Placement(bits, onEdge.length);
    }

    /** Placement over {@code size} layers with the given indices on the edge. */
    public static Placement ofEdgeIndices(int size, BitSet edgeIndices) {
        if (edgeIndices.length() > size) {
            throw new InvalidModelException("placement", "edge index " + (edgeIndices.length() - 1)
                    + " is out of range for " + size + " layers");
        }
        return new Placement((BitSet) edgeIndices.clone(), size);
    }

    /** Placement of {@code graph} with the named layers on the edge. */
    public static Placement ofEdgeLayers(DnnGraph graph, Collection<String> edgeLayerIds) {
        BitSet bits = new BitSet(graph.size());
        for (String id : edgeLayerIds) {
            bits.set(graph.indexOf(id));
        }
        return new Placement(bits, graph.size());
    }

    /** Every layer on the device. */
    public static Placement allDevice(int size) {
        return new Placement(new BitSet(size), size);
    }

    /** Every layer but the input (index 0) on the edge. */
    public static Placement allButInputOnEdge(int size) {
        BitSet bits = new BitSet(size);
        bits.set(1, size);
        return new Placement(bits, size);
    }

    /** The first {@code deviceCount} layers in topological order on the device, the rest on the edge. */
    public static Placement prefixOnDevice(int size, int deviceCount) {
        BitSet bits = new BitSet(size);
        bits.set(deviceCount, size);
        return new Placement(bits, size);
    }

    /** Number of layers. */
    public int size() {
        return size;
    }

    /** Whether layer {@code index} runs on the edge. */
    public boolean onEdge(int index) {
        return edge.get(index);
    }

    /** Number of layers on the edge. */
    public int edgeCount() {
        return edge.cardinality();
    }

    /** Indices on the edge (a copy). */
    public BitSet edgeIndices() {
        return (BitSet) edge.clone();
    }

    /** Ids of the edge layers of {@code graph}, in topological order. */
    public List<String> edgeLayerIds(DnnGraph graph) {
        List<String> ids = new ArrayList<>();
        for (int i = edge.nextSetBit(0); i >= 0; i = edge.nextSetBit(i + 1)) {
            ids.add(graph.layer(i).id());
        }
        return ids;
    }

    /** Ids of the device layers of {@code graph}, in topological order. */
    public List<String> deviceLayerIds(DnnGraph graph) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!edge.get(i)) {
                ids.add(graph.layer(i).id());
            }
        }
        return ids;
    }

    /**
     * Checks that this placement fits {@code graph} and is monotone.
     *
     * @throws InvalidModelException naming the first offending layer or arc
     */
    public void requireMonotone(DnnGraph graph) {
        if (graph == monotoneOn) {
            return; // checked before: evaluators call this for every state a plan is priced in
        }
        if (size != graph.size()) {
            throw new InvalidModelException("placement", "has " + size + " layers, the graph has " + graph.size());
        }
        if (edge.get(0)) {
            throw new InvalidModelException("placement", "the input \"" + graph.input().id()
                    + "\" must run on the device");
        }
        for (int u = edge.nextSetBit(0); u >= 0; u = edge.nextSetBit(u + 1)) {
            for (int k = 0; k < graph.outDegree(u); k++) {
                int v = graph.successor(u, k);
                if (!edge.get(v)) {
                    throw new InvalidModelException("placement", "not monotone: \"" + graph.layer(u).id()
                            + "\" runs on the edge but its consumer \"" + graph.layer(v).id()
                            + "\" runs on the device (edge-to-device transfer)");
                }
            }
        }
        monotoneOn = graph;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placement p && p.size == size && p.edge.equals(edge);
    }

    @Override
    public int hashCode() {
        return edge.hashCode() * 31 + size;
    }

    @Override
    public String toString() {
        return "Placement[edge=" + edge + " of " + size + "]";
    }
}
