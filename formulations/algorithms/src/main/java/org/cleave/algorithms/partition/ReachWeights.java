package org.cleave.algorithms.partition;

import java.util.Arrays;
import java.util.List;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.Checks;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;

/**
 * Per-layer probabilities that weight the terms of the partition cost, so that a
 * {@link CompiledPartitionNetwork} can minimise an <em>expected</em> cost: P2 (partition with early
 * exits) for a fixed set of active exits (Teerapittayanon et al., BranchyNet, ICPR 2016,
 * doi:10.1109/ICPR.2016.7900006; Li et al., Edgent, IEEE TWC 2020, doi:10.1109/TWC.2019.2946140).
 * All arrays have one entry per layer (topological index) and every entry is in [0, 1].
 *
 * <p>With a monotone placement x (x_v = 1: layer v on the edge), the weighted cost is
 * <pre>
 *   Σ_{v: x_v=0} [π_v·c_d(t_d(v)) + χ_v·c_d(t_d(branch_v))]
 * + Σ_{v: x_v=1} [π_v·c_e(t_e(v)) + χ_v·c_e(t_e(branch_v)) + ρ_v·(c_e(8·b_out/R_down) + w_T·ℓ)]
 * + Σ_{u ∈ S(x)} τ_u·c_tx(8·b_u / R_up)
 * </pre>
 * where c_d(s) = (w_T + w_E·P_c)·s, c_e(s) = (w_T + w_E·P_idle)·s, c_tx(s) = (w_T + w_E·P_tx)·s,
 * branch_v is the exit hanging after layer v (if any), b_out the output's bytes, ℓ the link's
 * one-way latency, and
 * <ul>
 *   <li>π_v ({@link #layerReach}) — probability that a sample computes layer v;</li>
 *   <li>τ_u ({@link #tensorReach}) — probability that a sample needs u's output tensor
 *   downstream (0 if every sample stops at an exit after u);</li>
 *   <li>χ_v ({@link #exitReach}) — probability that the exit branch after v is computed
 *   (π_v for an active exit, 0 otherwise);</li>
 *   <li>ρ_v ({@link #resultShare}) — probability that the sample's answer is produced at v (its
 *   exit, or the final classifier for the output). When v is on the edge that share of the
 *   samples pays the link latency and the download of a result of the output's size.</li>
 * </ul>
 * P1 is the special case π = τ = 1, χ = 0, ρ = [0, …, 0, 1] ({@link #none(int)}).
 *
 * @param layerReach  π, probability of computing each layer
 * @param tensorReach τ, probability of needing each layer's output tensor
 * @param exitReach   χ, probability of computing the exit branch after each layer
 * @param resultShare ρ, probability that the answer is produced at each layer
 */
public record ReachWeights(double[] layerReach, double[] tensorReach, double[] exitReach, double[] resultShare) {

    public ReachWeights {
        Checks.present("layerReach", layerReach);
        Checks.present("tensorReach", tensorReach);
        Checks.present("exitReach", exitReach);
        Checks.present("resultShare", resultShare);
        int n = layerReach.length;
        if (tensorReach.length != n || exitReach.length != n || resultShare.length != n) {
            throw new InvalidModelException("reachWeights", "arrays must have one entry per layer; got layerReach "
                    + n + ", tensorReach " + tensorReach.length + ", exitReach " + exitReach.length
                    + ", resultShare " + resultShare.length);
        }
        layerReach = checked("layerReach", layerReach);
        tensorReach = checked("tensorReach", tensorReach);
        exitReach = checked("exitReach", exitReach);
        resultShare = checked("resultShare", resultShare);
    }

    /** π (a copy). */
    @Override
    public double[] layerReach() {
        return layerReach.clone();
    }

    /** τ (a copy). */
    @Override
    public double[] tensorReach() {
        return tensorReach.clone();
    }

    /** χ (a copy). */
    @Override
    public double[] exitReach() {
        return exitReach.clone();
    }

    /** ρ (a copy). */
    @Override
    public double[] resultShare() {
        return resultShare.clone();
    }

