package org.cleave.algorithms.tiers;

import java.util.ArrayList;
import java.util.List;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.TierPrices;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.TiersProblem;

/**
 * P1-3T's min-cut compiled once per model, split at the model's cut vertices, and re-solved warm for
 * new link rates without allocating: the three-tier counterpart of
 * {@link org.cleave.algorithms.partition.CompiledPartitionNetwork}.
 *
 * <p><b>Decomposition.</b> Let c_0 = input &lt; c_1 &lt; … &lt; c_k = output be the cut vertices;
 * block b spans the layers c_b … c_{b+1}, contiguous in topological order (a layer between them
 * in the order is a descendant of c_b and an ancestor of c_{b+1}). In a monotone plan
 * τ(c_0) = 0 ≤ τ(c_1) ≤ … ≤ τ(c_k), block b's inner layers take tiers in [τ(c_b), τ(c_{b+1})], and
 * every cost term belongs to exactly one block: a layer's compute to its own block (a cut vertex's
 * to the dynamic program below), a tensor's sends to the block of its producer u ∈ [c_b, c_{b+1})
 * (all of u's consumers lie in that block). So with g_b(a, z) the cheapest cost of block b with
 * τ(c_b) = a, τ(c_{b+1}) = z (both ends' compute and the block's sends included),
 * <pre>
 *   f_0(0) = D(c_0),   f_{b+1}(z) = min_{a ≤ z} f_b(a) − cost_{c_b}(a) + g_b(a, z),   OPT = min_z f_k(z),
 * </pre>
 * a dynamic program over 3 states per cut vertex. g_b(a, a) puts every inner layer on tier a (prefix
 * sums, O(1)); a block that is one arc has g_b(a, z) = ends + the sends of c_b over the links between
 * a and z; any other block with a &lt; z is one minimum cut: for adjacent tiers (z = a + 1) a
 * two-label problem, cut by P1's {@link CompiledPartitionNetwork} on the block's own graph (D = tier
 * a, E = tier z, U = the sends over the link between them, c_{b+1} pinned by a large device cost);
 * for a = 0, z = 2 on the block's doubled network ({@link TiersCutNetwork}, exact by the argument
 * there), its ends pinned and its inner layers kept in [a, z] by {@link TiersCutNetwork#restrict}.
 * Each cut's inner tiers are kept for the read-back (the optimum's choices were all cut in this solve).
 *
 * <p><b>Bounds.</b> Most cuts are skipped, exactly. L_b(a, z) = both ends + Σ_inner min_{t ∈ [a, z]}
 * cost_v(t) + [a = 0]·min_{u ∈ [c_b, c_{b+1})} U¹_u + [z = 2]·min_u U²_u ≤ g_b(a, z) (a path
 * c_b → c_{b+1} has an arc leaving tier 0, resp. entering tier 2, and that arc's tail, a producer of
 * the block, pays its send), O(1) from prefix sums; L_b = g_b where g_b is O(1). A backward pass gives
 * r_b(a) = min_{z ≥ a} L_b(a, z) − cost_{c_b}(a) + r_{b+1}(z) ≤ the cost of any completion. The
 * incumbent UB is the cheapest of the previous solve's plan (warm re-solves) and the three plans with
 * every layer but the input on one tier. A candidate (b, a, z) is skipped when
 * f_b(a) − cost_{c_b}(a) + L_b(a, z) + r_{b+1}(z) &gt; UB (every plan through it costs more than a
 * known plan), or when its part f_b(a) − cost_{c_b}(a) + L_b(a, z) exceeds a value already known for
 * f_{b+1}(z), the O(1) all-on-z one included (it cannot be the minimum); both with a relative slack of
 * 1e-9 so that ties and rounding never skip a candidate the unbounded program would choose. States on
 * optimal plans keep their exact f, so the plan is the unbounded program's. Before a doubled-network
 * cut for (0, 2), the same two tests run with the tighter bound of a two-label cut (P1's network,
 * inner layers at D_v or min(E_v, C_v), link 1's sends) plus the block's cheapest link-2 send. Per solve: O(|V| + |A|)
 * plus the cuts that survive the bounds (at most three per non-chain block).
 *
 * <p><b>State.</b> A mutable single-threaded workspace: {@link #setProblem} once, then
 * {@link #setLinks} and {@link #solve()} as often as needed; no allocation after compile.
 */
