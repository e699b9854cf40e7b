package org.cleave.algorithms.tiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cleave.algorithms.partition.DinicMaxFlow;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.core.model.TierPrices;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersCoefficients;
import org.cleave.core.tiers.TiersProblem;

/**
 * P1-3T's doubled flow network (Ishikawa's construction for ordered labels: H. Ishikawa, "Exact
 * optimization for Markov random fields with convex priors", IEEE TPAMI 25(10), 2003,
 * doi:10.1109/TPAMI.2003.1233908), compiled once per model into primitive arrays and re-solved for
 * new link rates, weights or loads without allocating.
 *
 * <p><b>Encoding.</b> A three-tier plan τ is two nested binary placements, x¹_v = [τ(v) ≥ edge] and
 * x²_v = [τ(v) = cloud], with x² ≤ x¹. τ is monotone iff x¹ and x² both are (τ(u) ≤ τ(v) ⇔
 * x¹_u ≤ x¹_v and x²_u ≤ x²_v) and x¹_input = 0. Each layer v gets two vertices v¹, v²; a vertex on
 * the sink side of a cut means x = 1. An arc a → b of capacity c is cut exactly when a is on the
 * source side and b on the sink side, so it prices (1 − x_a)·x_b·c.
 *
 * <p><b>The network</b>, with the costs of {@link TiersCoefficients} (D = device, E = edge,
 * C = cloud, U¹/U² = sends over link 1/link 2; the result's return and the latencies are folded into
 * the output's E and C):
 * <ul>
 *   <li>per layer v: s → v² of capacity C_v, v² → v¹ of E_v, v¹ → t of D_v, and v¹ → v² of ∞.
 *   Under x² ≤ x¹ (forced by the ∞ arc) these cost D_v(1 − x¹_v) + E_v·x¹_v(1 − x²_v) + C_v·x²_v,
 *   which is D_v, E_v or C_v for tier 0, 1, 2: Ishikawa's column of one variable with two labels
 *   above the first;</li>
 *   <li>per layer k ∈ {1, 2} and model arc u → v: v^k → u^k of ∞ (no tensor towards the device);</li>
 *   <li>send-once on layer k, as in P1's network: a single consumer v gets u^k → v^k of U^k_u; a
 *   tensor with several consumers gets an auxiliary vertex a^k_u with u^k → a^k_u of U^k_u and
 *   a^k_u → v^k of ∞ for each consumer. Then the cheapest side of a^k_u prices exactly
 *   U^k_u·(1 − x^k_u)·max_v x^k_v: u's tensor crosses link k once iff u is on this side of link k and
 *   a consumer beyond it (u ∈ S₁ for k = 1, u ∈ S₂ for k = 2, so a device tensor relayed to the cloud
 *   pays both links);</li>
 *   <li>s → input¹ of ∞ pins the input to the device (and with it input², through input¹ → input²).</li>
 * </ul>
 *
 * <p><b>Exactness.</b> Every cost term of {@link org.cleave.core.tiers.TiersProblem} is one of the
 * above: the per-tier compute (with the output's return and the latencies, which depend only on the
 * output's tier: link k is used iff x^k_out = 1) is a unary term of the nested form, and each send is
 * the P1 send-once term on one binary layer, a submodular function of that layer alone (a maximum of
 * products (1 − x_u)·x_v, represented exactly with the auxiliary vertex). Every finite cut therefore
 * encodes a monotone plan with x² ≤ x¹ and the input on the device, and its capacity is at least that
 * plan's cost (equality when each auxiliary vertex takes its cheaper side); every monotone plan has a
 * cut of capacity equal to its cost. Hence the minimum cut is an optimal plan, and its value the
 * optimum. Size: 2|V| + #multi-consumer tensors × 2 + 2 vertices, 4|V| + 4|A| + … arcs.
 *
 * <p><b>Max-flow.</b> {@link DinicMaxFlow} of P1's compiled network on one block spanning the whole
 * network (s = vertex 0, t = the last), vertices numbered s, then per layer in topological order v²,
 * v¹, a²_v, a¹_v, then t, so every finite arc goes up in vertex order and the greedy warm-up carries
 * each layer's s → v² → v¹ → t path at once. No tolerance: each augmentation saturates its bottleneck
 * exactly (see {@link DinicMaxFlow}). The plan is read back from the source side of the final residual
 * network; its cost is recomputed from the coefficients. O(V²·A) worst case per solve.
 *
 * <p><b>State.</b> A mutable single-threaded workspace (like
 * {@link org.cleave.algorithms.partition.CompiledPartitionNetwork}): {@link #setProblem} or
 * {@link #setLinks} then {@link #solve()}, then read the plan. Compile one per thread.
 */
