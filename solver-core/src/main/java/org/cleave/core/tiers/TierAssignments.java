package org.cleave.core.tiers;

import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.cleave.core.model.DnnGraph;

/**
 * Enumerates the monotone three-tier plans of a {@link DnnGraph}: the nested pairs of order ideals
 * I₂ ⊆ I₁ containing the input, I₁ = {v : τ(v) = device} and I₂ = {v : τ(v) ≤ edge}, given as tier
 * vectors.
 *
 * <p>Depth-first over the layers in topological order: layer v may take any tier from
 * max_{u → v} τ(u) up to cloud (the input only the device). Every branch ends in a distinct plan and
 * none is a dead end, so the work is O(#plans · |V|) and the memory O(|V|). A chain of n layers after
 * the input has (n + 1)(n + 2)/2 plans; an antichain of n layers 3^n.
 */
public final class TierAssignments {
    /** Receives each plan; the array is reused between calls and must not be kept. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int[] tiers);
    }

    /** How an enumeration ended. */
    public enum Stop {
        /** Every plan was visited. */
        COMPLETE,
        /** More plans exist than the cap allowed; the first {@code cap} were visited. */
        CAP_REACHED,
        /** The stop condition (a deadline) fired. */
        STOPPED
    }

    /**
     * The cheapest plan an enumeration found.
     *
     * @param tiers   the plan (a copy), null only if none was visited
     * @param cost    its cost
     * @param visited plans visited
     * @param stop    how the enumeration ended
     */
    public record Cheapest(int[] tiers, double cost, long visited, Stop stop) {
    }

    private TierAssignments() {
    }

    /** The number of monotone plans, or {@code cap + 1} if there are more than {@code cap}. */
    public static long count(DnnGraph graph, long cap) {
        long[] seen = {0};
        forEach(graph, cap + 1, () -> false, t -> seen[0]++);
        return seen[0];
    }

    /** Visits the plans as {@link #forEach} does and keeps the first of the cheapest. */
    public static Cheapest cheapest(DnnGraph graph, long cap, BooleanSupplier stop, ToDoubleFunction<int[]> cost) {
        double[] best = {Double.POSITIVE_INFINITY};
        int[][] plan = {null};
        long[] visited = {0};
        Stop how = forEach(graph, cap, stop, t -> {
            visited[0]++;
            double c = cost.applyAsDouble(t);
            if (c < best[0]) {
                best[0] = c;
                plan[0] = t.clone();
            }
        });
        return new Cheapest(plan[0], best[0], visited[0], how);
    }

    /**
     * Visits the plans in a fixed order (lowest tier first, in topological order), at most
     * {@code cap} of them, checking {@code stop} every 1024 plans.
     */
    public static Stop forEach(DnnGraph graph, long cap, BooleanSupplier stop, Visitor visitor) {
        int[] tiers = new int[graph.size()];
        long[] visited = {0};
        Stop[] result = {Stop.COMPLETE};
        recurse(graph, 1, tiers, cap, stop, visitor, visited, result);
        return result[0];
    }

    private static boolean recurse(DnnGraph g, int v, int[] tiers, long cap, BooleanSupplier stop, Visitor visitor,
                                   long[] visited, Stop[] result) {
        if (v == g.size()) {
            if (visited[0] >= cap) {
                result[0] = Stop.CAP_REACHED;
                return false;
            }
            visitor.visit(tiers);
            visited[0]++;
            if ((visited[0] & 1023) == 0 && stop.getAsBoolean()) {
                result[0] = Stop.STOPPED;
                return false;
            }
            return true;
        }
        int lowest = 0;
        for (int k = 0; k < g.inDegree(v); k++) {
            lowest = Math.max(lowest, tiers[g.predecessor(v, k)]);
        }
        for (int t = lowest; t <= 2; t++) {
            tiers[v] = t;
            if (!recurse(g, v + 1, tiers, cap, stop, visitor, visited, result)) {
                tiers[v] = 0;
                return false;
            }
        }
        tiers[v] = 0;
        return true;
    }
}
