package org.cleave.algorithms.partition;

import java.util.Arrays;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.TierPrices;
import org.cleave.core.partition.PartitionProblem;

/**
 * P1's min-cut flow network compiled once per model into primitive arrays, then re-solved for
 * new bandwidth, device load, weights or reach weights without allocating.
 *
 * <p><b>Problem.</b> Given per-layer costs D_v (layer v on the device), E_v (on the edge) and
 * U_u = β_u / R_up (u's output sent up), find a monotone placement x minimising
 * <pre>
 *   Σ_{v: x_v=0} D_v + Σ_{v: x_v=1} E_v + Σ_{u ∈ S(x)} U_u ,
 * </pre>
 * S(x) the device layers with an edge-side consumer. {@link #setParameters} fills D, E and β
 * from P1's model (see {@link org.cleave.core.partition.PartitionCoefficients}), optionally
 * weighted by {@link ReachWeights} (expected cost for a fixed exit set, P2);
 * {@link #setCosts} takes them directly.
 *
 * <p><b>Decomposition at cut vertices.</b> Let c_0 = input &lt; c_1 &lt; … &lt; c_k = output be the
 * cut vertices (layers every input→output path passes through); block b is the index range
 * c_b … c_{b+1} (no model arc jumps over a cut vertex, so a block's layers are contiguous in
 * topological order). Every monotone placement but all-device has a last device-side cut vertex
 * c_b; then the layers before c_b are on the device (ancestors of c_b), c_{b+1} and all layers
 * after it on the edge (descendants of an edge layer), and only block b's inner layers are free.
 * Hence
 * <pre>
 *   OPT = min( Σ_v D_v ,  min_b [ Σ_{v &lt; c_b} D_v + D_{c_b} + cut_b + E_{c_{b+1}} + Σ_{v &gt; c_{b+1}} E_v ] ),
 * </pre>
 * cut_b the cheapest placement of block b's inner layers with c_b pinned to the device and
 * c_{b+1} to the edge, sends of c_b … c_{b+1}−1 included. A block that is one arc (every block of
 * a chain) has cut_b = U_{c_b}: no flow at all. For the other blocks, cut_b ≥ Σ_inner min(D_v, E_v)
 * + min_{c_b ≤ u &lt; c_{b+1}} U_u (a c_b → c_{b+1} path crosses to the edge once, sending one
 * tensor), and all-inner-on-the-edge / all-inner-on-the-device are feasible; the blocks are
 * cut in increasing order of that lower bound until it reaches the best cost found, which is
 * therefore exact (a branch and bound whose bounds are valid; costs compare up to rounding of the
 * sums, a few ulps). Everything but the cut blocks is O(layers + arcs) per solve. Of equally
 * cheap plans the one with the smallest device side is returned: the inclusion-minimal minimum
 * cut, which is what the undecomposed network (vertices reachable from s after a max-flow) and
 * {@link MinCutPartitionSolver} return; callers rely on it (layers whose terms are all 0, e.g.
 * after an exit every sample takes, go to the edge).
 *
 * <p><b>Network of a block.</b> Hu et al.'s construction (DADS, INFOCOM 2019,
 * doi:10.1109/INFOCOM.2019.8737614) with the completions of {@link MinCutPartitionSolver}: source s
 * = c_b (device), sink t = c_{b+1} (edge); s → v of capacity E_v, v → t of D_v for the inner
 * layers; u → v of U_u for a single consumer, or u → a_u of U_u and a_u → v of ∞ for each
 * consumer of a multi-consumer tensor; v → u of ∞ for every model arc u → v (no edge → device
 * transfer; dropped where it would leave t or enter s, where it can never be crossed). Every arc
 * is stored with its reverse (residual) arc; all blocks' networks share one set of compressed
 * sparse rows, each block's vertices (and so its arcs) contiguous and numbered in a topological
 * order of its finite arcs, so a solve touches only {@code double[]} and {@code int[]} arrays made
 * at compile time and only the arcs of the blocks it cuts. Before the max-flow each inner layer's
 * two terminal arcs are cancelled against each other (min(D_v, E_v) is a constant of every cut).
 *
 * <p><b>Max-flow</b> ({@link DinicMaxFlow}). Dinic's algorithm (Dinic, Soviet Math. Doklady 11, 1970; see also
 * Even &amp; Tarjan, SIAM J. Comput. 4(4), 1975, doi:10.1137/0204043) with one augmenting path
 * at a time on the level graph, after a greedy first flow and a warm-up blocking flow on the
 * acyclic part of the block's network (the arcs that go forward in vertex order, which carry most
 * of the flow in one pass instead of one Dinic phase per level): each path's flow is the minimum
 * residual on it, so its bottleneck arc becomes <em>exactly</em> 0 in floating point and every
 * augmentation saturates an arc. Hence no tolerance is needed: an arc is usable iff its residual
 * is {@code > 0}, and the number of phases (≤ |V|) and augmentations per phase (≤ |A|) are bounded
 * as in exact arithmetic. The minimum cut is read back as the vertices reachable from s in the
 * final residual network (the last, failing BFS), and its cost is then recomputed from that
 * placement. Complexity per block O(|V_b|²·|A_b|) worst case, |V_b| = inner layers +
 * multi-consumer tensors + 2; in practice a few phases, and few blocks are cut.
 *
 * <p><b>State.</b> Unlike the solvers, an instance is a mutable, single-threaded workspace: set
 * the parameters, call {@link #solve()}, then read the plan with {@link #onEdge(int)},
 * {@link #copyPlan(boolean[])} or {@link #plan()}. Compile one network per thread. Units: seconds,
 * bytes, bit/s, watts; costs in the objective's unit (w_T·s + w_E·J).
 */