public final class TiersCutNetwork {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final DnnGraph graph;
    private final int[][] succ;
    private final int layers;
    private final int vertices;
    private final int sink;
    private final int[] v1;
    private final int[] v2;
    private final int[] sourceArc;
    private final int[] middleArc;
    private final int[] sinkArc;
    private final int[] send1Arc;
    private final int[] send2Arc;
    private final int[] start;
    private final int[] head;
    private final DinicMaxFlow flow;
    // per-layer data of the current problem
    private final double[] deviceSeconds;
    private final double[] edgeSeconds;
    private final double[] cloudSeconds;
    private final double[] outputBits;
    private TierPrices prices;
    // current costs
    private final double[] device;
    private final double[] edge;
    private final double[] cloud;
    private final double[] send1;
    private final double[] send2;
    private final int[] tiers;
    private double cost = Double.NaN;

    private TiersCutNetwork(DnnGraph graph) {
        this(graph, successors(graph), true);
    }

    private static int[][] successors(DnnGraph graph) {
        int[][] s = new int[graph.size()][];
        for (int v = 0; v < s.length; v++) {
            s[v] = graph.successors(v);
        }
        return s;
    }

    /**
     * The network of a DAG given by successor lists over 0..n−1 in topological order (0 the source
     * layer, n−1 the sink layer); {@code graph} is the model when the network covers a whole model,
     * null for a block of one ({@link CompiledTiersNetwork}). {@code pinSource}: the infinite arc that
     * keeps layer 0 on the device (a block's first layer is pinned by {@link #restrict} instead).
     */
    TiersCutNetwork(DnnGraph graph, int[][] succ, boolean pinSource) {
        this.graph = graph;
        this.succ = succ;
        int n = succ.length;
        this.layers = n;
        v1 = new int[n];
        v2 = new int[n];
        int[] aux1 = new int[n];
        int[] aux2 = new int[n];
        int next = 1;
        for (int v = 0; v < n; v++) {
            v2[v] = next++;
            v1[v] = next++;
            if (succ[v].length > 1) {
                aux2[v] = next++;
                aux1[v] = next++;
            } else {
                aux2[v] = -1;
                aux1[v] = -1;
            }
        }
        sink = next++;
        vertices = next;
        // arc pairs a -> b with capacity slots; an arc and its reverse are one pair
        Map<Long, Integer> pairOf = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        List<double[]> base = new ArrayList<>();
        sourceArc = new int[n];
        middleArc = new int[n];
        sinkArc = new int[n];
        send1Arc = new int[n];
        send2Arc = new int[n];
        // the arc ids are pair*2 (a -> b) or pair*2 + 1 (b -> a) until the rows are built
        for (int v = 0; v < n; v++) {
            sourceArc[v] = arc(pairOf, pairs, base, 0, v2[v], 0);
            middleArc[v] = arc(pairOf, pairs, base, v2[v], v1[v], 0);
            arc(pairOf, pairs, base, v1[v], v2[v], INF);
            sinkArc[v] = arc(pairOf, pairs, base, v1[v], sink, 0);
        }
        if (pinSource) {
            arc(pairOf, pairs, base, 0, v1[0], INF);
        }
        for (int u = 0; u < n; u++) {
            int consumers = succ[u].length;
            send1Arc[u] = -1;
            send2Arc[u] = -1;
            if (consumers == 1) {
                int w = succ[u][0];
                send1Arc[u] = arc(pairOf, pairs, base, v1[u], v1[w], 0);
                send2Arc[u] = arc(pairOf, pairs, base, v2[u], v2[w], 0);
            } else if (consumers > 1) {
                send1Arc[u] = arc(pairOf, pairs, base, v1[u], aux1[u], 0);
                send2Arc[u] = arc(pairOf, pairs, base, v2[u], aux2[u], 0);
                for (int k = 0; k < consumers; k++) {
                    int w = succ[u][k];
                    arc(pairOf, pairs, base, aux1[u], v1[w], INF);
                    arc(pairOf, pairs, base, aux2[u], v2[w], INF);
                }
            }
            for (int k = 0; k < consumers; k++) {
                int w = succ[u][k];
                arc(pairOf, pairs, base, v1[w], v1[u], INF);
                arc(pairOf, pairs, base, v2[w], v2[u], INF);
            }
        }
        // compressed sparse rows, each pair as two arcs
        int arcs = pairs.size() * 2;
        start = new int[vertices + 1];
        for (int[] p : pairs) {
            start[p[0] + 1]++;
            start[p[1] + 1]++;
        }
        for (int v = 0; v < vertices; v++) {
            start[v + 1] += start[v];
        }
        head = new int[arcs];
        int[] tail = new int[arcs];
        int[] reverse = new int[arcs];
        double[] capacity = new double[arcs];
        int[] fill = start.clone();
        int[] slot = new int[arcs];
        for (int i = 0; i < pairs.size(); i++) {
            int[] p = pairs.get(i);
            int ab = fill[p[0]]++;
            int ba = fill[p[1]]++;
            head[ab] = p[1];
            tail[ab] = p[0];
            head[ba] = p[0];
            tail[ba] = p[1];
            reverse[ab] = ba;
            reverse[ba] = ab;
            capacity[ab] = base.get(i)[0];
            capacity[ba] = base.get(i)[1];
            slot[2 * i] = ab;
            slot[2 * i + 1] = ba;
        }
        for (int[] ids : new int[][] {sourceArc, middleArc, sinkArc, send1Arc, send2Arc}) {
            for (int v = 0; v < n; v++) {
                if (ids[v] >= 0) {
                    ids[v] = slot[ids[v]];
                }
            }
        }
        flow = new DinicMaxFlow(start, head, tail, reverse, capacity);
        deviceSeconds = new double[n];
        edgeSeconds = new double[n];
        cloudSeconds = new double[n];
        outputBits = new double[n];
        device = new double[n];
        edge = new double[n];
        cloud = new double[n];
        send1 = new double[n];
        send2 = new double[n];
        tiers = new int[n];
    }

