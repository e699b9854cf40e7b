package org.cleave.algorithms.upload;

import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.CostWeights;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadTimes;

/**
 * The admissible lower bound on the P5 objective of every monotone completion of a partial
 * placement, used by {@link BranchAndBoundUploadSolver} and {@link PrunedBinaryTreeUploadSolver}.
 *
 * <p>Layers {@code 0..v-1} are decided (x_u given); a layer u ≥ v is <em>forced</em> onto the edge
 * when one of its inputs is on the edge or forced (monotonicity), else it is <em>free</em>. Write
 * d, e, f, p for device, edge, feature-upload and parameter-upload times, ê_u = e_u + p_u in
 * SERIAL mode and e_u otherwise, Dset/Eset the decided device/edge layers, F the features already
 * certain (a decided device layer with a decided-edge or forced consumer), P the parameters of
 * Eset ∪ forced (0 when PRELOADED). Then
 * <pre>
 *   T ≥ T1 = Σ_Dset d + F + Σ_{Eset ∪ forced} ê + Σ_free min(d_u, ê_u) + [Eset ≠ ∅]·(t_down + ℓ)
 *   T ≥ T2 = [Eset ≠ ∅]·(F + P + e_out + t_down + ℓ)
 *   E ≥ P_c·Σ_Dset d + P_tx·(F + P) + Σ_free min(P_c·d_u, P_tx·p_u + π·e_u)
 *         + π·(Σ_{Eset ∪ forced} e + [Eset ≠ ∅]·t_down),   π = P_idle if not PARALLEL, else 0
 * </pre>
 * and the bound is w_T·max(T1, T2) + w_E·E_LB. Why it holds: every edge layer starts after the
 * last feature tensor has arrived, which is after D plus all feature uploads (one uplink), so
 * T ≥ D + ΣF + Σ_edge e + t_down + ℓ in every mode; in SERIAL mode every parameter upload also
 * sits between two edge layers on that path; every upload finishes before the output layer starts;
 * a free layer adds at least min(d, ê) to that path whichever side it takes. Compute and transmit
 * energy are exact sums; the device idles during every edge computation and the download except
 * in PARALLEL mode, where uploads may overlap them (then idle energy is bounded by 0).
 * O(|V| + |A|) per call.
 */
public final class UploadLowerBound {
    private final DnnGraph g;
    private final UploadMode mode;
    private final UploadTimes t;
    private final Device device;
    private final CostWeights w;
    private final boolean[] forced;

    /** A bound for one problem's data; not thread-safe (it keeps a scratch array): one per solve. */
    public UploadLowerBound(DnnGraph g, UploadMode mode, UploadTimes t, Device device, CostWeights w) {
        this.g = g;
        this.mode = mode;
        this.t = t;
        this.device = device;
        this.w = w;
        this.forced = new boolean[g.size()];
    }

    /** The bound for the completions of {@code onEdge[0..v-1]} ({@code onEdge[u ≥ v]} is ignored). */
    public double of(boolean[] onEdge, int v) {
        int n = g.size();
        boolean anyEdge = false;
        double devSum = 0;
        double edgeSum = 0;
        double idleEdge = 0;
        double params = 0;
        double free = 0;
        double freeEnergy = 0;
        boolean serial = mode == UploadMode.SERIAL;
        boolean preloaded = mode == UploadMode.PRELOADED;
        double pIdle = mode == UploadMode.PARALLEL ? 0 : device.idleWatts();
        for (int u = 0; u < n; u++) {
            boolean edge;
            if (u < v) {
                edge = onEdge[u];
                forced[u] = false;
            } else {
                boolean f = false;
                for (int k = 0; k < g.inDegree(u) && !f; k++) {
                    int q = g.predecessor(u, k);
                    f = q < v ? onEdge[q] : forced[q];
                }
                forced[u] = f;
                edge = f;
            }
            double p = preloaded ? 0 : t.paramSeconds(u);
            if (u < v && !edge) {
                devSum += t.deviceSeconds(u);
            } else if (edge) {
                anyEdge |= u < v;
                edgeSum += t.edgeSeconds(u) + (serial ? p : 0);
                idleEdge += t.edgeSeconds(u);
                params += p;
            } else {
                double eh = t.edgeSeconds(u) + (serial ? p : 0);
                free += Math.min(t.deviceSeconds(u), eh);
                freeEnergy += Math.min(device.computeWatts() * t.deviceSeconds(u),
                        device.transmitWatts() * p + pIdle * t.edgeSeconds(u));
            }
        }
        double features = 0;
        for (int u = 0; u < v; u++) {
            if (onEdge[u]) {
                continue;
            }
            for (int k = 0; k < g.outDegree(u); k++) {
                int c = g.successor(u, k);
                if (c < v ? onEdge[c] : forced[c]) {
                    features += t.featureSeconds(u);
                    break;
                }
            }
        }
        double tail = anyEdge ? t.downloadSeconds() + t.latencySeconds() : 0;
        double t1 = devSum + features + edgeSum + free + tail;
        double t2 = anyEdge ? features + params + t.edgeSeconds(g.outputIndex()) + tail : 0;
        double energy = device.computeWatts() * devSum + device.transmitWatts() * (features + params) + freeEnergy
                + pIdle * (idleEdge + (anyEdge ? t.downloadSeconds() : 0));
        return w.combine(Math.max(t1, t2), energy);
    }
}