public final class CompiledTiersNetwork {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final DnnGraph graph;
    private final int layers;
    private final int[] cuts;
    private final TiersCutNetwork[] blockNet;
    private final int[][] blockAllowed;
    private final int[][] succ;
    private final int[] succStart;
    private final int[] succFlat;
    // per-layer model data
    private final double[] deviceSeconds;
    private final double[] edgeSeconds;
    private final double[] cloudSeconds;
    private final double[] outputBits;
    private TierPrices prices;
    // current costs, by tier: cost[0] device, cost[1] edge, cost[2] cloud
    private final double[][] cost;
    private final double[] send1;
    private final double[] send2;
    private final double[][] prefix;
    // dynamic program
    private final double[] f;
    private final double[] g;
    private final int[][] choice;
    private final int[] tiers;
    // bounds: prefix sums of min over the tier ranges [0,1], [0,2], [1,2]; cheapest send of each block
    private final double[][] prefixMin;
    private final double[] minSend1;
    private final double[] minSend2;
    private final double[][] rest;
    private final int[][] blockTiers;
    // two adjacent tiers on a block: P1's compiled network on the block's own graph
    private final CompiledPartitionNetwork[] pairNet;
    private final int[][] pairIndex;
    private final double[][] pairLow;
    private final double[][] pairHigh;
    private final double[][] pairSend;
    private boolean solvedOnce;
    private double optimum = Double.NaN;
    private int cutsSolved;

