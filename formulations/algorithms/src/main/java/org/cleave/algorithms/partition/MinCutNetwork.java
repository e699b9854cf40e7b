package org.cleave.algorithms.partition;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionCoefficients;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The minimum s–t cut that finds the cheapest monotone placement of a DAG whose cost is a sum of
 * per-layer terms:
 * <pre>
 *   cost(x) = Σ_{v: x_v=0} deviceCost[v] + Σ_{v: x_v=1} edgeCost[v] + Σ_{u ∈ S(x)} sendCost[u]
 * </pre>
 * with S(x) the layers on the device with at least one consumer on the edge (each tensor is paid
 * once). This is the construction of Hu et al., "Dynamic Adaptive DNN Surgery for Inference
 * Acceleration on the Edge", INFOCOM 2019 (doi:10.1109/INFOCOM.2019.8737614), completed as
 * described in {@link MinCutPartitionSolver}: auxiliary send-once vertices for multi-consumer
 * tensors, infinite reverse arcs that forbid edge → device transfers, and an infinite arc pinning
 * the input to the device. P1 uses it with {@code PartitionCoefficients}; P2 and P3 use it with
 * reach-weighted (expected) coefficients and with DSH's scaled coefficients.
 *
 * <p>Capacities are divided by their sum before JGraphT's Edmonds–Karp max-flow, so the flow
 * tolerance is relative. O(V·E²) on |V| + #multi-consumer tensors + 2 vertices. Stateless.
 */
public final class MinCutNetwork {
    /** Absolute tolerance of the flow on capacities normalised to sum 1. */
    static final double EPSILON = 1e-14;

    private MinCutNetwork() {
    }

    /**
     * A cheapest monotone placement and the size of the network that found it.
     *
     * @param placement      a minimum-cost monotone placement
     * @param vertices       vertices of the flow network (0 when no flow was needed)
     * @param arcs           arcs of the flow network
     * @param normalisedCut  the cut's capacity divided by the sum of all coefficients
     */
    public record Cut(Placement placement, int vertices, int arcs, double normalisedCut) {
    }

    /** Solves the cut for the per-layer costs of {@code c} (see {@link #solve(DnnGraph, double[], double[], double[])}). */
    public static Cut solve(DnnGraph g, PartitionCoefficients c) {
        return solve(g, c.deviceCosts(), c.edgeCosts(), c.sendCosts());
    }

    /**
     * Solves the cut for the given per-layer costs (all finite and {@code >= 0}, one entry per
     * layer of {@code g} in topological order).
     *
     * @throws InvalidModelException if an array has the wrong length or a negative or non-finite entry
     */
    public static Cut solve(DnnGraph g, double[] deviceCost, double[] edgeCost, double[] sendCost) {
        int n = g.size();
        double total = 0;
        for (double[] a : new double[][] {deviceCost, edgeCost, sendCost}) {
            if (a.length != n) {
                throw new InvalidModelException("coefficients", "need " + n + " entries, got " + a.length);
            }
            for (double x : a) {
                if (!Double.isFinite(x) || x < 0) {
                    throw new InvalidModelException("coefficients", "must be finite and >= 0, got " + x);
                }
                total += x;
            }
        }
        if (total == 0) {
            return new Cut(Placement.allDevice(n), 0, 0, 0);
        }
        double scale = 1 / total;
        double infinity = 4.0;
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> net =
                new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int s = n;
        int t = n + 1;
        for (int v = 0; v < n + 2; v++) {
            net.addVertex(v);
        }
        int next = n + 2;
        arc(net, s, 0, infinity);
        for (int v = 1; v < n; v++) {
            arc(net, s, v, edgeCost[v] * scale);
        }
        for (int v = 0; v < n; v++) {
            arc(net, v, t, deviceCost[v] * scale);
        }
        for (int u = 0; u < n; u++) {
            int consumers = g.outDegree(u);
            if (consumers == 1) {
                arc(net, u, g.successor(u, 0), sendCost[u] * scale);
            } else if (consumers > 1) {
                int aux = next++;
                net.addVertex(aux);
                arc(net, u, aux, sendCost[u] * scale);
                for (int k = 0; k < consumers; k++) {
                    arc(net, aux, g.successor(u, k), infinity);
                }
            }
            for (int k = 0; k < consumers; k++) {
                arc(net, g.successor(u, k), u, infinity);
            }
        }
        EdmondsKarpMFImpl<Integer, DefaultWeightedEdge> flow = new EdmondsKarpMFImpl<>(net, EPSILON);
        double cut = flow.calculateMinCut(s, t);
        Set<Integer> deviceSide = flow.getSourcePartition();
        boolean[] onEdge = new boolean[n];
        for (int v = 0; v < n; v++) {
            onEdge[v] = !deviceSide.contains(v);
        }
        return new Cut(Placement.of(onEdge), net.vertexSet().size(), net.edgeSet().size(), cut);
    }

    private static void arc(SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> net, int u, int v,
                            double capacity) {
        if (capacity > 0) {
            DefaultWeightedEdge e = net.getEdge(u, v);
            if (e == null) {
                e = net.addEdge(u, v);
                net.setEdgeWeight(e, capacity);
            } else {
                net.setEdgeWeight(e, net.getEdgeWeight(e) + capacity);
            }
        }
    }
}