public final class CompiledPartitionNetwork {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final DnnGraph graph;
    private final int layers;
    private final int vertices;
    // the cut vertices c_0 = input < c_1 < ... < c_k = output; block b spans layers cuts[b] .. cuts[b+1]
    private final int[] cuts;
    // per block: its flow network's source (c_b) and sink (c_{b+1}) vertices, -1 for a single arc
    private final int[] blockSource;
    private final int[] blockSink;
    // compressed sparse rows: arcs of tail v are start[v] .. start[v+1]-1; each block's vertices
    // (and hence its arcs) are contiguous and numbered in a topological order of its finite arcs
    private final int[] start;
    private final int[] head;
    private final int[] tail;
    private final int[] reverse;
    private final double[] baseCapacity;
    // per layer: flow vertex (-1 for cut vertices), arcs s→v, v→t and the send arc (-1 if none)
    private final int[] vertexOf;
    private final int[] sourceArc;
    private final int[] sinkArc;
    private final int[] sendArc;
    // layer successors and predecessors
    private final int[] succStart;
    private final int[] succ;
    private final int[] predStart;
    private final int[] pred;
    // per-layer model data
    private final double[] flops;
    private final double[] measuredDeviceSeconds;
    private final double[] measuredEdgeSeconds;
    private final double[] outputBits;
    private final double[] branchFlops;
    // current cost coefficients
    private final double[] deviceCost;
    private final double[] edgeCost;
    private final double[] sendBits;
    private double sendWeight = 1;
    private double uplinkBitsPerSecond = Double.NaN;
    // reach weights (P1 by default)
    private final double[] layerReach;
    private final double[] tensorReach;
    private final double[] exitReach;
    private final double[] resultShare;
    // workspace
    private final double[] sendCost;
    private final double[] devicePrefix;
    private final double[] edgeSuffix;
    private final double[] blockBound;
    private final double[] blockFixed;
    private final int[] pending;
    private final DinicMaxFlow flow;
    private final boolean[] cutSide;
    private final boolean[] onEdge;
    private BlockSearch blockSearch = BlockSearch.BOUNDED;
    private double best;
    private int bestRank;
    private boolean solved;
    private int blockFlows;

