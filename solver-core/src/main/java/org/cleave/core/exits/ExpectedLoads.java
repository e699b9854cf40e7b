package org.cleave.core.exits;

import java.util.List;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Link;
import org.cleave.core.model.TierPrices;
import org.cleave.core.partition.PartitionCoefficients;

/**
 * Per-layer expected times under a {@link StopProfile}, in seconds per sample: the terms P2's and
 * P3's evaluators add up for a placement, and the capacities of the reach-weighted min-cut.
 * <pre>
 *   device[v]   = reach(v)·t_d(v) + Σ_{stops j at v} branchReach_j·t_d(branch j)
 *   edge[v]     = reach(v)·t_e(v) + Σ_{stops j at v} branchReach_j·t_e(branch j)
 *   upload[v]   = continueAfter(v)·8·b_v / R_up                     (paid when v's tensor is sent; 0 without consumers)
 *   download[v] = Σ_{stops j at v} share_j · 8·b_out / R_down      (paid when v is on the edge)
 *   touch[v]    = Σ_{stops j at v} share_j                          (× one-way latency, when v is on the edge)
 * </pre>
 * t_d includes the device load: the rate is scaled by (1 − ρ). A result computed on the edge, by
 * an early exit or by the final classifier, is sent back with the size of the output layer's
 * tensor b_out (both are class scores). A sample that stops at j has touched the edge exactly when
 * ℓ_j is on the edge (ℓ_j is a cut vertex and the placement is monotone), hence {@code touch}.
 */
public final class ExpectedLoads {
    private final double[] device;
    private final double[] edge;
    private final double[] upload;
    private final double[] download;
    private final double[] touch;

    private ExpectedLoads(double[] device, double[] edge, double[] upload, double[] download, double[] touch) {
        this.device = device;
        this.edge = edge;
        this.upload = upload;
        this.download = download;
        this.touch = touch;
    }

    /** The loads of {@code profile} on the given tiers. */
    public static ExpectedLoads of(DnnGraph g, Device d, EdgeServer e, Link link, double deviceLoad,
                                   StopProfile profile) {
        return of(g, UnitTimes.of(g, d, e, link, deviceLoad), profile);
    }

    /**
     * The loads of {@code profile}: the unit times of {@code unit} (per layer, tensor and exit
     * branch) multiplied by the profile's reaches and shares.
     */
    public static ExpectedLoads of(DnnGraph g, UnitTimes unit, StopProfile profile) {
        int n = g.size();
        double[] device = new double[n];
        double[] edge = new double[n];
        double[] upload = new double[n];
        double[] download = new double[n];
        double[] touch = new double[n];
        for (int v = 0; v < n; v++) {
            double r = profile.reach(v);
            device[v] = r * unit.device(v);
            edge[v] = r * unit.edge(v);
            upload[v] = profile.continueAfter(v) * unit.upload(v);
        }
        List<Exit> exits = g.exits();
        int finalNode = exits.size() + 1;
        for (StopProfile.Stop s : profile.stops()) {
            int node = s.exit().map(x -> exits.indexOf(x) + 1).orElse(finalNode);
            device[s.layer()] += s.branchReach() * unit.branchDevice(node);
            edge[s.layer()] += s.branchReach() * unit.branchEdge(node);
            download[s.layer()] += s.share() * unit.resultSeconds();
            touch[s.layer()] += s.share();
        }
        return new ExpectedLoads(device, edge, upload, download, touch);
    }

    /** Expected device seconds of layer {@code v} and the branches hanging from it, when v is on the device. */
    public double device(int v) {
        return device[v];
    }

    /** Expected edge seconds of layer {@code v} and its branches, when v is on the edge. */
    public double edge(int v) {
        return edge[v];
    }

    /** Expected uplink seconds of {@code v}'s tensor, when it is sent. */
    public double upload(int v) {
        return upload[v];
    }

    /** Expected downlink seconds of the results of the stops at {@code v}, when v is on the edge. */
    public double download(int v) {
        return download[v];
    }

    /** Share of samples stopping at {@code v}, who pay the one-way latency when v is on the edge. */
    public double touch(int v) {
        return touch[v];
    }

    /** Number of layers. */
    public int size() {
        return device.length;
    }

    /**
     * The weighted per-layer min-cut coefficients of {@code w_T·T + w_E·E} (see
     * {@code MinCutNetwork}), priced by {@link TierPrices}: device, edge and send cost per layer,
     * with download and latency folded into the stop layers' edge cost.
     */
    public PartitionCoefficients weightedCoefficients(CostWeights w, Device d, Link link) {
        int n = device.length;
        TierPrices price = TierPrices.of(w, d);
        double[] dc = new double[n];
        double[] ec = new double[n];
        double[] sc = new double[n];
        for (int v = 0; v < n; v++) {
            dc[v] = price.deviceSecond() * device[v];
            ec[v] = price.idleSecond() * (edge[v] + download[v])
                    + price.latencySecond() * link.latencySeconds() * touch[v];
            sc[v] = price.uploadSecond() * upload[v];
        }
        return PartitionCoefficients.of(dc, ec, sc);
    }
}
