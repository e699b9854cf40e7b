package org.cleave.core.exits;

import java.util.List;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;

/**
 * The exact description of {@link StopProfile} over every exit set that the early-exit
 * formulations of P2 and P3 share, whatever their backend (MILP, CP-SAT, Choco): which exits are
 * active, as a path through the <em>stop chain</em>.
 *
 * <p>Nodes k = 0 … m+1: 0 is a virtual source (rate R_0 = 0, layer −1), 1 … m the exits by depth
 * (layer ℓ_k, rate R_k = r_k, or 1 under {@link StopProfile.Mode#TRUNCATE}, accuracy a_k), m+1 the
 * final classifier (layer = output, R = 1, accuracy = finalAccuracy). With z_k ∈ {0,1} (exit k
 * active) and arc variables y_ij ∈ [0,1] for i &lt; j:
 * <pre>
 *   Σ_j y_0j = 1,   Σ_i y_ik = z_k = Σ_j y_kj   (1 ≤ k ≤ m)
 * </pre>
 * For binary z this flow is integral and y_ij = 1 exactly when i and j are consecutive active
 * stops (the first active node after 0 receives all of 0's flow, and so on by depth), so y may be
 * continuous. Every quantity of {@link StopProfile} is then <em>linear</em> in y (exits hang
 * after cut vertices, one per layer, rates nondecreasing with depth):
 * <pre>
 *   reach(v)         = Σ_{i &lt; s(v) ≤ j} (1 − R_i)·y_ij      s(v) = first node k ≥ 1 with ℓ_k ≥ v (v's segment)
 *   continueAfter(u) = reach(u + 1)  (segment s(u + 1))
 *   branchReach_k    = Σ_i (1 − R_i)·y_ik                 share_k = Σ_i (R_k − R_i)·y_ik
 *   accuracy         = Σ_{i &lt; j} (R_j − R_i)·a_j·y_ij
 * </pre>
 * Layers of one segment share their reach, so a formulation needs one reach variable ρ_s per
 * segment (m+1 of them), not one per layer. The products of a reach with a placement binary x
 * (cost paid on the device: ρ·(1 − x); on the edge: ρ·x; tensor sent: κ_u·[x_v ∧ ¬x_u]) are
 * linearised by their lower envelopes w ≥ ρ − x, w ≥ ρ + x − 1, w ≥ κ_u + x_v − x_u − 1, w ≥ 0,
 * which is exact wherever such a w only appears with nonnegative coefficients in a minimised
 * objective or on the small side of a ≤ constraint (every cost is nonnegative): any feasible w is
 * at least the product, and the product itself is feasible. Immutable.
 */
public final class StopChain {
    private final int exits;
    private final int[] layer;
    private final double[] rate;
    private final double[] accuracy;
    private final List<Exit> exitList;
    private final int[] segment;
    private final StopProfile.Mode mode;

    private StopChain(DnnGraph g, double finalAccuracy, StopProfile.Mode mode) {
        this.mode = mode;
        exitList = g.exits();
        exits = exitList.size();
        layer = new int[exits + 2];
        rate = new double[exits + 2];
        accuracy = new double[exits + 2];
        layer[0] = -1;
        for (int k = 1; k <= exits; k++) {
            Exit e = exitList.get(k - 1);
            layer[k] = g.indexOf(e.afterLayer());
            rate[k] = mode == StopProfile.Mode.TRUNCATE ? 1.0 : e.exitRate();
            accuracy[k] = e.accuracy();
        }
        layer[exits + 1] = g.outputIndex();
        rate[exits + 1] = 1;
        accuracy[exits + 1] = finalAccuracy;
        segment = new int[g.size()];
        int s = 1;
        for (int v = 0; v < g.size(); v++) {
            while (layer[s] < v) {
                s++;
            }
            segment[v] = s;
        }
    }

    /** The chain of {@code g}'s exits under {@code mode}; the final classifier has {@code finalAccuracy}. */
    public static StopChain of(DnnGraph g, double finalAccuracy, StopProfile.Mode mode) {
        return new StopChain(g, finalAccuracy, mode);
    }

    /** How the deepest active exit is treated (under TRUNCATE at most one exit is active). */
    public StopProfile.Mode mode() {
        return mode;
    }

    /** m, the number of exits (nodes 1 … m). */
    public int exits() {
        return exits;
    }

    /** Index of the final node, m + 1. */
    public int last() {
        return exits + 1;
    }

    /** The exit of node {@code k} (1 … m). */
    public Exit exit(int k) {
        return exitList.get(k - 1);
    }

    /** Layer of node {@code k} (−1 for the source). */
    public int layer(int k) {
        return layer[k];
    }

    /** R_k. */
    public double rate(int k) {
        return rate[k];
    }

    /** s(v): the node whose segment (ℓ_{s−1}, ℓ_s] holds layer {@code v}. */
    public int segment(int v) {
        return segment[v];
    }

    /** Coefficient of y_ij in a reach or branch reach: 1 − R_i. */
    public double reachWeight(int i) {
        return 1 - rate[i];
    }

    /** Coefficient of y_ij in share_j: R_j − R_i. */
    public double shareWeight(int i, int j) {
        return rate[j] - rate[i];
    }

    /** Coefficient of y_ij in the accuracy: (R_j − R_i)·a_j. */
    public double accuracyWeight(int i, int j) {
        return (rate[j] - rate[i]) * accuracy[j];
    }

    /** Whether arc i → j spans segment {@code s} (i &lt; s ≤ j). */
    public static boolean spans(int i, int j, int s) {
        return i < s && s <= j;
    }
}