    private CompiledTiersNetwork(DnnGraph graph) {
        this.graph = graph;
        int n = graph.size();
        layers = n;
        succ = new int[n][];
        succStart = new int[n + 1];
        for (int v = 0; v < n; v++) {
            succ[v] = graph.successors(v);
            succStart[v + 1] = succStart[v] + succ[v].length;
        }
        succFlat = new int[succStart[n]];
        for (int v = 0; v < n; v++) {
            System.arraycopy(succ[v], 0, succFlat, succStart[v], succ[v].length);
        }
        List<Integer> cutList = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (graph.isCutVertex(v)) {
                cutList.add(v);
            }
        }
        if (cutList.get(cutList.size() - 1) != n - 1 || cutList.get(0) != 0) {
            throw new IllegalStateException("the input and the output must be cut vertices");
        }
        cuts = cutList.stream().mapToInt(Integer::intValue).toArray();
        int blocks = cuts.length - 1;
        blockNet = new TiersCutNetwork[blocks];
        blockAllowed = new int[blocks][];
        blockTiers = new int[blocks][];
        pairNet = new CompiledPartitionNetwork[blocks];
        pairIndex = new int[blocks][];
        pairLow = new double[blocks][];
        pairHigh = new double[blocks][];
        pairSend = new double[blocks][];
        for (int b = 0; b < blocks; b++) {
            int from = cuts[b];
            int to = cuts[b + 1];
            if (to - from < 2) {
                continue;
            }
            int m = to - from + 1;
            int[][] local = new int[m][];
            for (int i = 0; i < m; i++) {
                int v = from + i;
                if (i == m - 1) {
                    local[i] = new int[0];
                    continue;
                }
                local[i] = new int[succ[v].length];
                for (int k = 0; k < succ[v].length; k++) {
                    local[i][k] = succ[v][k] - from;
                }
            }
            blockNet[b] = new TiersCutNetwork(null, local, false);
            blockAllowed[b] = new int[m];
            blockTiers[b] = new int[3 * m];
            DnnGraph.Builder builder = DnnGraph.builder().addLayer(Layer.input("v0", 1));
            for (int i = 1; i < m; i++) {
                builder.addLayer(new Layer("v" + i, 0, 1, 0));
            }
            for (int i = 0; i < m; i++) {
                for (int w : local[i]) {
                    builder.addArc("v" + i, "v" + w);
                }
            }
            DnnGraph blockGraph = builder.build();
            pairNet[b] = CompiledPartitionNetwork.compile(blockGraph);
            pairIndex[b] = new int[m];
            for (int i = 0; i < m; i++) {
                pairIndex[b][i] = blockGraph.indexOf("v" + i);
            }
            pairLow[b] = new double[m];
            pairHigh[b] = new double[m];
            pairSend[b] = new double[m];
        }
        deviceSeconds = new double[n];
        edgeSeconds = new double[n];
        cloudSeconds = new double[n];
        outputBits = new double[n];
        cost = new double[3][n];
        send1 = new double[n];
        send2 = new double[n];
        prefix = new double[3][n + 1];
        f = new double[3];
        g = new double[3];
        choice = new int[Math.max(blocks, 1)][3];
        tiers = new int[n];
        prefixMin = new double[3][n + 1];
        minSend1 = new double[blocks];
        minSend2 = new double[blocks];
        rest = new double[blocks + 1][3];
    }

    /** The network of {@code graph}, no costs set yet. */
    public static CompiledTiersNetwork compile(DnnGraph graph) {
        return new CompiledTiersNetwork(graph);
    }

    /** The network of {@code problem}'s graph with its costs set. */
    public static CompiledTiersNetwork compile(TiersProblem problem) {
        CompiledTiersNetwork net = new CompiledTiersNetwork(problem.graph());
        net.setProblem(problem);
        return net;
    }

    /** Number of blocks (between consecutive cut vertices). */
    public int blocks() {
        return cuts.length - 1;
    }

    /** Minimum cuts computed by the last solve (blocks that are not one arc, per tier pair). */
    public int cutsSolved() {
        return cutsSolved;
    }

    /** Takes the per-layer times and prices of {@code problem}, whose graph must be this network's. */
    public void setProblem(TiersProblem problem) {
        if (!problem.graph().equals(graph)) {
            throw new IllegalArgumentException("graph: the problem's graph is not the compiled one");
        }
        TiersCoefficients.layerTimes(problem, deviceSeconds, edgeSeconds, cloudSeconds, outputBits);
        prices = TierPrices.of(problem.weights(), problem.device());
        setLinks(problem.link1(), problem.link2());
    }

    /** New links for the problem last set (the warm re-solve): O(|V|), no allocation. */
    public void setLinks(Link link1, Link link2) {
        if (prices == null) {
            throw new IllegalStateException("setProblem first");
        }
        TiersCoefficients.fill(prices, deviceSeconds, edgeSeconds, cloudSeconds, outputBits, layers - 1, link1, link2,
                cost[0], cost[1], cost[2], send1, send2);
        double[] c0 = cost[0];
        double[] c1 = cost[1];
        double[] c2 = cost[2];
        double[] p0 = prefix[0];
        double[] p1 = prefix[1];
        double[] p2 = prefix[2];
        double[] m01 = prefixMin[0];
        double[] m02 = prefixMin[1];
        double[] m12 = prefixMin[2];
        for (int v = 0; v < layers; v++) {
            p0[v + 1] = p0[v] + c0[v];
            p1[v + 1] = p1[v] + c1[v];
            p2[v + 1] = p2[v] + c2[v];
            double low12 = Math.min(c1[v], c2[v]);
            m01[v + 1] = m01[v] + Math.min(c0[v], c1[v]);
            m02[v + 1] = m02[v] + Math.min(c0[v], low12);
            m12[v + 1] = m12[v] + low12;
        }
        for (int b = 0; b < cuts.length - 1; b++) {
            double s1 = INF;
            double s2 = INF;
            for (int u = cuts[b]; u < cuts[b + 1]; u++) {
                s1 = Math.min(s1, send1[u]);
                s2 = Math.min(s2, send2[u]);
            }
            minSend1[b] = s1;
            minSend2[b] = s2;
        }
    }

    /** Solves for the current costs; returns the optimal cost (recomputed from the plan). */
    public double solve() {
        cutsSolved = 0;
        int blocks = cuts.length - 1;
        double upper = upperBound();
        double slack = 1e-9 * Math.max(1, Math.abs(upper));
        double limit = upper + slack;
        // rest[b][a]: a lower bound on the cost of blocks b … k−1 beyond f_b(a)
        rest[blocks][0] = 0;
        rest[blocks][1] = 0;
        rest[blocks][2] = 0;
        for (int b = blocks - 1; b >= 0; b--) {
            int c = cuts[b];
            int d = cuts[b + 1];
            for (int a = 0; a < 3; a++) {
                double low = INF;
                for (int z = a; z < 3; z++) {
                    low = Math.min(low, lowerBlockCost(b, c, d, a, z) + rest[b + 1][z]);
                }
                rest[b][a] = low - cost[a][c];
            }
        }
        f[0] = cost[0][0];
        f[1] = INF;
        f[2] = INF;
        for (int b = 0; b < blocks; b++) {
            int c = cuts[b];
            int d = cuts[b + 1];
            boolean chain = d - c < 2;
            g[0] = INF;
            g[1] = INF;
            g[2] = INF;
            for (int a = 0; a < 3; a++) {
                if (f[a] == INF) {
                    continue;
                }
                double base = f[a] - cost[a][c];
                for (int z = a; z < 3; z++) {
                    double low = base + lowerBlockCost(b, c, d, a, z);
                    if (low + rest[b + 1][z] > limit) {
                        continue;
                    }
                    double value;
                    if (chain || a == z) {
                        value = low;
                    } else {
                        // the block's all-on-z completion is exact and O(1): no cut can win below it
                        double stay = f[z] == INF ? INF : f[z] - cost[z][c] + lowerBlockCost(b, c, d, z, z);
                        double known = Math.min(g[z], stay) + slack;
                        if (low > known) {
                            continue;
                        }
                        if (z == a + 2) {
                            // a two-label cut first: a tighter bound than L_b(0, 2), and cheaper than the doubled network
                            double tighter = base + cutAdjacent(b, c, d, 0, 2) + minSend2[b];
                            if (tighter > known || tighter + rest[b + 1][z] > limit) {
                                continue;
                            }
                        }
                        value = base + cutBlock(b, c, d, a, z);
                    }
                    if (value < g[z]) {
                        g[z] = value;
                        choice[b][z] = a;
                    }
                }
            }
            f[0] = g[0];
            f[1] = g[1];
            f[2] = g[2];
        }
        int z = 0;
        for (int t = 1; t < 3; t++) {
            if (f[t] < f[z]) {
                z = t;
            }
        }
        // read back: cut vertices' tiers from the choices, inner layers per block from the stored cuts
        tiers[layers - 1] = z;
        for (int b = blocks - 1; b >= 0; b--) {
            int c = cuts[b];
            int d = cuts[b + 1];
            int end = tiers[d];
            int a = choice[b][end];
            tiers[c] = a;
            if (a == end) {
                for (int v = c + 1; v < d; v++) {
                    tiers[v] = a;
                }
            } else if (d - c >= 2) {
                int m = d - c + 1;
                System.arraycopy(blockTiers[b], pair(a, end) * m + 1, tiers, c + 1, m - 2);
            }
        }
        tiers[0] = 0;
        solvedOnce = true;
        optimum = planCost(tiers);
        return optimum;
    }

    /**
     * An upper bound on the optimum: the cheapest of the previous solve's plan (warm re-solves: the
     * link rates moved, the plan usually did not; O(|V| + |A|)) and the three plans with the input on
     * the device and every other layer on one tier (O(1)).
     */
    private double upperBound() {
        double upper = solvedOnce ? planCost(tiers) : INF;
        // the input on the device, every other layer on tier t: O(1) from the prefix sums
        double inputSends = 0;
        for (int t = 0; t < 3; t++) {
            if (t == 1) {
                inputSends = send1[0];
            } else if (t == 2) {
                inputSends = send1[0] + send2[0];
            }
            upper = Math.min(upper, cost[0][0] + prefix[t][layers] - prefix[t][1] + inputSends);
        }
        return upper;
    }

    private static int pair(int a, int z) {
        return a + z - 1; // (0,1) → 0, (0,2) → 1, (1,2) → 2
    }

    /**
     * g_b(a, z) exactly when the block is one arc or a = z, else a lower bound: both ends' compute,
     * each inner layer at its cheapest tier in [a, z], plus the block's cheapest send over link 1
     * if a = 0 and over link 2 if z = 2 (every path c_b → c_{b+1} has an arc u → w with τ(u) = 0 &lt;
     * τ(w), resp. τ(u) ≤ 1 &lt; τ(w) = 2, and u's tensor then crosses that link; u lies in
     * [c_b, c_{b+1}), so its send is one of the block's). O(1).
     */
    private double lowerBlockCost(int b, int c, int d, int a, int z) {
        double ends = cost[a][c] + cost[z][d];
        if (d - c < 2) {
            return ends + (a == 0 && z >= 1 ? send1[c] : 0) + (a <= 1 && z == 2 ? send2[c] : 0);
        }
        if (a == z) {
            return ends + prefix[a][d] - prefix[a][c + 1];
        }
        double[] low = prefixMin[pair(a, z)];
        return ends + low[d] - low[c + 1] + (a == 0 ? minSend1[b] : 0) + (z == 2 ? minSend2[b] : 0);
    }

    /** g_b(a, z) for a &lt; z on a block that is not one arc: one minimum cut; keeps its inner tiers. */
    private double cutBlock(int b, int c, int d, int a, int z) {
        if (z == a + 1) {
            return cutAdjacent(b, c, d, a, z);
        }
        TiersCutNetwork net = blockNet[b];
        int[] allowed = blockAllowed[b];
        int mask = 0;
        for (int t = a; t <= z; t++) {
            mask |= 1 << t;
        }
        java.util.Arrays.fill(allowed, mask);
        allowed[0] = 1 << a;
        allowed[allowed.length - 1] = 1 << z;
        net.setCosts(cost[0], cost[1], cost[2], send1, send2, c);
        net.restrict(allowed);
        double value = net.solve();
        cutsSolved++;
        int m = d - c + 1;
        int[] keep = blockTiers[b];
        int offset = pair(a, z) * m;
        for (int i = 0; i < m; i++) {
            keep[offset + i] = net.tier(i);
        }
        return value;
    }

    /**
     * g_b(a, a + 1) (z = a + 1), or (z = a + 2 = 2) a lower bound on the part of g_b(0, 2) without
     * link 2's sends: inner layers at D_v or min(E_v, C_v), c_{b+1} at C, link 1's sends (every plan
     * of the block with x¹ = [tier ≥ edge] costs at least that, plus at least one send over link 2).
     * Two-tier problem on the block, solved by P1's compiled network with D = tier
     * a's costs, E = tier a + 1's, U = the sends over the link between them (the other link is never
     * used); c_b is P1's input (pinned to "device" = a), c_{b+1} is pinned to "edge" = a + 1 by a
     * device cost M = 1 + Σ of the block's terms, above every plan with c_{b+1} on a + 1.
     */
    private double cutAdjacent(int b, int c, int d, int a, int z) {
        boolean bound = z == a + 2;
        int m = d - c + 1;
        int[] index = pairIndex[b];
        double[] low = pairLow[b];
        double[] high = pairHigh[b];
        double[] sends = pairSend[b];
        double[] lowCost = cost[a];
        double[] highCost = cost[z];
        double[] linkSend = a == 0 ? send1 : send2;
        double big = 1;
        for (int i = 0; i < m; i++) {
            int v = c + i;
            int k = index[i];
            low[k] = lowCost[v];
            high[k] = bound && i < m - 1 ? Math.min(cost[1][v], highCost[v]) : highCost[v];
            sends[k] = i == m - 1 ? 0 : linkSend[v];
            big += low[k] + high[k] + sends[k];
        }
        low[index[m - 1]] = big;
        CompiledPartitionNetwork net = pairNet[b];
        net.setCosts(low, high, sends, 1, 1);
        double value = net.solve();
        cutsSolved++;
        if (bound) {
            return value;
        }
        int[] keep = blockTiers[b];
        int offset = pair(a, z) * m;
        for (int i = 0; i < m; i++) {
            keep[offset + i] = net.onEdge(index[i]) ? z : a;
        }
        return value;
    }

    private double planCost(int[] tiers) {
        double total = 0;
        for (int v = 0; v < layers; v++) {
            int t = tiers[v];
            total += cost[t][v];
            int farthest = t;
            for (int k = succStart[v], end = succStart[v + 1]; k < end; k++) {
                farthest = Math.max(farthest, tiers[succFlat[k]]);
            }
            if (t == 0 && farthest >= 1) {
                total += send1[v];
            }
            if (t <= 1 && farthest == 2) {
                total += send2[v];
            }
        }
        return total;
    }

    /** The cost of the last solve. */
    public double cost() {
        return optimum;
    }

    /** The tier index of layer {@code v} in the last solve. */
    public int tier(int v) {
        return tiers[v];
    }

    /** The last plan. */
    public TierPlacement plan() {
        return new TierPlacement(tiers);
    }
}
