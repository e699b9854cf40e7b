package org.cleave.algorithms.partition;

import java.util.Arrays;

/**
 * Dinic's maximum flow on the blocks of a {@link CompiledPartitionNetwork} (Dinic, Soviet Math.
 * Doklady 11, 1970; Even &amp; Tarjan, SIAM J. Comput. 4(4), 1975, doi:10.1137/0204043), on the
 * network's compressed sparse rows: the arcs of tail v are {@code start[v] .. start[v+1]-1}, each
 * stored with its reverse arc, and a block's vertices s..t are contiguous and numbered in a
 * topological order of its finite arcs. One augmenting path at a time on the level graph, after a
 * greedy first flow and a warm-up blocking flow on the acyclic part of the block (arcs forward in
 * vertex order). Each path's flow is the minimum residual on it, so its bottleneck arc becomes
 * exactly 0 and no tolerance is needed: an arc is usable iff its residual is {@code > 0}.
 * O(|V_b|²·|A_b|) per block in the worst case.
 *
 * <p>A mutable, single-threaded workspace owned by one network: {@link #resetBlock} hands out the
 * residual capacities of a block to be set, {@link #maxFlow} saturates it, and
 * {@link #sourceSide} then reads the minimum cut (the vertices reachable from s in the final
 * residual network, left by the last, failing BFS).
 *
 * <p>Public so that other families' compiled networks (the three-tier network of
 * {@code org.cleave.algorithms.tiers}) share it. Requirements on the rows: every arc is stored with
 * its reverse, and of an arc and its reverse at most one has a finite positive base capacity (the
 * other is 0 or infinite); a block's finite arcs go up in vertex order for the warm-up to help
 * (correctness does not depend on it).
 */
public final class DinicMaxFlow {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final int[] start;
    private final int[] head;
    private final int[] tail;
    private final int[] reverse;
    private final double[] baseCapacity;
    private final double[] residual;
    private final int[] level;
    private final int[] queue;
    private final int[] current;
    private final int[] path;
    private final double[] excess;
    private final double[] pushed;
    private int phases;
    private int augmentations;

    /** A workspace for the network of these rows (shared, not copied). */
    public DinicMaxFlow(int[] start, int[] head, int[] tail, int[] reverse, double[] baseCapacity) {
        this.start = start;
        this.head = head;
        this.tail = tail;
        this.reverse = reverse;
        this.baseCapacity = baseCapacity;
        int vertices = start.length - 1;
        int arcs = head.length;
        this.residual = new double[arcs];
        this.level = new int[vertices];
        this.queue = new int[vertices];
        this.current = new int[vertices];
        this.path = new int[vertices];
        this.excess = new double[vertices];
        this.pushed = new double[arcs];
    }

    /**
     * Resets the residual capacities of block s..t to the base capacities and returns the residual
     * array, for the caller to set the block's cost-dependent capacities in.
     */
    public double[] resetBlock(int s, int t) {
        System.arraycopy(baseCapacity, start[s], residual, start[s], start[t + 1] - start[s]);
        return residual;
    }

    /** A maximum s–t flow of block s..t on the residual capacities set since {@link #resetBlock}. */
    public void maxFlow(int s, int t) {
        // warm-up: a blocking flow on the acyclic part (arcs up in vertex order), then Dinic
        greedyFlow(s, t);
        System.arraycopy(start, s, current, s, t - s + 1);
        blockingFlow(s, t, true);
        while (levelGraph(s, t)) {
            phases++;
            System.arraycopy(start, s, current, s, t - s + 1);
            blockingFlow(s, t, false);
        }
    }

    /** After {@link #maxFlow}: whether {@code vertex} is reachable from s (the device side of the cut). */
    public boolean sourceSide(int vertex) {
        return level[vertex] >= 0;
    }

    /** Zeroes the phase and augmentation counters. */
    public void resetCounters() {
        phases = 0;
        augmentations = 0;
    }

    /** Dinic phases (BFS level graphs that reached t) since the counters were reset. */
    public int phases() {
        return phases;
    }

    /** Augmenting paths since the counters were reset. */
    public int augmentations() {
        return augmentations;
    }

