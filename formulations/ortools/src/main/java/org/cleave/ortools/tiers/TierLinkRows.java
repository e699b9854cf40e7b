package org.cleave.ortools.tiers;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.cleave.core.model.DnnGraph;

/**
 * The rows every three-tier MILP shares on one binary layer x (x¹ = "beyond the device", x² = "in
 * the cloud") for one layer u: monotone rows x_u ≤ x_v for each arc u → v, and, when u's tensor has a
 * price, the send-once variable s ∈ [0, 1] with s ≥ x_v − x_u for each arc (u's tensor crosses link k
 * once however many consumers lie beyond it). The caller prices s in its objective or stage rows.
 * Used by P1-3T, P2-3T and P3-3T's OR-Tools solvers so that their link rows cannot drift apart.
 */
public final class TierLinkRows {
    private TierLinkRows() {
    }

    /**
     * Adds u's monotone rows on layer {@code x} and, if {@code priced} and u has consumers, its
     * send-once variable and rows (names suffixed with link {@code k}).
     *
     * @return the send-once variable, or null when none was made
     */
    public static MPVariable add(MPSolver solver, DnnGraph g, int u, MPVariable[] x, boolean priced, String k) {
        MPVariable s = null;
        if (g.outDegree(u) > 0 && priced) {
            s = solver.makeNumVar(0, 1, "s" + k + "_" + u);
        }
        for (int i = 0; i < g.outDegree(u); i++) {
            MPVariable xv = x[g.successor(u, i)];
            MPConstraint monotone = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "mono" + k + "_" + u + "_" + i);
            monotone.setCoefficient(x[u], 1);
            monotone.setCoefficient(xv, -1);
            if (s != null) {
                MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "send" + k + "_" + u + "_" + i);
                row.setCoefficient(xv, 1);
                row.setCoefficient(x[u], -1);
                row.setCoefficient(s, -1);
            }
        }
        return s;
    }
}