    private static int arc(Map<Long, Integer> pairOf, List<int[]> pairs, List<double[]> base, int a, int b,
                           double capacity) {
        Integer forward = pairOf.get(((long) a << 32) | b);
        if (forward != null) {
            base.get(forward)[0] = capacity == INF ? INF : base.get(forward)[0] + capacity;
            return 2 * forward;
        }
        Integer backward = pairOf.get(((long) b << 32) | a);
        if (backward != null) {
            base.get(backward)[1] = capacity == INF ? INF : base.get(backward)[1] + capacity;
            return 2 * backward + 1;
        }
        pairOf.put(((long) a << 32) | b, pairs.size());
        pairs.add(new int[] {a, b});
        base.add(new double[] {capacity, 0});
        return 2 * (pairs.size() - 1);
    }

    /** The network of {@code graph}, with no costs set yet. O(|V| + |A|). */
    public static TiersCutNetwork compile(DnnGraph graph) {
        return new TiersCutNetwork(graph);
    }

    /** The network of {@code problem}'s graph with its costs set. */
    public static TiersCutNetwork compile(TiersProblem problem) {
        TiersCutNetwork net = new TiersCutNetwork(problem.graph());
        net.setProblem(problem);
        return net;
    }

    /** Number of vertices of the flow network (s and t included). */
    public int vertices() {
        return vertices;
    }

    /** Number of arcs (each residual pair counted twice). */
    public int arcs() {
        return head.length;
    }

