package org.cleave.core.exits;

import java.util.List;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;

/**
 * Per-unit-reach times of every layer, tensor and exit branch, in seconds: the terms of
 * {@link ExpectedLoads} before they are multiplied by a reach. {@link ExpectedLoads} multiplies
 * them by a fixed {@link StopProfile}; the early-exit formulations of every backend multiply them
 * by the reach expressions of {@link StopChain} (linear in OR-Tools, tabulated in Choco). Exit
 * branches are indexed by stop-chain node: node k (1 … m) is the k-th exit of
 * {@link DnnGraph#exits()}; node m+1, the final classifier, is the output layer itself and has no
 * branch (0 seconds). Computed with the same {@link Device#seconds}, {@link EdgeServer#seconds}
 * and {@link Link} methods as the evaluator. Immutable.
 */
public final class UnitTimes {
    private final double[] device;
    private final double[] edge;
    private final double[] upload;
    private final double[] branchDevice;
    private final double[] branchEdge;
    private final double resultSeconds;

    private UnitTimes(DnnGraph g, Device d, EdgeServer e, Link link, double deviceLoad) {
        int n = g.size();
        device = new double[n];
        edge = new double[n];
        upload = new double[n];
        for (int v = 0; v < n; v++) {
            device[v] = d.seconds(g.layer(v), deviceLoad);
            edge[v] = e.seconds(g.layer(v));
            upload[v] = g.outDegree(v) > 0 ? link.uploadSeconds(g.layer(v).outputBytes()) : 0;
        }
        List<Exit> exits = g.exits();
        branchDevice = new double[exits.size() + 2];
        branchEdge = new double[exits.size() + 2];
        for (int k = 1; k <= exits.size(); k++) {
            Layer branch = new Layer("branch", exits.get(k - 1).flops(), 0, 0);
            branchDevice[k] = d.seconds(branch, deviceLoad);
            branchEdge[k] = e.seconds(branch);
        }
        resultSeconds = link.downloadSeconds(g.output().outputBytes());
    }

    /** The unit times of {@code g} and its exits' branches on the given tiers. */
    public static UnitTimes of(DnnGraph g, Device d, EdgeServer e, Link link, double deviceLoad) {
        return new UnitTimes(g, d, e, link, deviceLoad);
    }

    /** t_d(v), device load included. */
    public double device(int v) {
        return device[v];
    }

    /** t_e(v). */
    public double edge(int v) {
        return edge[v];
    }

    /** Number of layers. */
    public int size() {
        return device.length;
    }

    /** 8·b_v / R_up for a layer with consumers, else 0 (a tensor without consumers is never sent). */
    public double upload(int v) {
        return upload[v];
    }

    /** Device seconds of stop-chain node k's branch (0 for the final node m+1). */
    public double branchDevice(int k) {
        return branchDevice[k];
    }

    /** Edge seconds of stop-chain node k's branch (0 for the final node m+1). */
    public double branchEdge(int k) {
        return branchEdge[k];
    }

    /** 8·b_out / R_down, the result download. */
    public double resultSeconds() {
        return resultSeconds;
    }

    /** What a P2 expected-cost term is paid on: a reach-weighted placement product of the stop chain. */
    public enum ExitsTerm {
        /** Layer v computed on the device, weighted by reach(v). */
        LAYER_ON_DEVICE,
        /** Layer v (v &gt; 0) computed on the edge, weighted by reach(v). */
        LAYER_ON_EDGE,
        /** Layer v's output tensor sent up, weighted by the share continuing after v. */
        SENT,
        /** Exit node k's branch computed on the device, weighted by its branch reach. */
        BRANCH_ON_DEVICE,
        /** Exit node k's branch computed on the edge, weighted by its branch reach. */
        BRANCH_ON_EDGE,
        /** Stop k answered on the edge: result download and link latency, weighted by its share. */
        STOP_ON_EDGE
    }

    /** Receives the P2 expected-cost terms. */
    @FunctionalInterface
    public interface ExitsTermSink {
        /**
         * One nonzero term.
         *
         * @param kind    what the term is paid on
         * @param index   the layer v, or the exit node k of the stop chain
         * @param seconds its latency per unit weight
         * @param joules  its device energy per unit weight
         */
        void term(ExitsTerm kind, int index, double seconds, double joules);
    }

    /**
     * The terms of P2's expected latency and device energy (those of
     * {@link ExpectedLoads}), each nonzero one once, in a fixed order: per
     * layer device, edge, upload; per exit node its branch on device and on edge; per stop the
     * result download plus link latency when answered on the edge. Energy prices device compute
     * at P_c, upload at P_tx, and waiting for the edge (its compute and the download) at P_idle.
     * Every early-exit formulation builds its objective and latency row from this one list.
     */
    public void forEachExitsTerm(Device d, double linkLatencySeconds, ExitsTermSink sink) {
        for (int v = 0; v < device.length; v++) {
            if (device[v] > 0) {
                sink.term(ExitsTerm.LAYER_ON_DEVICE, v, device[v], d.computeWatts() * device[v]);
            }
            if (v > 0 && edge[v] > 0) {
                sink.term(ExitsTerm.LAYER_ON_EDGE, v, edge[v], d.idleWatts() * edge[v]);
            }
            if (upload[v] > 0) {
                sink.term(ExitsTerm.SENT, v, upload[v], d.transmitWatts() * upload[v]);
            }
        }
        for (int k = 1; k < branchDevice.length - 1; k++) {
            if (branchDevice[k] > 0) {
                sink.term(ExitsTerm.BRANCH_ON_DEVICE, k, branchDevice[k], d.computeWatts() * branchDevice[k]);
            }
            if (branchEdge[k] > 0) {
                sink.term(ExitsTerm.BRANCH_ON_EDGE, k, branchEdge[k], d.idleWatts() * branchEdge[k]);
            }
        }
        double stopSeconds = resultSeconds + linkLatencySeconds;
        if (stopSeconds > 0) {
            for (int k = 1; k < branchDevice.length; k++) {
                sink.term(ExitsTerm.STOP_ON_EDGE, k, stopSeconds, d.idleWatts() * resultSeconds);
            }
        }
    }

    /** Largest stage any plan can have: max(Σ device + branches, Σ upload, Σ edge + branches). */
    public double maxStage() {
        double d = 0;
        double e = 0;
        double u = 0;
        for (int v = 0; v < device.length; v++) {
            d += device[v];
            e += edge[v];
            u += upload[v];
        }
        for (int k = 1; k < branchDevice.length; k++) {
            d += branchDevice[k];
            e += branchEdge[k];
        }
        return Math.max(d, Math.max(e, u));
    }
}
