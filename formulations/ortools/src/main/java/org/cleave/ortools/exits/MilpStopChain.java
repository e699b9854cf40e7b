package org.cleave.ortools.exits;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.cleave.core.exits.StopChain;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;

/**
 * The variables and rows of a {@link StopChain} and a monotone placement in one {@link MPSolver}
 * model, shared by the early-exit MILPs: z_k (binary), y_ij (continuous), the segment reaches ρ_s
 * and branch reaches β_k (continuous, fixed by equalities), the placement x_v (binary,
 * x_input = 0, x_u ≤ x_v on every arc), and the lower-envelope products of {@link StopChain}.
 */
public final class MilpStopChain {
    private final MPSolver solver;
    private final StopChain chain;
    private final DnnGraph graph;
    private final MPVariable[] z;
    private final MPVariable[][] y;
    private final MPVariable[] rho;
    private final MPVariable[] beta;
    private final MPVariable[] x;
    private int products;

    /** Adds the chain, the placement and their rows to {@code solver}. */
    public MilpStopChain(MPSolver solver, DnnGraph g, StopChain chain) {
        this.solver = solver;
        this.chain = chain;
        this.graph = g;
        int last = chain.last();
        z = new MPVariable[last];
        y = new MPVariable[last + 1][last + 1];
        for (int k = 1; k < last; k++) {
            z[k] = solver.makeBoolVar("z_" + k);
        }
        for (int i = 0; i < last; i++) {
            for (int j = i + 1; j <= last; j++) {
                y[i][j] = solver.makeNumVar(0, 1, "y_" + i + "_" + j);
            }
        }
        MPConstraint source = solver.makeConstraint(1, 1, "flow_source");
        for (int j = 1; j <= last; j++) {
            source.setCoefficient(y[0][j], 1);
        }
        for (int k = 1; k < last; k++) {
            MPConstraint in = solver.makeConstraint(0, 0, "flow_in_" + k);
            MPConstraint out = solver.makeConstraint(0, 0, "flow_out_" + k);
            in.setCoefficient(z[k], -1);
            out.setCoefficient(z[k], -1);
            for (int i = 0; i < k; i++) {
                in.setCoefficient(y[i][k], 1);
            }
            for (int j = k + 1; j <= last; j++) {
                out.setCoefficient(y[k][j], 1);
            }
        }
        rho = new MPVariable[last + 1];
        for (int s = 1; s <= last; s++) {
            rho[s] = solver.makeNumVar(0, 1, "rho_" + s);
            MPConstraint def = solver.makeConstraint(0, 0, "reach_" + s);
            def.setCoefficient(rho[s], 1);
            for (int i = 0; i < s; i++) {
                for (int j = s; j <= last; j++) {
                    def.setCoefficient(y[i][j], -chain.reachWeight(i));
                }
            }
        }
        beta = new MPVariable[last + 1];
        for (int k = 1; k <= last; k++) {
            beta[k] = solver.makeNumVar(0, 1, "beta_" + k);
            MPConstraint def = solver.makeConstraint(0, 0, "branch_reach_" + k);
            def.setCoefficient(beta[k], 1);
            for (int i = 0; i < k; i++) {
                def.setCoefficient(y[i][k], -chain.reachWeight(i));
            }
        }
        int n = g.size();
        x = new MPVariable[n];
        for (int v = 0; v < n; v++) {
            x[v] = solver.makeBoolVar("x_" + v);
        }
        x[0].setBounds(0, 0);
        for (int u = 0; u < n; u++) {
            for (int k = 0; k < g.outDegree(u); k++) {
                MPConstraint monotone = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "mono_" + u + "_" + k);
                monotone.setCoefficient(x[u], 1);
                monotone.setCoefficient(x[g.successor(u, k)], -1);
            }
        }
    }

    /** x_v. */
    public MPVariable x(int v) {
        return x[v];
    }

    /** z_k (1 ≤ k ≤ m). */
    public MPVariable z(int k) {
        return z[k];
    }

    /** y_ij. */
    public MPVariable y(int i, int j) {
        return y[i][j];
    }

    /** ρ of layer v's segment: reach(v). */
    public MPVariable reach(int v) {
        return rho[chain.segment(v)];
    }

    /** continueAfter(u) = reach(u + 1), for u below the output. */
    public MPVariable continueAfter(int u) {
        return rho[chain.segment(u + 1)];
    }

    /** β_k, the branch reach of node k (of the final classifier for k = m + 1: its share). */
    public MPVariable branchReach(int k) {
        return beta[k];
    }

    /**
     * share_k = Σ_i (R_k − R_i)·y_ik, the fraction of samples stopping at node k (1 ≤ k ≤ m + 1), as a
     * new continuous variable fixed by an equality.
     */
    public MPVariable share(int k) {
        MPVariable s = solver.makeNumVar(0, 1, "share_" + k);
        MPConstraint def = solver.makeConstraint(0, 0, "share_def_" + k);
        def.setCoefficient(s, 1);
        for (int i = 0; i < k; i++) {
            def.setCoefficient(y[i][k], -chain.shareWeight(i, k));
        }
        return s;
    }

    /** w ≥ r·(1 − x_v): r − x_v − w ≤ 0, w ∈ [0, 1]. */
    public MPVariable onDevice(MPVariable r, int v) {
        MPVariable w = solver.makeNumVar(0, 1, "dev_" + products++);
        MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "dev_env_" + products);
        c.setCoefficient(r, 1);
        c.setCoefficient(x[v], -1);
        c.setCoefficient(w, -1);
        return w;
    }

    /** w ≥ r·x_v: r + x_v − w ≤ 1, w ∈ [0, 1]. */
    public MPVariable onEdge(MPVariable r, int v) {
        MPVariable w = solver.makeNumVar(0, 1, "edge_" + products++);
        MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1, "edge_env_" + products);
        c.setCoefficient(r, 1);
        c.setCoefficient(x[v], 1);
        c.setCoefficient(w, -1);
        return w;
    }

    /** w ≥ continueAfter(u)·[u's tensor is sent]: κ_u + x_v − x_u − w ≤ 1 for every consumer v. */
    public MPVariable sent(int u) {
        MPVariable w = solver.makeNumVar(0, 1, "sent_" + products++);
        MPVariable kappa = continueAfter(u);
        for (int k = 0; k < graph.outDegree(u); k++) {
            MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 1, "sent_env_" + products + "_" + k);
            c.setCoefficient(kappa, 1);
            c.setCoefficient(x[graph.successor(u, k)], 1);
            c.setCoefficient(x[u], -1);
            c.setCoefficient(w, -1);
        }
        return w;
    }

    /** Adds Σ accuracyWeight·y ≥ {@code minAccuracy}. */
    public void accuracyAtLeast(double minAccuracy) {
        MPConstraint c = solver.makeConstraint(minAccuracy, Double.POSITIVE_INFINITY, "accuracy");
        for (int i = 0; i < chain.last(); i++) {
            for (int j = i + 1; j <= chain.last(); j++) {
                c.setCoefficient(y[i][j], chain.accuracyWeight(i, j));
            }
        }
    }

    /** Excludes the exit set of the current solution ({@code active}, by node) from the model: a no-good cut. */
    public void excludeExitSet(boolean[] active) {
        MPConstraint c = solver.makeConstraint(1, Double.POSITIVE_INFINITY, "nogood_exits_" + products++);
        double rhs = 1;
        for (int k = 1; k < chain.last(); k++) {
            c.setCoefficient(z[k], active[k] ? -1 : 1);
            rhs -= active[k] ? 1 : 0;
        }
        c.setLb(rhs);
    }

    /** Excludes one plan (exit set and placement) from the model: a no-good cut on every binary. */
    public void excludePlan(boolean[] active, Placement p) {
        MPConstraint c = solver.makeConstraint(1, Double.POSITIVE_INFINITY, "nogood_plan_" + products++);
        double rhs = 1;
        for (int k = 1; k < chain.last(); k++) {
            c.setCoefficient(z[k], active[k] ? -1 : 1);
            rhs -= active[k] ? 1 : 0;
        }
        for (int v = 1; v < x.length; v++) {
            c.setCoefficient(x[v], p.onEdge(v) ? -1 : 1);
            rhs -= p.onEdge(v) ? 1 : 0;
        }
        c.setLb(rhs);
    }

    /** The active nodes of the current solution (index 1 … m), read at 0.5. */
    public boolean[] activeNodes() {
        boolean[] active = new boolean[chain.last()];
        for (int k = 1; k < chain.last(); k++) {
            active[k] = z[k].solutionValue() > 0.5;
        }
        return active;
    }

    /** The ids of the active exits. */
    public List<String> exitIds(boolean[] active) {
        List<String> ids = new ArrayList<>();
        for (int k = 1; k < chain.last(); k++) {
            if (active[k]) {
                ids.add(chain.exit(k).id());
            }
        }
        return ids;
    }

    /** The placement of the current solution, read at 0.5. */
    public Placement placement() {
        boolean[] onEdge = new boolean[x.length];
        for (int v = 0; v < x.length; v++) {
            onEdge[v] = x[v].solutionValue() > 0.5;
        }
        return Placement.of(onEdge);
    }
}
