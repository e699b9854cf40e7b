package org.cleave.core.tiers.exits;

import java.util.List;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.exits.UnitTimes;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.TierPrices;
import org.cleave.core.tiers.TiersCoefficients;

/**
 * Per-layer expected times of P2-3T under a {@link StopProfile}, in seconds per sample: the terms
 * {@link TiersExitsEvaluator} adds up for a placement, and the capacities of the reach-weighted
 * doubled min-cut. P2's {@link org.cleave.core.exits.ExpectedLoads} with a third tier:
 * <pre>
 *   device[v]  = reach(v)·t_d(v) + Σ_{stops j at v} branchReach_j·t_d(branch j)
 *   edge[v]    = reach(v)·t_e(v) + Σ_{stops j at v} branchReach_j·t_e(branch j)
 *   cloud[v]   = reach(v)·t_c(v) + Σ_{stops j at v} branchReach_j·t_c(branch j)
 *   upload1[v] = cont(v)·8·b_v / R₁↑     upload2[v] = cont(v)·8·b_v / R₂↑   (0 without consumers)
 *   down1[v]   = touch(v)·8·b_out / R₁↓  down2[v]   = touch(v)·8·b_out / R₂↓
 *   touch[v]   = Σ_{stops j at v} s_j
 * </pre>
 * down1 and ℓ₁·touch are paid when v is beyond the device, down2 and ℓ₂·touch when v is in the
 * cloud. Device, edge and link-1 unit times are P2's ({@link UnitTimes}, so the same arithmetic);
 * cloud times are flops / cloud rate. Immutable; O(|V| + |exits|) to build.
 */
public final class TiersExpectedLoads {
    private final double[] device;
    private final double[] edge;
    private final double[] cloud;
    private final double[] upload1;
    private final double[] upload2;
    private final double[] down1;
    private final double[] down2;
    private final double[] touch;

    private TiersExpectedLoads(int n) {
        device = new double[n];
        edge = new double[n];
        cloud = new double[n];
        upload1 = new double[n];
        upload2 = new double[n];
        down1 = new double[n];
        down2 = new double[n];
        touch = new double[n];
    }

    /** The loads of {@code profile} on {@code p}'s tiers and links. */
    public static TiersExpectedLoads of(TiersExitsProblem p, StopProfile profile) {
        DnnGraph g = p.graph();
        int n = g.size();
        UnitTimes unit = UnitTimes.of(g, p.device(), p.edge(), p.link1(), p.deviceLoad());
        TiersExpectedLoads l = new TiersExpectedLoads(n);
        for (int v = 0; v < n; v++) {
            double r = profile.reach(v);
            double c = profile.continueAfter(v);
            Layer layer = g.layer(v);
            l.device[v] = r * unit.device(v);
            l.edge[v] = r * unit.edge(v);
            l.cloud[v] = r * p.cloud().seconds(layer);
            l.upload1[v] = c * unit.upload(v);
            l.upload2[v] = g.outDegree(v) > 0 ? c * p.link2().uploadSeconds(layer.outputBytes()) : 0;
        }
        double result2 = p.link2().downloadSeconds(g.output().outputBytes());
        List<Exit> exits = g.exits();
        int finalNode = exits.size() + 1;
        for (StopProfile.Stop s : profile.stops()) {
            int node = s.exit().map(x -> exits.indexOf(x) + 1).orElse(finalNode);
            int v = s.layer();
            l.device[v] += s.branchReach() * unit.branchDevice(node);
            l.edge[v] += s.branchReach() * unit.branchEdge(node);
            l.cloud[v] += s.branchReach() * p.cloud().seconds(new Layer("branch", s.branchFlops(), 0, 0));
            l.down1[v] += s.share() * unit.resultSeconds();
            l.down2[v] += s.share() * result2;
            l.touch[v] += s.share();
        }
        return l;
    }

    /** Expected device seconds of layer {@code v} and the branches hanging from it, when v is on the device. */
    public double device(int v) {
        return device[v];
    }

    /** Expected edge seconds of {@code v} and its branches, when v is on the edge. */
    public double edge(int v) {
        return edge[v];
    }

    /** Expected cloud seconds of {@code v} and its branches, when v is in the cloud. */
    public double cloud(int v) {
        return cloud[v];
    }

    /** Expected link-1 uplink seconds of {@code v}'s tensor, when it crosses link 1. */
    public double upload1(int v) {
        return upload1[v];
    }

    /** Expected link-2 uplink seconds of {@code v}'s tensor, when it crosses link 2. */
    public double upload2(int v) {
        return upload2[v];
    }

    /** Expected link-1 downlink seconds of the results of the stops at {@code v}, when v is beyond the device. */
    public double download1(int v) {
        return down1[v];
    }

    /** Expected link-2 downlink seconds of the results of the stops at {@code v}, when v is in the cloud. */
    public double download2(int v) {
        return down2[v];
    }

    /** Share of samples stopping at {@code v} (they pay ℓ₁ when v is beyond the device, ℓ₂ in the cloud). */
    public double touch(int v) {
        return touch[v];
    }

    /** Number of layers. */
    public int size() {
        return device.length;
    }

    /**
     * The weighted per-layer coefficients of {@code w_T·T + w_E·E} for Ishikawa's doubled network
     * ({@link TiersCoefficients}), priced by {@link TierPrices}:
     * <pre>
     *   D_v  = deviceSecond·device[v]
     *   E_v  = idleSecond·(edge[v] + down1[v]) + latencySecond·ℓ₁·touch[v]
     *   C_v  = idleSecond·(cloud[v] + down1[v] + down2[v]) + latencySecond·(ℓ₁ + ℓ₂)·touch[v]
     *   S¹_u = uploadSecond·upload1[u]        S²_u = idleSecond·upload2[u]
     * </pre>
     * Every term of {@link TiersExitsProblem}'s cost for this exit set is one of these: compute,
     * branches, result returns and latencies depend on one layer's tier only (unary), the sends are
     * P1-3T's send-once terms with constant weights cont(u) folded into the capacity.
     */
    public TiersCoefficients coefficients(CostWeights w, TiersExitsProblem p) {
        int n = device.length;
        TierPrices price = TierPrices.of(w, p.device());
        double l1 = p.link1().latencySeconds();
        double l2 = p.link2().latencySeconds();
        double[] dc = new double[n];
        double[] ec = new double[n];
        double[] cc = new double[n];
        double[] s1 = new double[n];
        double[] s2 = new double[n];
        for (int v = 0; v < n; v++) {
            dc[v] = price.deviceSecond() * device[v];
            ec[v] = price.idleSecond() * (edge[v] + down1[v]) + price.latencySecond() * l1 * touch[v];
            cc[v] = price.idleSecond() * (cloud[v] + down1[v] + down2[v])
                    + price.latencySecond() * (l1 + l2) * touch[v];
            s1[v] = price.uploadSecond() * upload1[v];
            s2[v] = price.idleSecond() * upload2[v];
        }
        return TiersCoefficients.of(dc, ec, cc, s1, s2);
    }
}