    /** Number of layers. */
    public int size() {
        return layerReach.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReachWeights w && Arrays.equals(layerReach, w.layerReach)
                && Arrays.equals(tensorReach, w.tensorReach) && Arrays.equals(exitReach, w.exitReach)
                && Arrays.equals(resultShare, w.resultShare);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layerReach) * 31 * 31 * 31 + Arrays.hashCode(tensorReach) * 31 * 31
                + Arrays.hashCode(exitReach) * 31 + Arrays.hashCode(resultShare);
    }

    @Override
    public String toString() {
        return "ReachWeights[" + layerReach.length + " layers, output reach " + layerReach[layerReach.length - 1]
                + "]";
    }

    private static double[] checked(String field, double[] values) {
        double[] copy = values.clone();
        for (int v = 0; v < copy.length; v++) {
            Checks.probability(field + "[" + v + "]", copy[v]);
        }
        return copy;
    }

    /** The P1 weights for {@code layers} layers: everything is paid with probability 1, the answer comes from the output. */
    public static ReachWeights none(int layers) {
        double[] ones = new double[layers];
        Arrays.fill(ones, 1.0);
        double[] result = new double[layers];
        result[layers - 1] = 1.0;
        return new ReachWeights(ones, ones, new double[layers], result);
    }

    /**
     * The weights of a P2 stop profile, in either mode (nested exits of variant (a) and P3, or the
     * model truncated at one exit of variant (b)), so that the network prices a plan as
     * {@link org.cleave.core.exits.ExitsEvaluator} does: π_v = reach(v), τ_v = continueAfter(v),
     * χ at each active exit's layer = the share computing its branch, ρ at each stop's layer = the
     * share stopping there (the final classifier's at the output).
     */
    public static ReachWeights of(StopProfile profile) {
        int n = profile.size();
        double[] layer = new double[n];
        double[] tensor = new double[n];
        double[] branch = new double[n];
        double[] result = new double[n];
        for (int v = 0; v < n; v++) {
            layer[v] = profile.reach(v);
            tensor[v] = profile.continueAfter(v);
        }
        for (StopProfile.Stop s : profile.stops()) {
            if (s.exit().isPresent()) {
                branch[s.layer()] = s.branchReach();
            }
            result[s.layer()] += s.share();
        }
        return new ReachWeights(layer, tensor, branch, result);
    }

    /**
     * The weights of a fixed set of active exits under BranchyNet's nested-confidence model: with
     * active exits j1 &lt; j2 &lt; … (cumulative exit rates r), a sample stops at j_i with
     * probability r_{j_i} − r_{j_{i−1}}; it computes a layer if it did not stop at an exit hanging
     * after an earlier layer; it computes the branch of an active exit if it computed the exit's
     * layer; it needs a tensor if it did not stop at or before its producer. The final classifier
     * (the output) answers the remaining 1 − r_last (an exit hanging after the output is the final
     * classifier: its branch is computed by every sample reaching the output).
     *
     * @param graph  the model
     * @param active the active exits, a subset of {@code graph.exits()} (any order)
     * @throws InvalidModelException if an exit is not one of the graph's exits
     */
    public static ReachWeights ofActiveExits(DnnGraph graph, List<Exit> active) {
        int n = graph.size();
        double[] rateAfter = new double[n];
        Arrays.fill(rateAfter, -1);
        for (int j = 0; j < active.size(); j++) {
            Exit exit = Checks.present("exits[" + j + "]", active.get(j));
            if (!graph.exits().contains(exit)) {
                throw new InvalidModelException("exits[" + j + "]", "exit \"" + exit.id()
                        + "\" is not one of the model's exits");
            }
            rateAfter[graph.indexOf(exit.afterLayer())] = exit.exitRate();
        }
        double[] layer = new double[n];
        double[] tensor = new double[n];
        double[] branch = new double[n];
        double[] result = new double[n];
        double stopped = 0;
        for (int v = 0; v < n; v++) {
            layer[v] = 1 - stopped;
            if (rateAfter[v] >= 0) {
                branch[v] = layer[v];
                double rate = v == n - 1 ? 1.0 : rateAfter[v];
                result[v] = Math.max(0, rate - stopped);
                stopped = Math.max(stopped, rate);
            }
            tensor[v] = 1 - stopped;
        }
        result[n - 1] += Math.max(0, 1 - stopped);
        tensor[n - 1] = 0;
        return new ReachWeights(layer, tensor, branch, result);
    }
}