    /**
     * A first flow in two linear passes over the acyclic part of block s..t (arcs up in vertex
     * order): push every vertex's inflow forward greedily (to t first) in order, then return what
     * got stuck backwards along the arcs it came in, in reverse order. What remains is a flow;
     * Dinic completes it. Each forward push that is limited by an arc saturates it exactly.
     */
    private void greedyFlow(int s, int t) {
        double[] r = residual;
        double[] ex = excess;
        Arrays.fill(ex, s, t + 1, 0);
        Arrays.fill(pushed, start[s], start[t + 1], 0);
        for (int v = s; v < t; v++) {
            double left = v == s ? INF : ex[v];
            for (int e = start[v], end = start[v + 1]; e < end && left > 0; e++) {
                int w = head[e];
                if (w <= v || !(r[e] > 0)) {
                    continue;
                }
                double x = Math.min(left, r[e]);
                if (x == INF) {
                    continue;
                }
                r[e] -= x;
                r[reverse[e]] += x;
                pushed[e] += x;
                ex[w] += x;
                left -= x;
            }
            if (v != s) {
                ex[v] = left;
            }
        }
        for (int v = t - 1; v > s; v--) {
            if (!(ex[v] > 0)) {
                continue;
            }
            double left = ex[v];
            for (int e = start[v], end = start[v + 1]; e < end && left > 0; e++) {
                int from = head[e];
                int f = reverse[e];
                if (from >= v || !(pushed[f] > 0)) {
                    continue;
                }
                double x = Math.min(left, pushed[f]);
                pushed[f] -= x;
                r[f] += x;
                r[e] = baseCapacity[e] == INF ? INF : pushed[f];
                ex[from] += x;
                left -= x;
            }
            ex[v] = 0;
        }
    }

    /** BFS from s over arcs with positive residual; true iff t is reached. */
    private boolean levelGraph(int s, int t) {
        int[] lv = level;
        Arrays.fill(lv, s, t + 1, -1);
        int[] q = queue;
        int first = 0;
        int last = 0;
        q[last++] = s;
        lv[s] = 0;
        int sinkLevel = Integer.MAX_VALUE;
        double[] r = residual;
        while (first < last) {
            int v = q[first++];
            int next = lv[v] + 1;
            if (next > sinkLevel) {
                break;
            }
            for (int e = start[v], end = start[v + 1]; e < end; e++) {
                int w = head[e];
                if (lv[w] < 0 && r[e] > 0) {
                    lv[w] = next;
                    if (w == t) {
                        sinkLevel = next;
                    } else {
                        q[last++] = w;
                    }
                }
            }
        }
        return lv[t] >= 0;
    }

    /**
     * Augments one path at a time until no s–t path of admissible arcs is left: arcs with positive
     * residual that go one level up ({@code upward == false}, Dinic's level graph) or up in the
     * vertex order ({@code upward == true}). In both cases the admissible arcs form a DAG whose
     * arcs only lose residual during the pass, so a dead end stays dead (current-arc pointers).
     */
    private void blockingFlow(int s, int t, boolean upward) {
        double[] r = residual;
        int[] cur = current;
        int[] lv = level;
        int depth = 0;
        int v = s;
        while (true) {
            if (v == t) {
                double f = INF;
                for (int i = 0; i < depth; i++) {
                    f = Math.min(f, r[path[i]]);
                }
                int back = -1;
                for (int i = 0; i < depth; i++) {
                    int e = path[i];
                    r[e] -= f;
                    r[reverse[e]] += f;
                    if (back < 0 && r[e] <= 0) {
                        back = i;
                    }
                }
                augmentations++;
                depth = back;
                v = tail[path[back]];
                continue;
            }
            int e = cur[v];
            int end = start[v + 1];
            if (upward) {
                while (e < end && !(r[e] > 0 && head[e] > v)) {
                    e++;
                }
            } else {
                int up = lv[v] + 1;
                while (e < end && !(r[e] > 0 && lv[head[e]] == up)) {
                    e++;
                }
            }
            cur[v] = e;
            if (e < end) {
                path[depth++] = e;
                v = head[e];
            } else {
                if (depth == 0) {
                    return;
                }
                int a = path[--depth];
                v = tail[a];
                cur[v]++;
            }
        }
    }
}
