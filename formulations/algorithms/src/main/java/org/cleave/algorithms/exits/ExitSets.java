package org.cleave.algorithms.exits;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;

/**
 * The exit sets the exact early-exit solvers enumerate, and the candidate order of DAPDEE's
 * inverse search.
 */
public final class ExitSets {
    /** Most exits whose 2^m subsets are enumerated. */
    public static final int MAX_EXITS = 20;

    private ExitSets() {
    }

    /**
     * Every subset of {@code graph}'s exits with at most {@code maxSize} members, each listed by
     * depth, in order of their bit mask (the empty set first).
     *
     * @throws InvalidModelException if the model has more than {@value #MAX_EXITS} exits
     */
    public static List<List<String>> subsets(DnnGraph graph, int maxSize) {
        List<Exit> exits = graph.exits();
        if (exits.size() > MAX_EXITS) {
            throw new InvalidModelException("model.exits", "has " + exits.size() + " exits; enumerating their"
                    + " subsets is limited to " + MAX_EXITS + " exits. Maybe drop some exits");
        }
        List<List<String>> sets = new ArrayList<>();
        for (int mask = 0; mask < (1 << exits.size()); mask++) {
            if (Integer.bitCount(mask) > maxSize) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < exits.size(); j++) {
                if ((mask & (1 << j)) != 0) {
                    ids.add(exits.get(j).id());
                }
            }
            sets.add(List.copyOf(ids));
        }
        return sets;
    }

    /**
     * The placement with every layer that no sample reaches (after an exit whose rate is 1, or
     * after a right-sized model's exit) on the tier of that exit's layer, so that a plan does not
     * show unreached layers on an arbitrary tier. Those layers cost nothing, so the cost is
     * unchanged, and the result is monotone: every input of an unreached layer is the exit's layer
     * or unreached itself (the exit hangs after a cut vertex).
     */
    public static Placement tidy(DnnGraph graph, StopProfile profile, Placement x) {
        int n = graph.size();
        for (int v = 0; v < n - 1; v++) {
            if (profile.continueAfter(v) == 0) {
                boolean[] onEdge = new boolean[n];
                for (int u = 0; u < n; u++) {
                    onEdge[u] = u <= v ? x.onEdge(u) : x.onEdge(v);
                }
                return Placement.of(onEdge);
            }
        }
        return x;
    }

    /**
     * Inverse search's candidates, from the deepest towards the shallowest: the full model
     * (no early exit), then each exit alone from the deepest to the shallowest.
     */
    public static List<List<String>> deepestFirst(DnnGraph graph) {
        List<List<String>> order = new ArrayList<>();
        order.add(List.of());
        List<Exit> exits = graph.exits();
        for (int j = exits.size() - 1; j >= 0; j--) {
            order.add(List.of(exits.get(j).id()));
        }
        return order;
    }
}
