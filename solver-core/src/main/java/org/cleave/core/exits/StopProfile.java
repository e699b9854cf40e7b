package org.cleave.core.exits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;

/**
 * Where samples stop, for one set of active exits: the probability that each layer is computed
 * (its <em>reach</em>), the probability that a sample goes on past each layer, and the share and
 * accuracy of every stop (the active exits and the final classifier).
 *
 * <p>Exits hang after cut vertices, so every other layer is an ancestor (smaller topological
 * index) or a descendant (larger index) of an exit's layer ℓ_j. With active exits
 * j_1 &lt; j_2 &lt; … of cumulative (nested) rates r, and r_0 = 0:
 * <pre>
 *   reach(v)         = 1 − max{ r_j : j active, ℓ_j &lt; v }     (layer v is computed)
 *   continueAfter(v) = 1 − max{ r_j : j active, ℓ_j ≤ v }     (v's tensor is needed downstream)
 *   share(j_i)       = r_{j_i} − r_{j_{i−1}}                  (samples stopping at j_i)
 *   share(final)     = 1 − r_{j_last}
 * </pre>
 * exit branch j_i is computed by reach(ℓ_{j_i}) = 1 − r_{j_{i−1}} of the samples. With
 * {@link Mode#TRUNCATE} (Edgent's right-sizing) the model ends at the deepest active exit: its rate
 * is taken as 1, so every sample that reaches it stops there. Immutable; O(|V| + |exits|).
 */
public final class StopProfile {
    /** How the deepest active exit is treated. */
    public enum Mode {
        /** Exit rates as given; the final classifier takes the rest (variant (a), P3). */
        NESTED,
        /** The model is truncated at the deepest active exit, whose rate becomes 1 (variant (b)). */
        TRUNCATE
    }

    /**
     * One place where samples stop.
     *
     * @param exit        the early exit, or empty for the final classifier at the output layer
     * @param layer       topological index of the layer the stop hangs from
     * @param share       fraction of all samples that stop here
     * @param accuracy    accuracy of the samples that stop here
     * @param branchReach fraction of all samples that compute this stop's branch (the reach of its layer)
     */
    public record Stop(Optional<Exit> exit, int layer, double share, double accuracy, double branchReach) {
        /** The exit's id, or {@code final} for the final classifier. */
        public String name() {
            return exit.map(Exit::id).orElse("final");
        }

        /** FLOPs of the branch (0 for the final classifier, which is the output layer itself). */
        public double branchFlops() {
            return exit.map(Exit::flops).orElse(0.0);
        }
    }

    private final double[] reach;
    private final double[] continueAfter;
    private final List<Stop> stops;

    private StopProfile(double[] reach, double[] continueAfter, List<Stop> stops) {
        this.reach = reach;
        this.continueAfter = continueAfter;
        this.stops = List.copyOf(stops);
    }

    /**
     * The profile of {@code activeExitIds} on {@code graph}.
     *
     * @param finalAccuracy accuracy of the final classifier on the samples that reach it
     * @throws InvalidModelException for an unknown or repeated exit id, or several exits under TRUNCATE
     */
    public static StopProfile of(DnnGraph graph, double finalAccuracy, List<String> activeExitIds, Mode mode) {
        List<Exit> active = resolve(graph, activeExitIds);
        if (mode == Mode.TRUNCATE && active.size() > 1) {
            throw new InvalidModelException("activeExits", "a right-sized (truncated) model has at most one"
                    + " exit, got " + active.size() + ": " + activeExitIds);
        }
        int n = graph.size();
        double[] stopRateAt = new double[n];
        List<Stop> stops = new ArrayList<>();
        double previous = 0;
        for (int i = 0; i < active.size(); i++) {
            Exit e = active.get(i);
            int layer = graph.indexOf(e.afterLayer());
            double rate = mode == Mode.TRUNCATE && i == active.size() - 1 ? 1.0 : e.exitRate();
            stops.add(new Stop(Optional.of(e), layer, rate - previous, e.accuracy(), 1 - previous));
            stopRateAt[layer] = rate;
            previous = rate;
        }
        stops.add(new Stop(Optional.empty(), graph.outputIndex(), 1 - previous, finalAccuracy, 1 - previous));
        double[] reach = new double[n];
        double[] continueAfter = new double[n];
        double rate = 0;
        for (int v = 0; v < n; v++) {
            reach[v] = 1 - rate;
            rate = Math.max(rate, stopRateAt[v]);
            continueAfter[v] = 1 - rate;
        }
        return new StopProfile(reach, continueAfter, stops);
    }

    /** The active exits of {@code graph} named by {@code ids}, ordered by depth. */
    public static List<Exit> resolve(DnnGraph graph, List<String> ids) {
        Set<String> wanted = new HashSet<>();
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            if (!wanted.add(id)) {
                throw new InvalidModelException("activeExits[" + k + "]", "exit \"" + id + "\" is listed twice");
            }
            if (graph.exits().stream().noneMatch(e -> e.id().equals(id))) {
                throw new InvalidModelException("activeExits[" + k + "]", "unknown exit \"" + id + "\"; the model"
                        + " has " + graph.exits().stream().map(Exit::id).toList());
            }
        }
        return graph.exits().stream().filter(e -> wanted.contains(e.id())).toList();
    }

    /** Probability that layer {@code v} is computed. */
    public double reach(int v) {
        return reach[v];
    }

    /** Probability that a sample goes on past layer {@code v} (paid by v's outgoing tensor). */
    public double continueAfter(int v) {
        return continueAfter[v];
    }

    /** The stops, active exits by depth, then the final classifier. */
    public List<Stop> stops() {
        return stops;
    }

    /** Expected accuracy Σ share · accuracy. */
    public double expectedAccuracy() {
        double a = 0;
        for (Stop s : stops) {
            a += s.share() * s.accuracy();
        }
        return a;
    }

    /** Number of layers. */
    public int size() {
        return reach.length;
    }
}
