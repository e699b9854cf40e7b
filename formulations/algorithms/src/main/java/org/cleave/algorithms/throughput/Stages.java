package org.cleave.algorithms.throughput;

import org.cleave.algorithms.partition.MinCutNetwork;
import org.cleave.core.exits.ExpectedLoads;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;

/**
 * Fast stage arithmetic for the P3 solvers on the device, upload and edge seconds of
 * {@link ExpectedLoads}, and DADS' scaled-min-cut grid
 * search. Results are always re-evaluated by the P3 evaluator.
 */
final class Stages {
    /** Decades searched on each side of 1 for the two free scales. */
    static final double SPAN_DECADES = 3;
    /** Coarse grid step in decades. */
    static final double COARSE_STEP = 0.5;
    /** Refinement rounds; each halves the step around the best point with a 5 × 5 grid. */
    static final int REFINEMENTS = 3;

    private Stages() {
    }

    /** max(device, uplink, edge) of a monotone placement given as edge flags. */
    static double period(DnnGraph g, ExpectedLoads stages, boolean[] onEdge) {
        double device = 0;
        double upload = 0;
        double edge = 0;
        for (int v = 0; v < onEdge.length; v++) {
            if (onEdge[v]) {
                edge += stages.edge(v);
            } else {
                device += stages.device(v);
                for (int k = 0; k < g.outDegree(v); k++) {
                    if (onEdge[g.successor(v, k)]) {
                        upload += stages.upload(v);
                        break;
                    }
                }
            }
        }
        return Math.max(device, Math.max(upload, edge));
    }

    static double period(DnnGraph g, ExpectedLoads stages, Placement x) {
        boolean[] onEdge = new boolean[x.size()];
        for (int v = 0; v < onEdge.length; v++) {
            onEdge[v] = x.onEdge(v);
        }
        return period(g, stages, onEdge);
    }

    /**
     * The result of one grid search.
     *
     * @param placement the placement of least true period seen
     * @param period    its period
     * @param cuts      min-cuts solved
     */
    record Grid(Placement placement, double period, int cuts) {
    }

    /**
     * DADS' heavy-load search (DSH): the device scale is fixed at 1; the uplink and edge scales
     * α_u, α_e range over 10^[−3, 3]. A coarse grid of step 0.5 decades, then {@value #REFINEMENTS}
     * rounds of a 5 × 5 grid around the best point with half the step. At each point a min-cut of
     * device[v] + α_u·upload[v] + α_e·edge[v]; the true period of each cut is compared.
     */
    static Grid search(DnnGraph g, ExpectedLoads stages) {
        int n = g.size();
        double[] device = new double[n];
        for (int v = 0; v < n; v++) {
            device[v] = stages.device(v);
        }
        double[] bestAt = {0, 0};
        Placement best = null;
        double bestPeriod = Double.POSITIVE_INFINITY;
        int cuts = 0;
        int half = (int) Math.round(SPAN_DECADES / COARSE_STEP);
        double step = COARSE_STEP;
        double[] centre = {0, 0};
        for (int round = 0; round <= REFINEMENTS; round++) {
            int k = round == 0 ? half : 2;
            for (int i = -k; i <= k; i++) {
                for (int j = -k; j <= k; j++) {
                    double lu = centre[0] + i * step;
                    double le = centre[1] + j * step;
                    double au = Math.pow(10, lu);
                    double ae = Math.pow(10, le);
                    double[] send = new double[n];
                    double[] edge = new double[n];
                    for (int v = 0; v < n; v++) {
                        send[v] = au * stages.upload(v);
                        edge[v] = ae * stages.edge(v);
                    }
                    Placement x = MinCutNetwork.solve(g, device, edge, send).placement();
                    cuts++;
                    double period = period(g, stages, x);
                    if (period < bestPeriod) {
                        bestPeriod = period;
                        best = x;
                        bestAt[0] = lu;
                        bestAt[1] = le;
                    }
                }
            }
            centre = bestAt.clone();
            step /= 2;
        }
        return new Grid(best, bestPeriod, cuts);
    }
}
