package org.cleave.core.model;

import java.util.function.BooleanSupplier;

/**
 * Enumerates the monotone placements of a {@link DnnGraph}: the order ideals (down-sets) of the
 * DAG that contain the input, each given as the set of layers <em>not</em> in it (the edge side).
 *
 * <p>Depth-first over the layers in topological order: a layer with an edge-side input is forced
 * onto the edge, any other layer branches device-first. Every branch ends in a distinct ideal
 * and no branch is a dead end, so the work is O(#ideals · |V|) and the memory O(|V|). A chain
 * of n layers after the input has n + 1 ideals; an antichain of n layers has 2^n.
 */
public final class OrderIdeals {
    /** Receives each placement; the array is reused between calls and must not be kept. */
    @FunctionalInterface
    public interface Visitor {
        void visit(boolean[] onEdge);
    }

    /** How an enumeration ended. */
    public enum Stop {
        /** Every ideal was visited. */
        COMPLETE,
        /** More ideals exist than the cap allowed; the first {@code cap} were visited. */
        CAP_REACHED,
        /** The stop condition (a deadline) fired. */
        STOPPED
    }

    /**
     * The cheapest ideal an enumeration found.
     *
     * @param onEdge  the placement (a copy), null only if no ideal was visited
     * @param cost    its cost
     * @param visited ideals visited
     * @param stop    how the enumeration ended
     */
    public record Cheapest(boolean[] onEdge, double cost, long visited, Stop stop) {
    }

    private OrderIdeals() {
    }

    /**
     * Visits the ideals as {@link #forEach} does and keeps the one {@code cost} prices lowest
     * (the first of equal ones): the core of every enumeration solver.
     */
    public static Cheapest cheapest(DnnGraph graph, long cap, BooleanSupplier stop,
                                    java.util.function.ToDoubleFunction<boolean[]> cost) {
        double[] best = {Double.POSITIVE_INFINITY};
        boolean[][] plan = {null};
        long[] visited = {0};
        Stop how = forEach(graph, cap, stop, onEdge -> {
            visited[0]++;
            double c = cost.applyAsDouble(onEdge);
            if (c < best[0]) {
                best[0] = c;
                plan[0] = onEdge.clone();
            }
        });
        return new Cheapest(plan[0], best[0], visited[0], how);
    }

    /** The number of ideals, or {@code cap + 1} if there are more than {@code cap}. */
    public static long count(DnnGraph graph, long cap) {
        long[] seen = {0};
        forEach(graph, cap + 1, () -> false, x -> seen[0]++);
        return seen[0];
    }

    /**
     * Visits the ideals in a fixed order (device-first branching in topological order), at most
     * {@code cap} of them, checking {@code stop} every 1024 ideals.
     */
    public static Stop forEach(DnnGraph graph, long cap, BooleanSupplier stop, Visitor visitor) {
        int n = graph.size();
        boolean[] onEdge = new boolean[n];
        long[] visited = {0};
        Stop[] result = {Stop.COMPLETE};
        recurse(graph, 1, onEdge, cap, stop, visitor, visited, result);
        return result[0];
    }

    private static boolean recurse(DnnGraph g, int v, boolean[] onEdge, long cap, BooleanSupplier stop,
                                   Visitor visitor, long[] visited, Stop[] result) {
        if (v == g.size()) {
            if (visited[0] >= cap) {
                result[0] = Stop.CAP_REACHED;
                return false;
            }
            visitor.visit(onEdge);
            visited[0]++;
            if ((visited[0] & 1023) == 0 && stop.getAsBoolean()) {
                result[0] = Stop.STOPPED;
                return false;
            }
            return true;
        }
        boolean forced = false;
        for (int k = 0; k < g.inDegree(v); k++) {
            if (onEdge[g.predecessor(v, k)]) {
                forced = true;
                break;
            }
        }
        if (!forced) {
            onEdge[v] = false;
            if (!recurse(g, v + 1, onEdge, cap, stop, visitor, visited, result)) {
                return false;
            }
        }
        onEdge[v] = true;
        boolean go = recurse(g, v + 1, onEdge, cap, stop, visitor, visited, result);
        onEdge[v] = false;
        return go;
    }
}
