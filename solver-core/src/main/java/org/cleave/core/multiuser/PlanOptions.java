package org.cleave.core.multiuser;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;

/**
 * States a user's {@link PlanOption}s from a DNN: every cut after a cut vertex c (layers
 * 0..c on the device, the rest on the edge; for a chain that is every cut, for a DAG every block
 * boundary), times every subset of the non-final exits.
 *
 * <p>Reach-weighting (DESIGN P2): with active exits j_1 &lt; j_2 &lt; … (cumulative rates r_j), a
 * sample reaches layer v with probability ρ(v) = 1 − r of the deepest active exit hanging after a
 * layer before v (1 if none); the exit branch after layer ℓ is run with probability ρ(ℓ). The
 * final classifier is the exit hanging after the output layer if the graph has one (its branch is
 * paid with ρ(output)), otherwise the output layer itself with accuracy 1 (the full model's
 * accuracy, as a relative figure). Expected accuracy is Σ share · accuracy with shares
 * r_{j_k} − r_{j_{k−1}}. For a cut after c:
 * <pre>
 *   deviceSeconds = Σ_{v ≤ c} ρ(v)·t_d(v) + Σ_{active exits after ℓ ≤ c} ρ(ℓ)·flops_j / deviceRate
 *   deviceJoules  = computeWatts · deviceSeconds
 *   edgeFlops     = Σ_{v &gt; c} ρ(v)·F·t_e(v) + Σ_{active exits after ℓ &gt; c} ρ(ℓ)·flops_j
 *   uploadBits    = ρ(c+1)·8·outputBytes(c),  downloadBits = ρ(c+1)·8·outputBytes(output)
 *   offloadProbability = ρ(c+1)                              (all 0 for c = output)
 * </pre>
 * where t_e(v)·F is the layer's FLOPs, or its measured edge seconds times F, and t_d honours a
 * measured device time. There are (#cut vertices) · 2^(#non-final exits) options.
 */
public final class PlanOptions {
    /** At most this many non-final exits (2^12 exit subsets). */
    public static final int MAX_EXITS = 12;

    private PlanOptions() {
    }

    /** The options of {@code graph} on {@code device} with the shared {@code edge}. */
    public static List<PlanOption> of(DnnGraph graph, Device device, EdgeServer edge) {
        Exits ex = Exits.of(graph);
        Layers layers = Layers.of(graph, device, edge);
        List<PlanOption> options = new ArrayList<>();
        for (int mask = 0; mask < (1 << ex.early.size()); mask++) {
            Reach r = Reach.of(graph, ex, mask, layers, device);
            for (int c = 0; c < graph.size(); c++) {
                if (graph.isCutVertex(c)) {
                    options.add(option(graph, device, r, c));
                }
            }
        }
        return options;
    }

    /**
     * The one option of {@code graph} that cuts after layer {@code cutAfter} (a cut vertex; the
     * output layer means device only, the input vertex edge only) with the non-final exits
     * {@code earlyExits} active, computed exactly as {@link #of(DnnGraph, Device, EdgeServer)}
     * computes it (equal to the entry of that list with the same cut and exit set).
     *
     * @throws InvalidModelException {@code cutAfter} when it is no layer or no cut vertex,
     *                               {@code exits} when an id is no non-final exit or repeated
     */
    public static PlanOption of(DnnGraph graph, Device device, EdgeServer edge, String cutAfter,
                                List<String> earlyExits) {
        Exits ex = Exits.of(graph);
        if (!graph.contains(cutAfter)) {
            throw new InvalidModelException("cutAfter", "no layer \"" + cutAfter + "\" in the model");
        }
        int c = graph.indexOf(cutAfter);
        if (!graph.isCutVertex(c)) {
            throw new InvalidModelException("cutAfter", "layer \"" + cutAfter + "\" is not a cut vertex of the model,"
                    + " so no plan cuts after it alone");
        }
        int mask = 0;
        for (String id : earlyExits) {
            int k = 0;
            while (k < ex.early.size() && !ex.early.get(k).id().equals(id)) {
                k++;
            }
            if (k == ex.early.size()) {
                throw new InvalidModelException("exits", "\"" + id + "\" is not an early (non-final) exit of the"
                        + " model; early exits: " + ex.early.stream().map(Exit::id).toList());
            }
            if ((mask & (1 << k)) != 0) {
                throw new InvalidModelException("exits", "\"" + id + "\" is listed twice");
            }
            mask |= 1 << k;
        }
        return option(graph, device, Reach.of(graph, ex, mask, Layers.of(graph, device, edge), device), c);
    }

