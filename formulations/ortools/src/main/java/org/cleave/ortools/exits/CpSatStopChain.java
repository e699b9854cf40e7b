package org.cleave.ortools.exits;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.StopChain;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.IntegerScaling;
import org.cleave.ortools.CpSatSupport;

/**
 * A {@link StopChain} and a monotone placement as Booleans of one CP-SAT {@link CpModel}, shared by
 * the early-exit CP-SAT formulations (P2, P3). Every reach-weighted quantity becomes a sum of
 * Boolean products with real weights, exactly.
 *
 * <p>Variables (nodes 0 … m+1 of the stop chain, segments s = 1 … m+1, segment s = the layers
 * (ℓ_{s−1}, ℓ_s]):
 * <pre>
 *   z_k            exit k active (1 ≤ k ≤ m)
 *   L_{s,i}        the last active stop before segment s is node i (i &lt; s):
 *                  L_{1,0} = 1,  L_{s+1,s} = z_s,  L_{s+1,i} = L_{s,i} ∧ ¬z_s (i &lt; s),  Σ_i L_{s,i} = 1
 *   y_ik           arc i → k of the stop path: y_ik = L_{k,i} ∧ z_k (k ≤ m),  y_{i,m+1} = L_{m+1,i}
 *   x_v            layer v on the edge: x_input = 0, x_u ⇒ x_v on every arc u → v
 *   σ_u            u's tensor is sent: σ_u ⇔ ¬x_u ∧ ∨_{u → v} x_v
 * </pre>
 * Since reach(v) = 1 − R_i exactly when L_{s(v),i} holds, a reach-weighted cost is linear in
 * Boolean products, each defined by full equivalence (p ⇔ a ∧ b, three clauses), so every
 * auxiliary Boolean is a function of (z, x) and distinct solutions are distinct plans:
 * <pre>
 *   reach(v)·[x_v = 0]              = Σ_{i &lt; s(v)} (1 − R_i)·(L_{s(v),i} ∧ ¬x_v)
 *   reach(v)·[x_v = 1]              = Σ_{i &lt; s(v)} (1 − R_i)·(L_{s(v),i} ∧ x_v)
 *   continueAfter(u)·[u sent]       = Σ_{i &lt; s(u+1)} (1 − R_i)·(L_{s(u+1),i} ∧ σ_u)
 *   branchReach_k·[ℓ_k on device]   = Σ_{i &lt; k} (1 − R_i)·(y_ik ∧ ¬x_{ℓ_k})        (edge: ∧ x_{ℓ_k})
 *   share_k·[ℓ_k on the edge]       = Σ_{i &lt; k} (R_k − R_i)·(y_ik ∧ x_{ℓ_k})          (1 ≤ k ≤ m + 1)
 *   accuracy                        = Σ_{i &lt; j} (R_j − R_i)·a_j·y_ij
 * </pre>
 * Each such sum is a {@link Group}: at most one of its products is true in any plan, so a cost
 * built from g groups, each coefficient rounded once, is off by at most g/2 integer units for
 * every plan, whatever the number of products. Products of weight 0 are not created.
 *
 * <p>Symmetry: when the last stop i before segment s has R_i = 1 (a nested exit of rate 1, or
 * any exit under {@link org.cleave.core.exits.StopProfile.Mode#TRUNCATE}), every layer of s has
 * reach 0 and every later exit share 0: the placement of those layers and the later exits change
 * neither cost nor accuracy (in the evaluator too, exactly). They are fixed (L_{s,i} ⇒ x_v for v
 * in s, L_{s,i} ⇒ ¬z_s), which is monotone (ℓ_i is a cut vertex, so no arc jumps over it) and
 * keeps one representative plan per cost, so that enumerations stay short.
 */
public final class CpSatStopChain {
    /** Products of one reach- or share-weighted quantity, of which at most one is true per plan. */
    public record Group(List<Literal> literals, List<Double> weights) {
        /** Number of products. */
        public int size() {
            return literals.size();
        }
    }

    private final CpModel model;
    private final StopChain chain;
    private final DnnGraph graph;
    private final Literal one;
    private final BoolVar[] z;
    private final Literal[][] lastStop;
    private final Literal[][] arc;
    private final BoolVar[] x;
    private final Literal[] sent;
    private int products;

