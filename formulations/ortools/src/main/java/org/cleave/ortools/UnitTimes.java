package org.cleave.ortools;

import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;

/**
 * Per-unit-reach times of every layer, tensor and exit branch, in seconds: the terms of
 * {@link org.cleave.core.exits.ExpectedLoads} before they are multiplied by a reach (so the
 * early-exit formulations multiply them by the linear reach expressions of {@link StopChain}).
 * Computed with the same {@link Device#seconds}, {@link EdgeServer#seconds} and {@link Link}
 * methods as the evaluator.
 */
public final class UnitTimes {
    private final double[] device;
    private final double[] edge;
    private final double[] upload;
    private final double[] branchDevice;
    private final double[] branchEdge;
    private final double resultSeconds;

    private UnitTimes(DnnGraph g, Device d, EdgeServer e, Link link, double deviceLoad, StopChain chain) {
        int n = g.size();
        device = new double[n];
        edge = new double[n];
        upload = new double[n];
        for (int v = 0; v < n; v++) {
            device[v] = d.seconds(g.layer(v), deviceLoad);
            edge[v] = e.seconds(g.layer(v));
            upload[v] = g.outDegree(v) > 0 ? link.uploadSeconds(g.layer(v).outputBytes()) : 0;
        }
        branchDevice = new double[chain.exits() + 1];
        branchEdge = new double[chain.exits() + 1];
        for (int k = 1; k <= chain.exits(); k++) {
            Layer branch = new Layer("branch", chain.exit(k).flops(), 0, 0);
            branchDevice[k] = d.seconds(branch, deviceLoad);
            branchEdge[k] = e.seconds(branch);
        }
        resultSeconds = link.downloadSeconds(g.output().outputBytes());
    }

    /** The unit times of {@code g} on the given tiers, with the branches of {@code chain}'s exits. */
    public static UnitTimes of(DnnGraph g, Device d, EdgeServer e, Link link, double deviceLoad, StopChain chain) {
        return new UnitTimes(g, d, e, link, deviceLoad, chain);
    }

    /** t_d(v), device load included. */
    public double device(int v) {
        return device[v];
    }

    /** t_e(v). */
    public double edge(int v) {
        return edge[v];
    }

    /** 8·b_v / R_up for a layer with consumers, else 0. */
    public double upload(int v) {
        return upload[v];
    }

    /** Device seconds of exit node k's branch. */
    public double branchDevice(int k) {
        return branchDevice[k];
    }

    /** Edge seconds of exit node k's branch. */
    public double branchEdge(int k) {
        return branchEdge[k];
    }

    /** 8·b_out / R_down, the result download. */
    public double resultSeconds() {
        return resultSeconds;
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