    /** The model's exits split into the final one (after the output layer, or null) and the early ones. */
    private record Exits(Exit finalExit, List<Exit> early, List<Integer> earlyAt) {
        static Exits of(DnnGraph graph) {
            int out = graph.outputIndex();
            Exit finalExit = null;
            List<Exit> early = new ArrayList<>();
            List<Integer> earlyAt = new ArrayList<>();
            for (Exit e : graph.exits()) {
                int at = graph.indexOf(e.afterLayer());
                if (at == out) {
                    finalExit = e;
                } else {
                    early.add(e);
                    earlyAt.add(at);
                }
            }
            if (early.size() > MAX_EXITS) {
                throw new InvalidModelException("exits", "at most " + MAX_EXITS + " early exits can be enumerated, got "
                        + early.size());
            }
            return new Exits(finalExit, early, earlyAt);
        }
    }

    /** Per layer, independent of the exits: device seconds t_d(v) and edge FLOPs t_e(v)·F. */
    private record Layers(double[] deviceSeconds, double[] edgeFlops) {
        static Layers of(DnnGraph graph, Device device, EdgeServer edge) {
            int n = graph.size();
            double[] d = new double[n];
            double[] e = new double[n];
            for (int v = 0; v < n; v++) {
                d[v] = device.seconds(graph.layer(v), 0);
                e[v] = edge.seconds(graph.layer(v)) * edge.flopsPerSecond();
            }
            return new Layers(d, e);
        }
    }

    /**
     * For one exit subset: reach[v], the probability that a sample reaches layer v; the expected
     * accuracy; the active exit ids; and per layer the reach-weighted device seconds and edge
     * FLOPs of the layer with its exit branch (the terms every cut sums: the device side over
     * v ≤ c, the edge side over v &gt; c, each in increasing v).
     */
    private record Reach(double[] reach, double accuracy, List<String> active, String labelSuffix,
                         double[] deviceTerm, double[] edgeTerm) {
        static Reach of(DnnGraph graph, Exits ex, int mask, Layers layers, Device device) {
            int n = graph.size();
            int out = graph.outputIndex();
            double[] reach = new double[n + 1];
            int[] exitAfter = new int[n];
            java.util.Arrays.fill(exitAfter, -1);
            for (int k = 0; k < ex.early.size(); k++) {
                if ((mask & (1 << k)) != 0) {
                    exitAfter[ex.earlyAt.get(k)] = k;
                }
            }
            double stopped = 0;
            double accuracy = 0;
            List<String> active = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                reach[v] = 1 - stopped;
                if (exitAfter[v] >= 0) {
                    Exit e = ex.early.get(exitAfter[v]);
                    accuracy += (e.exitRate() - stopped) * e.accuracy();
                    stopped = e.exitRate();
                    active.add(e.id());
                }
            }
            reach[n] = 1 - stopped;
            double finalAccuracy = ex.finalExit == null ? 1.0 : ex.finalExit.accuracy();
            accuracy += (1 - stopped) * finalAccuracy;
            if (ex.finalExit != null) {
                active.add(ex.finalExit.id());
            }
            double[] deviceTerm = new double[n];
            double[] edgeTerm = new double[n];
            for (int v = 0; v < n; v++) {
                double exitFlops = exitAfter[v] >= 0 ? ex.early.get(exitAfter[v]).flops() : 0;
                if (v == out && ex.finalExit != null) {
                    exitFlops += ex.finalExit.flops();
                }
                deviceTerm[v] = reach[v] * (layers.deviceSeconds[v] + exitFlops / device.flopsPerSecond());
                edgeTerm[v] = reach[v] * (layers.edgeFlops[v] + exitFlops);
            }
            return new Reach(reach, accuracy, List.copyOf(active), active.isEmpty() ? "" : ", exits " + active,
                    deviceTerm, edgeTerm);
        }
    }

    private static PlanOption option(DnnGraph graph, Device device, Reach r, int c) {
        int n = graph.size();
        int out = graph.outputIndex();
        double deviceSeconds = 0;
        for (int v = 0; v <= c; v++) {
            deviceSeconds += r.deviceTerm[v];
        }
        double edgeFlops = 0;
        for (int v = c + 1; v < n; v++) {
            edgeFlops += r.edgeTerm[v];
        }
        double q = c == out ? 0 : r.reach[c + 1];
        double up = c == out ? 0 : q * 8 * graph.layer(c).outputBytes();
        double down = c == out ? 0 : q * 8 * graph.output().outputBytes();
        String label = (c == out ? "device only" : c == 0 ? "edge only" : "cut after " + graph.layer(c).id())
                + r.labelSuffix;
        return new PlanOption(label, deviceSeconds, device.computeWatts() * deviceSeconds, up,
                q == 0 ? 0 : edgeFlops, down, q, Math.min(1.0, r.accuracy), r.active);
    }
}