    /** Adds the chain, the placement and their constraints to {@code model}. */
    public CpSatStopChain(CpModel model, DnnGraph g, StopChain chain) {
        this.model = model;
        this.chain = chain;
        this.graph = g;
        this.one = model.trueLiteral();
        int last = chain.last();
        z = new BoolVar[last];
        for (int k = 1; k < last; k++) {
            z[k] = model.newBoolVar("z_" + k);
        }
        lastStop = new Literal[last + 1][];
        lastStop[1] = new Literal[] {one};
        for (int s = 1; s < last; s++) {
            lastStop[s + 1] = new Literal[s + 1];
            for (int i = 0; i < s; i++) {
                lastStop[s + 1][i] = and("L_" + (s + 1) + "_" + i, lastStop[s][i], z[s].not());
            }
            lastStop[s + 1][s] = z[s];
            model.addExactlyOne(lastStop[s + 1]);
        }
        arc = new Literal[last + 1][];
        for (int k = 1; k <= last; k++) {
            arc[k] = new Literal[k];
            for (int i = 0; i < k; i++) {
                arc[k][i] = k == last ? lastStop[k][i] : and("y_" + i + "_" + k, lastStop[k][i], z[k]);
            }
        }
        int n = g.size();
        x = new BoolVar[n];
        for (int v = 0; v < n; v++) {
            x[v] = model.newBoolVar("x_" + v);
        }
        model.addEquality(x[0], 0);
        sent = new Literal[n];
        for (int u = 0; u < n; u++) {
            int consumers = g.outDegree(u);
            for (int k = 0; k < consumers; k++) {
                model.addImplication(x[u], x[g.successor(u, k)]);
            }
            if (consumers == 0) {
                continue;
            }
            sent[u] = CpSatSupport.sent(model, g, x, u);
        }
        for (int s = 2; s <= last; s++) {
            for (int i = 1; i < s; i++) {
                if (chain.rate(i) != 1.0) {
                    continue;
                }
                for (int v = chain.layer(s - 1) + 1; v <= chain.layer(s); v++) {
                    model.addImplication(lastStop[s][i], x[v]);
                }
                if (s < last) {
                    model.addImplication(lastStop[s][i], z[s].not());
                }
            }
        }
    }

    /** p ⇔ a ∧ b; the other literal itself when one of them is the constant true. */
    private Literal and(String name, Literal a, Literal b) {
        if (a == one) {
            return b;
        }
        if (b == one) {
            return a;
        }
        BoolVar p = model.newBoolVar(name);
        model.addBoolAnd(new Literal[] {a, b}).onlyEnforceIf(p);
        model.addBoolOr(new Literal[] {a.not(), b.not(), p});
        return p;
    }

