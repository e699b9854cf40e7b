package org.cleave.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * A DNN as a directed acyclic graph of {@link Layer}s, immutable once built.
 *
 * <p>An arc {@code u → v} means that {@code v} consumes {@code u}'s output tensor. The graph has
 * exactly one source, the <em>input</em> vertex (the raw sample, {@code flops = 0}), and exactly
 * one sink, the <em>output</em> layer; every layer lies on an input→output path. A graph whose
 * arcs form a path is a <em>chain</em>.
 *
 * <p>Layers are indexed {@code 0..n-1} in a fixed topological order (ties broken by insertion
 * order), so index 0 is the input and index {@code n-1} the output. Solvers work on these indices;
 * {@link #asGraph()} gives the same graph as an unmodifiable JGraphT view.
 *
 * <p>{@link Exit}s are held as data: each hangs after a cut vertex (a layer that every
 * input→output path passes through), and their exit rates are nondecreasing with depth.
 */
public final class DnnGraph {
    private final List<Layer> layers;
    private final Map<String, Integer> indexById;
    private final int[][] predecessors;
    private final int[][] successors;
    private final int arcCount;
    private final List<Exit> exits;
    private final boolean[] cutVertex;
    private final Graph<String, DefaultEdge> view;
    private final double[] costSums;

    private DnnGraph(List<Layer> layers, int[][] predecessors, int[][] successors, int arcCount,
                     List<Exit> exits, boolean[] cutVertex) {
        this.layers = List.copyOf(layers);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            index.put(layers.get(i).id(), i);
        }
        this.indexById = Collections.unmodifiableMap(index);
        this.predecessors = predecessors;
        this.successors = successors;
        this.arcCount = arcCount;
        this.exits = List.copyOf(exits);
        this.cutVertex = cutVertex;
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (Layer layer : layers) {
            g.addVertex(layer.id());
        }
        for (int v = 0; v < successors.length; v++) {
            for (int w : successors[v]) {
                g.addEdge(layers.get(v).id(), layers.get(w).id());
            }
        }
        this.view = new AsUnmodifiableGraph<>(g);
        double measuredDevice = 0;
        double unmeasuredDeviceFlops = 0;
        double measuredEdge = 0;
        double unmeasuredEdgeFlops = 0;
        double bytes = 0;
        for (Layer l : this.layers) {
            if (l.measuredDeviceSeconds().isPresent()) {
                measuredDevice += l.measuredDeviceSeconds().getAsDouble();
            } else {
                unmeasuredDeviceFlops += l.flops();
            }
            if (l.measuredEdgeSeconds().isPresent()) {
                measuredEdge += l.measuredEdgeSeconds().getAsDouble();
            } else {
                unmeasuredEdgeFlops += l.flops();
            }
            bytes += l.outputBytes();
        }
        this.costSums = new double[] {measuredDevice, unmeasuredDeviceFlops, measuredEdge, unmeasuredEdgeFlops, bytes};
    }

    /**
     * For {@link FiniteCosts}' O(1) pre-check: Σ measured device seconds, Σ flops of the layers
     * without them, the same two for the edge, Σ output bytes (may be infinite). Not to be changed.
     */
    double[] costSums() {
        return costSums;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of layers, the input included. */
    public int size() {
        return layers.size();
    }

    /** Number of arcs. */
    public int arcCount() {
        return arcCount;
    }

    /** The layers in topological order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The layer at topological index {@code index}. */
    public Layer layer(int index) {
        return layers.get(index);
    }

    /** Topological index of the layer {@code id}. */
    public int indexOf(String id) {
        Integer i = indexById.get(id);
        if (i == null) {
            throw new InvalidModelException("layer", "unknown layer id \"" + id + "\"");
        }
        return i;
    }

    /** Whether a layer {@code id} exists. */
    public boolean contains(String id) {
        return indexById.containsKey(id);
    }

    /** Index of the input vertex (always 0). */
    public int inputIndex() {
        return 0;
    }

    /** Index of the output layer (always {@code size() - 1}). */
    public int outputIndex() {
        return layers.size() - 1;
    }

    /** The input vertex. */
    public Layer input() {
        return layers.get(0);
    }

    /** The output layer. */
    public Layer output() {
        return layers.get(layers.size() - 1);
    }

    /** Indices of the layers whose output {@code index} consumes (a fresh copy). */
    public int[] predecessors(int index) {
        return predecessors[index].clone();
    }

    /** Indices of the layers consuming the output of {@code index} (a fresh copy). */
    public int[] successors(int index) {
        return successors[index].clone();
    }

    /** Number of consumers of the output of {@code index}. */
    public int outDegree(int index) {
        return successors[index].length;
    }

    /** Number of inputs of {@code index}. */
    public int inDegree(int index) {
        return predecessors[index].length;
    }

    /** The {@code k}-th consumer of the output of {@code index}, without copying. */
    public int successor(int index, int k) {
        return successors[index][k];
    }

    /** The {@code k}-th input of {@code index}, without copying. */
    public int predecessor(int index, int k) {
        return predecessors[index][k];
    }

    /** Whether every arc goes from index {@code i} to {@code i + 1}. */
    public boolean isChain() {
        return arcCount == layers.size() - 1 && allConsecutive();
    }

    private boolean allConsecutive() {
        for (int v = 0; v + 1 < successors.length; v++) {
            if (successors[v].length != 1 || successors[v][0] != v + 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every input→output path passes through layer {@code index}. The input and the
     * output are cut vertices.
     */
    public boolean isCutVertex(int index) {
        return cutVertex[index];
    }

    /** The exits, ordered by depth (topological index of the layer they hang from). */
    public List<Exit> exits() {
        return exits;
    }

    /** An unmodifiable JGraphT view: vertices are layer ids, an edge u→v means v consumes u. */
    public Graph<String, DefaultEdge> asGraph() {
        return view;
    }

    /** This graph without its exits. */
    public DnnGraph withoutExits() {
        return new DnnGraph(layers, predecessors, successors, arcCount, List.of(), cutVertex);
    }

    /** This graph with other exits (validated). */
    public DnnGraph withExits(List<Exit> newExits) {
        Builder b = toBuilder();
        b.exits.clear();
        newExits.forEach(b::addExit);
        return b.build();
    }

    /** A builder holding this graph's layers, arcs and exits. */
    public Builder toBuilder() {
        Builder b = new Builder();
        layers.forEach(b::addLayer);
        for (int v = 0; v < successors.length; v++) {
            for (int w : successors[v]) {
                b.addArc(layers.get(v).id(), layers.get(w).id());
            }
        }
        exits.forEach(b::addExit);
        return b;
    }

    /** Structural equality: the same layers in the same order, the same arcs and the same exits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DnnGraph g && g.layers.equals(layers) && g.exits.equals(exits)
                && java.util.Arrays.deepEquals(g.successors, successors);
    }

    @Override
    public int hashCode() {
        return layers.hashCode() * 31 + java.util.Arrays.deepHashCode(successors);
    }

    @Override
    public String toString() {
        return "DnnGraph[" + layers.size() + " layers, " + arcCount + " arcs, " + exits.size() + " exits]";
    }

    /**
     * Builds a {@link DnnGraph}. Errors name the offending field in the notation
     * {@code layers[i]}, {@code arcs[k]}, {@code exits[j].afterLayer}.
     */
    public static final class Builder {
        private final List<Layer> layers = new ArrayList<>();
        private final List<String[]> arcs = new ArrayList<>();
        private final List<Exit> exits = new ArrayList<>();

        private Builder() {
        }

        /** Adds a layer; the first layer added is the input. */
        public Builder addLayer(Layer layer) {
            layers.add(Checks.present("layers[" + layers.size() + "]", layer));
            return this;
        }

        /** Adds an arc {@code from → to}: {@code to} consumes {@code from}'s output. */
        public Builder addArc(String from, String to) {
            arcs.add(new String[] {from, to});
            return this;
        }

        /** Adds an exit. */
        public Builder addExit(Exit exit) {
            exits.add(Checks.present("exits[" + exits.size() + "]", exit));
            return this;
        }

        /**
         * Validates and builds the graph.
         *
         * @throws InvalidModelException naming the field: duplicate or dangling ids, self-loops,
         *                               duplicate arcs, cycles, several sources or sinks, an input
         *                               with FLOPs, a misplaced exit, decreasing exit rates
         */
        public DnnGraph build() {
            if (layers.isEmpty()) {
                throw new InvalidModelException("layers", "must hold at least the input vertex, got 0 layers");
            }
            Map<String, Integer> insertion = indexIds();
            Adjacency byInsertion = readArcs(insertion);
            int[] order = topologicalOrder(byInsertion);
            checkSourceAndSink(byInsertion);
            // order[0] is the input because it is the only source and has the smallest insertion index
            int n = layers.size();
            int[] position = new int[n];
            List<Layer> sorted = new ArrayList<>(n);
            for (int p = 0; p < n; p++) {
                position[order[p]] = p;
                sorted.add(layers.get(order[p]));
            }
            int[][] predecessors = new int[n][];
            int[][] successors = new int[n][];
            for (int v = 0; v < n; v++) {
                predecessors[position[v]] = byInsertion.pred().get(v).stream().mapToInt(u -> position[u]).toArray();
                successors[position[v]] = byInsertion.succ().get(v).stream().mapToInt(w -> position[w]).toArray();
            }
            boolean[] cut = cutVertices(successors);
            List<Exit> sortedExits = validateExits(insertion, position, cut, n);
            return new DnnGraph(sorted, predecessors, successors, arcs.size(), sortedExits, cut);
        }

        /** Successor and predecessor lists, indexed by insertion order. */
        private record Adjacency(List<List<Integer>> succ, List<List<Integer>> pred) {
        }

        /** Layer id → insertion index; rejects a duplicate id. */
        private Map<String, Integer> indexIds() {
            Map<String, Integer> insertion = new LinkedHashMap<>();
            for (int i = 0; i < layers.size(); i++) {
                String id = layers.get(i).id();
                Integer previous = insertion.putIfAbsent(id, i);
                if (previous != null) {
                    throw new InvalidModelException("layers[" + i + "].id",
                            "duplicate id \"" + id + "\" (also layers[" + previous + "])");
                }
            }
            return insertion;
        }

        /** The arcs as adjacency lists; rejects unknown ids, self-loops and duplicate arcs. */
        private Adjacency readArcs(Map<String, Integer> insertion) {
            int n = layers.size();
            List<List<Integer>> succ = new ArrayList<>();
            List<List<Integer>> pred = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                succ.add(new ArrayList<>());
                pred.add(new ArrayList<>());
            }
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int k = 0; k < arcs.size(); k++) {
                String[] arc = arcs.get(k);
                Integer u = insertion.get(arc[0]);
                Integer v = insertion.get(arc[1]);
                if (u == null) {
                    throw new InvalidModelException("arcs[" + k + "].from", "unknown layer id \"" + arc[0] + "\"");
                }
                if (v == null) {
                    throw new InvalidModelException("arcs[" + k + "].to", "unknown layer id \"" + arc[1] + "\"");
                }
                if (u.equals(v)) {
                    throw new InvalidModelException("arcs[" + k + "]", "self-loop on \"" + arc[0] + "\"");
                }
                if (!seen.add(((long) u << 32) | v)) {
                    throw new InvalidModelException("arcs[" + k + "]",
                            "duplicate arc \"" + arc[0] + "\" -> \"" + arc[1] + "\"");
                }
                succ.get(u).add(v);
                pred.get(v).add(u);
            }
            return new Adjacency(succ, pred);
        }

        /**
         * Kahn's algorithm, smallest insertion index first: a deterministic topological order of
         * insertion indices. Rejects a cycle.
         */
        private int[] topologicalOrder(Adjacency graph) {
            List<List<Integer>> succ = graph.succ();
            List<List<Integer>> pred = graph.pred();
            int n = succ.size();
            int[] indeg = new int[n];
            for (int v = 0; v < n; v++) {
                indeg[v] = pred.get(v).size();
            }
            PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int v = 0; v < n; v++) {
                if (indeg[v] == 0) {
                    ready.add(v);
                }
            }
            int[] order = new int[n];
            int count = 0;
            while (!ready.isEmpty()) {
                int v = ready.poll();
                order[count++] = v;
                for (int w : succ.get(v)) {
                    if (--indeg[w] == 0) {
                        ready.add(w);
                    }
                }
            }
            if (count < n) {
                throw new InvalidModelException("arcs", "the graph has a cycle: " + describeCycle(indeg, pred));
            }
            return order;
        }

        /**
         * Checks that the first layer is the single source, with no predecessors and 0 FLOPs, and
         * that there is a single sink.
         */
        private void checkSourceAndSink(Adjacency graph) {
            List<List<Integer>> succ = graph.succ();
            List<List<Integer>> pred = graph.pred();
            String inputId = layers.get(0).id();
            List<String> sources = new ArrayList<>();
            List<String> sinks = new ArrayList<>();
            for (int v = 0; v < layers.size(); v++) {
                if (pred.get(v).isEmpty()) {
                    sources.add(layers.get(v).id());
                }
                if (succ.get(v).isEmpty()) {
                    sinks.add(layers.get(v).id());
                }
            }
            if (!pred.get(0).isEmpty()) {
                throw new InvalidModelException("layers[0]", "the input vertex \"" + inputId
                        + "\" (the first layer) must have no predecessors, got " + pred.get(0).size());
            }
            if (sources.size() != 1) {
                throw new InvalidModelException("arcs", "the graph must have one source (the input \""
                        + inputId + "\"), got " + sources.size() + ": " + abbreviate(sources)
                        + ". Maybe add arcs from the input to the other sources");
            }
            if (sinks.size() != 1) {
                throw new InvalidModelException("arcs", "the graph must have one sink (the output layer), got "
                        + sinks.size() + ": " + abbreviate(sinks) + ". Maybe add a final layer that joins them");
            }
            if (layers.get(0).flops() != 0) {
                throw new InvalidModelException("layers[0].flops",
                        "the input vertex \"" + inputId + "\" must have 0 FLOPs, got " + layers.get(0).flops());
            }
        }

        /**
         * With a single source at position 0 and a single sink at n-1, a layer v is a cut vertex
         * exactly when no arc (a, b) has a < v < b in topological order: such an arc gives a path
         * around v, and without one every path must step on v.
         */
        private static boolean[] cutVertices(int[][] successors) {
            int n = successors.length;
            int[] diff = new int[n + 1];
            for (int a = 0; a < n; a++) {
                for (int b : successors[a]) {
                    if (b > a + 1) {
                        diff[a + 1]++;
                        diff[b]--;
                    }
                }
            }
            boolean[] cut = new boolean[n];
            int covering = 0;
            for (int v = 0; v < n; v++) {
                covering += diff[v];
                cut[v] = covering == 0;
            }
            return cut;
        }

        private List<Exit> validateExits(Map<String, Integer> insertion, int[] position, boolean[] cut, int n) {
            Map<String, Integer> ids = new HashMap<>();
            Map<Integer, Integer> byLayer = new HashMap<>();
            for (int j = 0; j < exits.size(); j++) {
                Exit exit = exits.get(j);
                Integer previous = ids.putIfAbsent(exit.id(), j);
                if (previous != null) {
                    throw new InvalidModelException("exits[" + j + "].id",
                            "duplicate exit id \"" + exit.id() + "\" (also exits[" + previous + "])");
                }
                Integer at = insertion.get(exit.afterLayer());
                if (at == null) {
                    throw new InvalidModelException("exits[" + j + "].afterLayer",
                            "unknown layer id \"" + exit.afterLayer() + "\"");
                }
                int p = position[at];
                if (p == 0) {
                    throw new InvalidModelException("exits[" + j + "].afterLayer",
                            "an exit cannot hang after the input vertex \"" + exit.afterLayer() + "\"");
                }
                if (!cut[p]) {
                    throw new InvalidModelException("exits[" + j + "].afterLayer", "layer \"" + exit.afterLayer()
                            + "\" is not a cut vertex: some input-to-output path avoids it, so"
                            + " 'the sample reached this exit' is not defined. Maybe hang the exit after"
                            + " the join that closes its block");
                }
                Integer other = byLayer.putIfAbsent(p, j);
                if (other != null) {
                    throw new InvalidModelException("exits[" + j + "].afterLayer", "layer \"" + exit.afterLayer()
                            + "\" already has an exit (exits[" + other + "])");
                }
                if (p == n - 1 && exit.exitRate() != 1.0) {
                    throw new InvalidModelException("exits[" + j + "].exitRate", "an exit after the output layer is"
                            + " the final classifier and must have exitRate 1, got " + exit.exitRate());
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < exits.size(); j++) {
                order.add(j);
            }
            order.sort((a, b) -> Integer.compare(position[insertion.get(exits.get(a).afterLayer())],
                    position[insertion.get(exits.get(b).afterLayer())]));
            List<Exit> sorted = new ArrayList<>();
            double previousRate = 0;
            for (int j : order) {
                Exit exit = exits.get(j);
                if (exit.exitRate() < previousRate) {
                    throw new InvalidModelException("exits[" + j + "].exitRate", "exit rates must be nondecreasing"
                            + " with depth; exit \"" + exit.id() + "\" has " + exit.exitRate()
                            + " after a shallower exit with " + previousRate);
                }
                previousRate = exit.exitRate();
                sorted.add(exit);
            }
            return sorted;
        }

        private String describeCycle(int[] indeg, List<List<Integer>> pred) {
            // A vertex Kahn's algorithm left over has a left-over predecessor: walk backwards until
            // a vertex repeats; the repeated stretch, reversed, is a cycle.
            int v = -1;
            for (int u = 0; u < indeg.length; u++) {
                if (indeg[u] > 0) {
                    v = u;
                    break;
                }
            }
            Map<Integer, Integer> step = new LinkedHashMap<>();
            List<Integer> walk = new ArrayList<>();
            while (!step.containsKey(v)) {
                step.put(v, walk.size());
                walk.add(v);
                for (int u : pred.get(v)) {
                    if (indeg[u] > 0) {
                        v = u;
                        break;
                    }
                }
            }
            List<String> cycle = new ArrayList<>();
            cycle.add("\"" + layers.get(v).id() + "\"");
            for (int i = walk.size() - 1; i >= step.get(v); i--) {
                cycle.add("\"" + layers.get(walk.get(i)).id() + "\"");
            }
            return String.join(" -> ", cycle);
        }

        private static String abbreviate(List<String> ids) {
            List<String> shown = ids.size() > 5 ? ids.subList(0, 5) : ids;
            String s = String.join(", ", shown.stream().map(x -> "\"" + x + "\"").toList());
            return ids.size() > 5 ? s + ", ... (" + ids.size() + " in all)" : s;
        }
    }
}