    /**
     * Takes the per-layer times and prices of {@code problem} (whose graph must be this network's) and
     * sets the costs. Allocates nothing beyond what the problem's accessors do.
     */
    public void setProblem(TiersProblem problem) {
        if (graph == null || !problem.graph().equals(graph)) {
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
        TiersCoefficients.fill(prices, deviceSeconds, edgeSeconds, cloudSeconds, outputBits, graph.outputIndex(),
                link1, link2, device, edge, cloud, send1, send2);
    }

    /** Sets the costs from global per-layer arrays, layer v of this network taking entry {@code from + v}. */
    void setCosts(double[] d, double[] e, double[] c, double[] s1, double[] s2, int from) {
        System.arraycopy(d, from, device, 0, layers);
        System.arraycopy(e, from, edge, 0, layers);
        System.arraycopy(c, from, cloud, 0, layers);
        System.arraycopy(s1, from, send1, 0, layers);
        System.arraycopy(s2, from, send2, 0, layers);
        prices = null;
    }

    /** Sets the costs directly (all finite and {@code >= 0}). */
    public void setCosts(TiersCoefficients c) {
        if (c.size() != layers) {
            throw new IllegalArgumentException("coefficients: need " + layers + " layers, got " + c.size());
        }
        for (int v = 0; v < layers; v++) {
            device[v] = c.tierCost(v, 0);
            edge[v] = c.tierCost(v, 1);
            cloud[v] = c.tierCost(v, 2);
            send1[v] = c.send1(v);
            send2[v] = c.send2(v);
        }
        prices = null;
    }

    /**
     * Restricts the tiers each layer may take, for the baselines that solve a restriction of P1-3T
     * exactly (two tiers; a fixed device side): {@code allowed[v]} is a bit mask of tier indices
     * (bit 0 device, 1 edge, 2 cloud), non-empty. A forbidden tier's cost is raised to
     * M = 1 + Σ of every current cost, more than any plan that uses only allowed tiers costs, so the
     * minimum cut keeps to the allowed tiers whenever some monotone plan does (the caller's duty).
     * Applies to the costs currently set; call again after setting new ones.
     */
    public void restrict(int[] allowed) {
        if (allowed.length != layers) {
            throw new IllegalArgumentException("allowed: need " + layers + " entries, got " + allowed.length);
        }
        double big = 1;
        for (int v = 0; v < layers; v++) {
            big += device[v] + edge[v] + cloud[v] + send1[v] + send2[v];
        }
        for (int v = 0; v < layers; v++) {
            if ((allowed[v] & 1) == 0) {
                device[v] = big;
            }
            if ((allowed[v] & 2) == 0) {
                edge[v] = big;
            }
            if ((allowed[v] & 4) == 0) {
                cloud[v] = big;
            }
        }
    }

    /** Solves the minimum cut for the current costs; returns the optimal cost. */
    public double solve() {
        int t = sink;
        double[] r = flow.resetBlock(0, t);
        for (int v = 0; v < layers; v++) {
            r[sourceArc[v]] = cloud[v];
            r[middleArc[v]] = edge[v];
            r[sinkArc[v]] = device[v];
            if (send1Arc[v] >= 0) {
                r[send1Arc[v]] = send1[v];
                r[send2Arc[v]] = send2[v];
            }
        }
        flow.maxFlow(0, t);
        double total = 0;
        for (int v = 0; v < layers; v++) {
            int x1 = flow.sourceSide(v1[v]) ? 0 : 1;
            int x2 = flow.sourceSide(v2[v]) ? 0 : 1;
            tiers[v] = x1 + x2;
        }
        for (int v = 0; v < layers; v++) {
            int tier = tiers[v];
            total += tier == 0 ? device[v] : tier == 1 ? edge[v] : cloud[v];
            int farthest = tier;
            for (int w : succ[v]) {
                farthest = Math.max(farthest, tiers[w]);
            }
            if (tier == 0 && farthest >= 1) {
                total += send1[v];
            }
            if (tier <= 1 && farthest == 2) {
                total += send2[v];
            }
        }
        cost = total;
        return total;
    }

    /** The cost of the last solve. */
    public double cost() {
        return cost;
    }

    /** The tier index of layer {@code v} in the last solve. */
    public int tier(int v) {
        return tiers[v];
    }

    /** Copies the last plan's tier indices into {@code into}. */
    public void copyPlan(int[] into) {
        System.arraycopy(tiers, 0, into, 0, layers);
    }

    /** The last plan. */
    public TierPlacement plan() {
        return new TierPlacement(tiers);
    }
}