    private Group reachGroup(Literal[] stops, int below, Literal placed, String name) {
        List<Literal> literals = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < below; i++) {
            double w = chain.reachWeight(i);
            if (w > 0) {
                literals.add(and(name + "_" + products++, stops[i], placed));
                weights.add(w);
            }
        }
        return new Group(List.copyOf(literals), List.copyOf(weights));
    }

    /** reach(v)·[v on the device]. */
    public Group onDevice(int v) {
        int s = chain.segment(v);
        return reachGroup(lastStop[s], s, x[v].not(), "dev");
    }

    /** reach(v)·[v on the edge]. */
    public Group onEdge(int v) {
        int s = chain.segment(v);
        return reachGroup(lastStop[s], s, x[v], "edge");
    }

    /** continueAfter(u)·[u's tensor is sent]; empty for a layer without consumers. */
    public Group sent(int u) {
        if (sent[u] == null) {
            return new Group(List.of(), List.of());
        }
        int s = chain.segment(u + 1);
        return reachGroup(lastStop[s], s, sent[u], "sent");
    }

    /** branchReach_k·[ℓ_k on the device], exit node k (1 ≤ k ≤ m). */
    public Group branchOnDevice(int k) {
        return reachGroup(arc[k], k, x[chain.layer(k)].not(), "bdev");
    }

    /** branchReach_k·[ℓ_k on the edge], exit node k (1 ≤ k ≤ m). */
    public Group branchOnEdge(int k) {
        return reachGroup(arc[k], k, x[chain.layer(k)], "bedge");
    }

    /** share_k·[ℓ_k on the edge], stop k (1 ≤ k ≤ m + 1, m + 1 the final classifier). */
    public Group stopOnEdge(int k) {
        List<Literal> literals = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double w = chain.shareWeight(i, k);
            if (w > 0) {
                literals.add(and("stop_" + products++, arc[k][i], x[chain.layer(k)]));
                weights.add(w);
            }
        }
        return new Group(List.copyOf(literals), List.copyOf(weights));
    }

    /**
     * The arcs of the stop path with their accuracy weights (R_j − R_i)·a_j (one group: a path has
     * at most m + 1 arcs, see {@link #maxArcs()}).
     */
    public Group accuracy() {
        List<Literal> literals = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int j = 1; j <= chain.last(); j++) {
            for (int i = 0; i < j; i++) {
                double w = chain.accuracyWeight(i, j);
                if (w > 0) {
                    literals.add(arc[j][i]);
                    weights.add(w);
                }
            }
        }
        return new Group(List.copyOf(literals), List.copyOf(weights));
    }

    /**
     * Adds the accuracy floor Σ round(scale·(R_j − R_i)·a_j)·y_ij ≥ ⌈scale·minAccuracy − (m + 1)/2 −
     * {@value CpSatRow#MARGIN_UNITS}⌉, rounded outwards: a stop path has at most m + 1 arcs, so
     * every exit set the evaluator accepts satisfies it (a relaxation; sets just below the floor
     * are cut by {@link CpSatExitSearch}). Nothing is added for a floor of 0.
     *
     * @return the scaling used ({@link CpSatRow#DIGITS} digits of the sum of the weights)
     */
    public IntegerScaling accuracyAtLeast(double minAccuracy) {
        Group acc = accuracy();
        CpSatRow row = new CpSatRow().add(acc, 1.0);
        IntegerScaling scaling = CpSatRow.scaling(CpSatRow.DIGITS, row);
        if (minAccuracy > 0) {
            double rhs = scaling.scale() * minAccuracy - maxArcs() * 0.5 - CpSatRow.MARGIN_UNITS;
            model.addGreaterOrEqual(row.expr(scaling), (long) Math.ceil(rhs));
        }
        return scaling;
    }

    /** Most arcs on one stop path: m + 1. */
    public int maxArcs() {
        return chain.last();
    }

    /** z_k (1 ≤ k ≤ m). */
    public BoolVar z(int k) {
        return z[k];
    }

    /** x_v. */
    public BoolVar x(int v) {
        return x[v];
    }

    /** A clause that excludes the exit set of {@code plan} (every placement with it). */
    public void excludeExitSet(ExitPlan plan) {
        model.addBoolOr(exitLiterals(plan));
    }

    /** A clause that excludes {@code plan} (its exit set with its placement). */
    public void excludePlan(ExitPlan plan) {
        List<Literal> clause = exitLiterals(plan);
        for (int v = 1; v < x.length; v++) {
            clause.add(plan.placement().onEdge(v) ? x[v].not() : x[v]);
        }
        model.addBoolOr(clause);
    }

    private List<Literal> exitLiterals(ExitPlan plan) {
        List<Literal> clause = new ArrayList<>();
        for (int k = 1; k < chain.last(); k++) {
            clause.add(plan.activeExits().contains(chain.exit(k).id()) ? z[k].not() : z[k]);
        }
        return clause;
    }

    /** Hints {@code plan} (its exits and placement) as CP-SAT's first solution to try. */
    public void hint(ExitPlan plan) {
        for (int k = 1; k < chain.last(); k++) {
            model.addHint(z[k], plan.activeExits().contains(chain.exit(k).id()));
        }
        for (int v = 0; v < x.length; v++) {
            model.addHint(x[v], plan.placement().onEdge(v));
        }
    }

    /** A reader of plans from solution values. */
    public interface Values {
        /** The value of {@code literal} in the solution. */
        boolean of(Literal literal);
    }

    /** The plan of a solution. */
    public ExitPlan plan(Values values) {
        List<String> ids = new ArrayList<>();
        for (int k = 1; k < chain.last(); k++) {
            if (values.of(z[k])) {
                ids.add(chain.exit(k).id());
            }
        }
        boolean[] onEdge = new boolean[x.length];
        for (int v = 0; v < x.length; v++) {
            onEdge[v] = values.of(x[v]);
        }
        return new ExitPlan(ids, Placement.of(onEdge));
    }
}