    private CompiledPartitionNetwork(DnnGraph graph) {
        this.graph = graph;
        int n = graph.size();
        this.layers = n;
        int k = 0;
        for (int v = 0; v < n; v++) {
            if (graph.isCutVertex(v)) {
                k++;
            }
        }
        this.cuts = new int[k];
        k = 0;
        for (int v = 0; v < n; v++) {
            if (graph.isCutVertex(v)) {
                cuts[k++] = v;
            }
        }
        int blocks = k - 1;
        this.blockSource = new int[Math.max(blocks, 0)];
        this.blockSink = new int[Math.max(blocks, 0)];
        this.vertexOf = new int[n];
        int[] auxOf = new int[n];
        Arrays.fill(vertexOf, -1);
        Arrays.fill(auxOf, -1);
        // number the vertices block by block: s (= c_b), c_b's tensor vertex, then each inner layer
        // followed by its tensor vertex, then t (= c_{b+1})
        int count = 0;
        int pairs = 0;
        for (int b = 0; b < blocks; b++) {
            int c = cuts[b];
            int d = cuts[b + 1];
            if (d == c + 1) {
                blockSource[b] = -1;
                blockSink[b] = -1;
                continue;
            }
            blockSource[b] = count++;
            for (int u = c; u < d; u++) {
                if (u > c) {
                    vertexOf[u] = count++;
                    pairs += 2;
                }
                int deg = graph.outDegree(u);
                if (deg > 1) {
                    auxOf[u] = count++;
                    pairs += 1 + 2 * deg;
                } else {
                    pairs += 1;
                }
            }
            blockSink[b] = count++;
        }
        this.vertices = count;
        int m = 2 * pairs;
        int[] t0 = new int[m];
        int[] h0 = new int[m];
        double[] c0 = new double[m];
        int[] next = {0};
        int[] srcArc0 = new int[n];
        int[] snkArc0 = new int[n];
        int[] sendArc0 = new int[n];
        Arrays.fill(srcArc0, -1);
        Arrays.fill(snkArc0, -1);
        Arrays.fill(sendArc0, -1);
        for (int b = 0; b < blocks; b++) {
            int s = blockSource[b];
            if (s < 0) {
                continue;
            }
            int t = blockSink[b];
            int c = cuts[b];
            int d = cuts[b + 1];
            for (int v = c + 1; v < d; v++) {
                srcArc0[v] = pair(t0, h0, c0, next, s, vertexOf[v], 0, 0);
                snkArc0[v] = pair(t0, h0, c0, next, vertexOf[v], t, 0, 0);
            }
            for (int u = c; u < d; u++) {
                int from = u == c ? s : vertexOf[u];
                int deg = graph.outDegree(u);
                if (deg == 1) {
                    int w = graph.successor(u, 0);
                    sendArc0[u] = pair(t0, h0, c0, next, from, w == d ? t : vertexOf[w], 0, INF);
                } else {
                    int a = auxOf[u];
                    sendArc0[u] = pair(t0, h0, c0, next, from, a, 0, INF);
                    for (int j = 0; j < deg; j++) {
                        int w = graph.successor(u, j);
                        int to = w == d ? t : vertexOf[w];
                        pair(t0, h0, c0, next, a, to, INF, 0);
                        // no edge → device transfer; arcs out of t or into s are never used
                        if (to != t && from != s) {
                            pair(t0, h0, c0, next, to, from, INF, 0);
                        }
                    }
                }
            }
        }
        m = next[0];
        this.start = new int[vertices + 1];
        for (int e = 0; e < m; e++) {
            start[t0[e] + 1]++;
        }
        for (int v = 0; v < vertices; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = Arrays.copyOf(start, vertices);
        int[] position = new int[m];
        for (int e = 0; e < m; e++) {
            position[e] = fill[t0[e]]++;
        }
        this.head = new int[m];
        this.tail = new int[m];
        this.reverse = new int[m];
        this.baseCapacity = new double[m];
        for (int e = 0; e < m; e++) {
            int p = position[e];
            head[p] = h0[e];
            tail[p] = t0[e];
            reverse[p] = position[e ^ 1];
            baseCapacity[p] = c0[e];
        }
        this.sourceArc = new int[n];
        this.sinkArc = new int[n];
        this.sendArc = new int[n];
        for (int v = 0; v < n; v++) {
            sourceArc[v] = srcArc0[v] < 0 ? -1 : position[srcArc0[v]];
            sinkArc[v] = snkArc0[v] < 0 ? -1 : position[snkArc0[v]];
            sendArc[v] = sendArc0[v] < 0 ? -1 : position[sendArc0[v]];
        }
        this.succStart = new int[n + 1];
        this.predStart = new int[n + 1];
        for (int u = 0; u < n; u++) {
            succStart[u + 1] = succStart[u] + graph.outDegree(u);
            predStart[u + 1] = predStart[u] + graph.inDegree(u);
        }
        this.succ = new int[succStart[n]];
        this.pred = new int[predStart[n]];
        for (int u = 0; u < n; u++) {
            for (int j = 0; j < graph.outDegree(u); j++) {
                succ[succStart[u] + j] = graph.successor(u, j);
            }
            for (int j = 0; j < graph.inDegree(u); j++) {
                pred[predStart[u] + j] = graph.predecessor(u, j);
            }
        }
        this.flops = new double[n];
        this.measuredDeviceSeconds = new double[n];
        this.measuredEdgeSeconds = new double[n];
        this.outputBits = new double[n];
        this.branchFlops = new double[n];
        for (int v = 0; v < n; v++) {
            Layer l = graph.layer(v);
            flops[v] = l.flops();
            measuredDeviceSeconds[v] = l.measuredDeviceSeconds().orElse(Double.NaN);
            measuredEdgeSeconds[v] = l.measuredEdgeSeconds().orElse(Double.NaN);
            outputBits[v] = 8 * l.outputBytes();
        }
        for (Exit exit : graph.exits()) {
            branchFlops[graph.indexOf(exit.afterLayer())] = exit.flops();
        }
        this.deviceCost = new double[n];
        this.edgeCost = new double[n];
        this.sendBits = new double[n];
        this.layerReach = new double[n];
        this.tensorReach = new double[n];
        this.exitReach = new double[n];
        this.resultShare = new double[n];
        clearReachWeights();
        this.sendCost = new double[n];
        this.devicePrefix = new double[n + 1];
        this.edgeSuffix = new double[n];
        this.blockBound = new double[Math.max(blocks, 0)];
        this.blockFixed = new double[Math.max(blocks, 0)];
        this.pending = new int[Math.max(blocks, 0)];
        this.flow = new DinicMaxFlow(start, head, tail, reverse, baseCapacity);
        this.cutSide = new boolean[n];
        this.onEdge = new boolean[n];
    }

    private static int pair(int[] t0, int[] h0, double[] c0, int[] count, int from, int to, double capacity,
                            double reverseCapacity) {
        int e = count[0];
        t0[e] = from;
        h0[e] = to;
        c0[e] = capacity;
        t0[e + 1] = to;
        h0[e + 1] = from;
        c0[e + 1] = reverseCapacity;
        count[0] = e + 2;
        return e;
    }

    /** Compiles the flow network of {@code graph} (O(|V| + |A|) time and memory). */
    public static CompiledPartitionNetwork compile(DnnGraph graph) {
        return new CompiledPartitionNetwork(Checks.present("graph", graph));
    }

    /** A network compiled for {@code problem.graph()} with {@code problem}'s parameters set. */
    public static CompiledPartitionNetwork of(PartitionProblem problem) {
        CompiledPartitionNetwork net = compile(problem.graph());
        net.setProblem(problem);
        return net;
    }

    /** The model this network was compiled for. */
    public DnnGraph graph() {
        return graph;
    }

    /**
     * Number of flow-network vertices over all blocks that need a flow (inner layers, auxiliary
     * tensor vertices, and each block's s and t); 0 for a chain.
     */
    public int vertexCount() {
        return vertices;
    }

    /** Number of flow-network arcs, residual (reverse) arcs included. */
    public int arcCount() {
        return head.length;
    }

    /**
     * Sets the reach weights used by the next {@link #setParameters} (expected cost for a fixed
     * exit set). Copies the arrays; allocation-free apart from the accessor copies of {@code weights}.
     *
     * @throws InvalidModelException if the weights are not for this model's number of layers
     */
    public void setReachWeights(ReachWeights weights) {
        Checks.present("reachWeights", weights);
        if (weights.size() != layers) {
            throw new InvalidModelException("reachWeights", "has " + weights.size() + " layers, the model has "
                    + layers);
        }
        System.arraycopy(weights.layerReach(), 0, layerReach, 0, layers);
        System.arraycopy(weights.tensorReach(), 0, tensorReach, 0, layers);
        System.arraycopy(weights.exitReach(), 0, exitReach, 0, layers);
        System.arraycopy(weights.resultShare(), 0, resultShare, 0, layers);
    }

    /** Back to P1: every term paid with probability 1 ({@link ReachWeights#none(int)}). */
    public void clearReachWeights() {
        Arrays.fill(layerReach, 1.0);
        Arrays.fill(tensorReach, 1.0);
        Arrays.fill(exitReach, 0.0);
        Arrays.fill(resultShare, 0.0);
        resultShare[layers - 1] = 1.0;
    }

    /**
     * Sets P1's parameters from {@code problem} (its graph must be the compiled one).
     *
     * @throws InvalidModelException if the problem is for another graph
     */
    public void setProblem(PartitionProblem problem) {
        if (problem.graph() != graph) {
            throw new InvalidModelException("problem.graph", "is " + problem.graph()
                    + ", not the graph this network was compiled for (" + graph + ")");
        }
        setParameters(problem.device(), problem.edge(), problem.link(), problem.weights(), problem.deviceLoad());
    }

    /**
     * Sets the cost coefficients from P1's model, weighted by the current reach weights. Allocates
     * nothing. The arithmetic is that of {@link org.cleave.core.partition.PartitionCoefficients}.
     *
     * @param deviceLoad DAPDEE's terminal load ρ ∈ [0, 1)
     */
    public void setParameters(Device device, EdgeServer edge, Link link, CostWeights weights, double deviceLoad) {
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("link", link);
        Checks.present("weights", weights);
        Checks.load("deviceLoad", deviceLoad);
        TierPrices price = TierPrices.of(weights, device);
        double wDevice = price.deviceSecond();
        double wEdge = price.idleSecond();
        double wSend = price.uploadSecond();
        double deviceRate = device.flopsPerSecond();
        double edgeRate = edge.flopsPerSecond();
        double slow = 1 - deviceLoad;
        double result = wEdge * link.downloadSeconds(outputBits[layers - 1] / 8) + price.latencySecond() * link.latencySeconds();
        for (int v = 0; v < layers; v++) {
            double md = measuredDeviceSeconds[v];
            double me = measuredEdgeSeconds[v];
            double td = (md == md ? md : flops[v] / deviceRate) / slow;
            double te = me == me ? me : flops[v] / edgeRate;
            double d = layerReach[v] * td;
            double e = layerReach[v] * te;
            if (exitReach[v] > 0) {
                d += exitReach[v] * (branchFlops[v] / deviceRate / slow);
                e += exitReach[v] * (branchFlops[v] / edgeRate);
            }
            deviceCost[v] = wDevice * d;
            edgeCost[v] = wEdge * e;
            if (resultShare[v] > 0) {
                edgeCost[v] += resultShare[v] == 1 ? result : resultShare[v] * result;
            }
            sendBits[v] = tensorReach[v] * outputBits[v];
        }
        sendWeight = wSend;
        uplinkBitsPerSecond = link.uplinkBitsPerSecond();
        solved = false;
    }

    /**
     * Sets the coefficients directly: D_v = {@code deviceCost[v]}, E_v = {@code edgeCost[v]},
     * U_u = {@code sendWeight · (sendBits[u] / uplinkBitsPerSecond)}. Copies; allocates nothing.
     *
     * @throws InvalidModelException on a wrong length or a negative or non-finite entry
     */
    public void setCosts(double[] deviceCost, double[] edgeCost, double[] sendBits, double sendWeight,
                         double uplinkBitsPerSecond) {
        copyCosts("deviceCost", deviceCost, this.deviceCost);
        copyCosts("edgeCost", edgeCost, this.edgeCost);
        copyCosts("sendBits", sendBits, this.sendBits);
        this.sendWeight = Checks.nonNegative("sendWeight", sendWeight);
        setUplinkBitsPerSecond(uplinkBitsPerSecond);
    }

    private void copyCosts(String field, double[] from, double[] to) {
        Checks.present(field, from);
        if (from.length != layers) {
            throw new InvalidModelException(field, "has " + from.length + " entries, the model has " + layers
                    + " layers");
        }
        for (int v = 0; v < layers; v++) {
            if (!(from[v] >= 0 && from[v] < INF)) {
                Checks.nonNegative(field + "[" + v + "]", from[v]);
                throw new InvalidModelException(field + "[" + v + "]", "must be finite, got " + from[v]);
            }
            to[v] = from[v];
        }
    }

    /** Changes only the uplink rate (bit/s, {@code > 0}); O(1). */
    public void setUplinkBitsPerSecond(double bitsPerSecond) {
        if (!(bitsPerSecond > 0 && bitsPerSecond < INF)) {
            throw new InvalidModelException("uplinkBitsPerSecond", "must be positive and finite, got "
                    + bitsPerSecond);
        }
        this.uplinkBitsPerSecond = bitsPerSecond;
        solved = false;
    }

    /** The current uplink rate, bit/s. */
    public double uplinkBitsPerSecond() {
        return uplinkBitsPerSecond;
    }

    /** D_v of the current parameters. */
    public double deviceCost(int v) {
        return deviceCost[v];
    }

    /** E_v of the current parameters. */
    public double edgeCost(int v) {
        return edgeCost[v];
    }

    /** U_u = w_tx·β_u / R_up of the current parameters, 0 for the output. */
    public double sendCost(int u) {
        return succStart[u + 1] == succStart[u] ? 0 : sendWeight * (sendBits[u] / uplinkBitsPerSecond);
    }

    /** w_tx·β_u: the send cost of u's tensor times the uplink rate (cost·bit/s); 0 for the output. */
    public double sendCostTimesUplink(int u) {
        return succStart[u + 1] == succStart[u] ? 0 : sendWeight * sendBits[u];
    }

    // a block's candidate plans, by increasing device side: all inner layers on the edge, the
    // block's min cut, all inner layers on the device (rank 3·b + mode; all-device ranks last)
    private static final int INNER_EDGE = 0;
    private static final int INNER_CUT = 1;
    private static final int INNER_DEVICE = 2;

    /**
     * Solves the min cut for the current parameters and returns the optimal cost
     * Σ D + Σ E + Σ U of the placement found. Allocates nothing.
     *
     * <p>Every placement but all-device has a last device-side cut vertex c_b; then c_{b+1} is on
     * the edge, the layers before c_b on the device and those after c_{b+1} on the edge, and only
     * block b's inner layers are free: their best placement is a min cut of block b's network.
     * So the optimum is the cheapest of all-device and, per block, that cut plus the fixed part.
     * A block's cost is bounded below by its fixed part, Σ min(D_v, E_v) over its inner layers and
     * its cheapest send (a c_b → c_{b+1} path crosses to the edge once); blocks are cut in order of
     * that bound until it reaches the best cost found (a chain needs no flow at all).
     *
     * @throws IllegalStateException if no parameters were set
     */
    public double solve() {
        if (!(uplinkBitsPerSecond > 0)) {
            throw new IllegalStateException("set the parameters (setProblem, setParameters or setCosts) before solve()");
        }
        int n = layers;
        double[] dc = deviceCost;
        double[] ec = edgeCost;
        double[] u = sendCost;
        double[] pre = devicePrefix;
        double[] suf = edgeSuffix;
        double rate = uplinkBitsPerSecond;
        double w = sendWeight;
        pre[0] = 0;
        for (int v = 0; v < n; v++) {
            pre[v + 1] = pre[v] + dc[v];
            u[v] = w * (sendBits[v] / rate);
        }
        suf[n - 1] = 0;
        for (int v = n - 1; v > 0; v--) {
            suf[v - 1] = suf[v] + ec[v];
        }
        flow.resetCounters();
        blockFlows = 0;
        best = pre[n];
        bestRank = Integer.MAX_VALUE;
        int open = 0;
        for (int b = 0, blocks = cuts.length - 1; b < blocks; b++) {
            int c = cuts[b];
            int d = cuts[b + 1];
            double fixed = pre[c] + dc[c] + ec[d] + suf[d];
            if (d == c + 1) {
                offer(fixed + u[c], 3 * b + INNER_EDGE);
                continue;
            }
            double innerDevice = 0;
            double innerEdge = 0;
            double innerMin = 0;
            double minSend = u[c];
            for (int v = c + 1; v < d; v++) {
                double dv = dc[v];
                double ev = ec[v];
                innerDevice += dv;
                innerEdge += ev;
                innerMin += Math.min(dv, ev);
                minSend = Math.min(minSend, u[v]);
            }
            double intoLast = 0;
            for (int j = predStart[d], end = predStart[d + 1]; j < end; j++) {
                intoLast += u[pred[j]];
            }
            offer(fixed + u[c] + innerEdge, 3 * b + INNER_EDGE);
            offer(fixed + innerDevice + intoLast, 3 * b + INNER_DEVICE);
            blockFixed[b] = fixed;
            double bound = fixed + innerMin + minSend;
            blockBound[b] = bound;
            int i = open++;
            while (i > 0 && blockBound[pending[i - 1]] > bound) {
                pending[i] = pending[i - 1];
                i--;
            }
            pending[i] = b;
        }
        for (int i = 0; i < open; i++) {
            int b = pending[i];
            int rank = 3 * b + INNER_CUT;
            if (blockSearch == BlockSearch.BOUNDED) {
                double bound = blockBound[b];
                if (bound > best) {
                    break;
                }
                if (bound == best && rank > bestRank) {
                    continue;
                }
            }
            offer(blockFixed[b] + cutBlock(b), rank);
        }
        int bestBlock = bestRank == Integer.MAX_VALUE ? -1 : bestRank / 3;
        int bestMode = bestRank % 3;
        boolean[] plan = onEdge;
        if (bestBlock < 0) {
            Arrays.fill(plan, false);
        } else {
            int c = cuts[bestBlock];
            int d = cuts[bestBlock + 1];
            Arrays.fill(plan, 0, c + 1, false);
            Arrays.fill(plan, d, n, true);
            if (bestMode == INNER_CUT) {
                System.arraycopy(cutSide, c + 1, plan, c + 1, d - c - 1);
            } else {
                Arrays.fill(plan, c + 1, d, bestMode == INNER_EDGE);
            }
        }
        solved = true;
        return best;
    }

    /**
     * Keeps the candidate if it is cheaper, or as cheap and of lower rank: of equally cheap plans
     * the one with the smallest device side wins, which is the minimal minimum cut (the vertices
     * reachable from s after a max-flow) that the undecomposed network and JGraphT return.
     */
    private void offer(double cost, int rank) {
        if (cost < best || (cost == best && rank < bestRank)) {
            best = cost;
            bestRank = rank;
        }
    }

    /**
     * The min cut of block b (c_b on the device, c_{b+1} on the edge): its inner layers' sides go
     * to {@code cutSide}; returns their cost plus the sends of the block's tensors.
     */
    private double cutBlock(int b) {
        blockFlows++;
        int s = blockSource[b];
        int t = blockSink[b];
        int c = cuts[b];
        int d = cuts[b + 1];
        double[] r = flow.resetBlock(s, t);
        for (int v = c + 1; v < d; v++) {
            double dv = deviceCost[v];
            double ev = edgeCost[v];
            double both = Math.min(dv, ev);
            r[sourceArc[v]] = ev - both;
            r[sinkArc[v]] = dv - both;
        }
        for (int v = c; v < d; v++) {
            r[sendArc[v]] = sendCost[v];
        }
        flow.maxFlow(s, t);
        double cost = 0;
        for (int v = c + 1; v < d; v++) {
            boolean edge = !flow.sourceSide(vertexOf[v]);
            cutSide[v] = edge;
            cost += edge ? edgeCost[v] : deviceCost[v];
        }
        for (int v = c; v < d; v++) {
            if (v == c || !cutSide[v]) {
                for (int j = succStart[v], end = succStart[v + 1]; j < end; j++) {
                    int x = succ[j];
                    if (x == d || cutSide[x]) {
                        cost += sendCost[v];
                        break;
                    }
                }
            }
        }
        return cost;
    }

    /**
     * The cost Σ D + Σ E + Σ U of a monotone placement under the current parameters (no check of
     * monotonicity), in O(|V| + |A|).
     */
    public double planCost(boolean[] edgeSide) {
        double cost = 0;
        for (int v = 0; v < layers; v++) {
            if (edgeSide[v]) {
                cost += edgeCost[v];
            } else {
                cost += deviceCost[v];
                for (int k = succStart[v]; k < succStart[v + 1]; k++) {
                    if (edgeSide[succ[k]]) {
                        cost += sendWeight * (sendBits[v] / uplinkBitsPerSecond);
                        break;
                    }
                }
            }
        }
        return cost;
    }

    /** Whether layer {@code v} is on the edge in the last solve's plan. */
    public boolean onEdge(int v) {
        requireSolved();
        return onEdge[v];
    }

    /** Copies the last solve's plan into {@code into} (true: on the edge). */
    public void copyPlan(boolean[] into) {
        requireSolved();
        System.arraycopy(onEdge, 0, into, 0, layers);
    }

    /** The last solve's plan (allocates a {@link Placement}). */
    public Placement plan() {
        requireSolved();
        return Placement.of(onEdge);
    }

    /** Number of Dinic phases (BFS level graphs that reached t) of the last solve, over all blocks cut. */
    public int phases() {
        return flow.phases();
    }

    /** Number of augmenting paths of the last solve. */
    public int augmentations() {
        return flow.augmentations();
    }

    /** Number of blocks (between consecutive cut vertices) whose min cut the last solve computed. */
    public int blockFlows() {
        return blockFlows;
    }

    /** Number of blocks between consecutive cut vertices (0 for a single-layer model). */
    public int blockCount() {
        return cuts.length - 1;
    }

    /** Which blocks a solve cuts (tests compare the two). */
    enum BlockSearch {
        /** Only those whose lower bound is below the best cost found (the default). */
        BOUNDED,
        /** Every block with inner layers. */
        EVERY_BLOCK
    }

    /** Tests only: sets which blocks the next solves cut. */
    void blockSearch(BlockSearch search) {
        this.blockSearch = search;
    }

    private void requireSolved() {
        if (!solved) {
            throw new IllegalStateException("no plan: call solve() after setting the parameters");
        }
    }
}
