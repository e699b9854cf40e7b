package org.cleave.choco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.util.tools.ArrayUtils;
import org.cleave.choco.ChocoStopChain.Term;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.exits.UnitTimes;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;

/**
 * One Choco model of a {@link ChocoStopChain}, made by {@link ChocoStopChain#build}: the exit
 * Booleans z_k, the previous-active-stop variables π_s, the placement x_v, the sent tensors σ_u
 * and the total of each measure as one {@link PropReachSum}. Read a solution's plan with
 * {@link #plan()}; add the family's feasibility checks with {@link #requirePlan} and
 * {@link #requireExitSet}.
 */
public final class ChocoStopChainModel {
    private final ChocoStopChain owner;
    private final StopChain chain;
    private final int exits;
    private final Model model;
    private final BoolVar[] z;
    private final IntVar[] pi;
    private final BoolVar[] x;
    private final List<BoolVar> sent = new ArrayList<>();
    private final IntVar[] totals;

    ChocoStopChainModel(ChocoStopChain owner, String name, List<ChocoStopChain.Measure> measures) {
        this.owner = owner;
        this.chain = owner.chain();
        this.exits = owner.exits();
        DnnGraph graph = owner.graph();
        UnitTimes unit = owner.unit();
        // Choco's production settings: no re-check of every solution against every constraint
        // (each plan is checked by the family evaluator instead)
        model = new Model(name, Settings.prod());
        int last = exits + 1;
        z = new BoolVar[last];
        pi = new IntVar[last + 1];
        pi[1] = model.intVar(0);
        for (int k = 1; k < last; k++) {
            z[k] = model.boolVar("z_" + k);
            pi[k + 1] = model.intVar("pi_" + (k + 1), 0, k);
            model.element(pi[k + 1], new IntVar[] {pi[k], model.intVar(k)}, z[k], 0).post();
        }
        if (chain.mode() == StopProfile.Mode.TRUNCATE && exits > 1) {
            model.sum(Arrays.copyOfRange(z, 1, last), "<=", 1).post();
        }
        int n = graph.size();
        x = model.boolVarArray("x", n);
        model.arithm(x[0], "=", 0).post();
        BoolVar[] sentOf = new BoolVar[n];
        for (int u = 0; u < n; u++) {
            BoolVar[] next = ChocoSupport.monotoneArcs(model, x, graph, u);
            if (unit.upload(u) > 0) {
                BoolVar s = ChocoSupport.sends(model, x[u], next, "sent_" + u);
                sent.add(s);
                sentOf[u] = s;
            }
        }
        unreached(n);
        totals = new IntVar[measures.size()];
        for (int i = 0; i < measures.size(); i++) {
            ChocoStopChain.Measure mu = measures.get(i);
            totals[i] = model.intVar(mu.name(), 0, (int) mu.upper(), true);
            sum(totals[i], mu, sentOf);
        }
    }

    /** total = Σ_t value_t(drivers) over the terms that count under {@code mu}, as one {@link PropReachSum}. */
    private void sum(IntVar total, ChocoStopChain.Measure mu, BoolVar[] sentOf) {
        List<IntVar> vars = new ArrayList<>();
        Map<IntVar, Integer> position = new IdentityHashMap<>();
        vars.add(total);
        List<int[]> indices = new ArrayList<>();
        List<long[][][]> values = new ArrayList<>();
        for (Term t : owner.costTerms()) {
            if (!owner.counts(t, mu.weights())) {
                continue;
            }
            IntVar[] drivers = drivers(t, sentOf);
            int[] at = {-1, -1, -1};
            for (int d = 0; d < drivers.length; d++) {
                IntVar var = drivers[d];
                at[d] = position.computeIfAbsent(var, key -> {
                    vars.add(key);
                    return vars.size() - 1;
                });
            }
            indices.add(at);
            values.add(owner.scaledValues(t, mu, drivers.length == 3));
        }
        if (indices.isEmpty()) {
            model.arithm(total, "=", 0).post();
            return;
        }
        int k = indices.size();
        int[] piAt = new int[k];
        int[] bitAt = new int[k];
        int[] gateAt = new int[k];
        for (int t = 0; t < k; t++) {
            piAt[t] = indices.get(t)[0];
            bitAt[t] = indices.get(t)[1];
            gateAt[t] = indices.get(t)[2];
        }
        new Constraint("reach-sum-" + mu.name(), new PropReachSum(vars.toArray(IntVar[]::new), piAt, bitAt, gateAt,
                values.toArray(long[][][][]::new))).post();
    }

    /** Layers behind an active exit of rate 1 go to the edge; exits there stay off. */
    private void unreached(int n) {
        int last = exits + 1;
        BoolVar[] dead = new BoolVar[last + 1];
        for (int s = 2; s <= last; s++) {
            int[] ones = IntStream.range(1, s).filter(p -> chain.rate(p) >= 1).toArray();
            if (ones.length > 0) {
                dead[s] = model.member(pi[s], ones).reify();
            }
        }
        for (int v = 1; v < n; v++) {
            if (dead[chain.segment(v)] != null) {
                model.addClauses(new BoolVar[] {x[v]}, new BoolVar[] {dead[chain.segment(v)]});
            }
        }
        for (int k = 1; k < last; k++) {
            if (dead[k] != null) {
                model.addClauses(new BoolVar[0], new BoolVar[] {dead[k], z[k]});
            }
        }
    }

    private IntVar[] drivers(Term t, BoolVar[] sentOf) {
        return switch (t.kind()) {
            case LAYER -> new IntVar[] {pi[t.segment()], x[t.index()]};
            case TENSOR -> new IntVar[] {pi[t.segment()], sentOf[t.index()]};
            case STOP -> t.index() <= exits
                    ? new IntVar[] {pi[t.segment()], x[chain.layer(t.index())], z[t.index()]}
                    : new IntVar[] {pi[t.segment()], x[chain.layer(t.index())]};
        };
    }

    /** The model. */
    public Model model() {
        return model;
    }

    /** The total of measure {@code i} (in the order given to {@link ChocoStopChain#build}). */
    public IntVar total(int i) {
        return totals[i];
    }

    /** π_{m+1}: the deepest active exit (0: none), i.e. where the final classifier's share starts. */
    public IntVar deepestActive() {
        return pi[exits + 1];
    }

    /** The branching phases: exits, then placement, then sent tensors. */
    public IntVar[][] phases() {
        IntVar[] exitVars = Arrays.copyOfRange(z, 1, exits + 1);
        return new IntVar[][] {exitVars, x, sent.toArray(IntVar[]::new)};
    }

    /** Fails every complete assignment whose plan {@code feasible} rejects. */
    public void requirePlan(Predicate<ExitPlan> feasible) {
        IntVar[] vars = ArrayUtils.append(Arrays.copyOfRange(z, 1, exits + 1), x);
        new Constraint("plan-check", new PropCheck(vars, () -> feasible.test(plan()))).post();
    }

    /** Fails every exit set {@code feasible} rejects (ids in depth order), as soon as z is fixed. */
    public void requireExitSet(Predicate<List<String>> feasible) {
        if (exits == 0) {
            if (!feasible.test(List.of())) {
                model.falseConstraint().post();
            }
            return;
        }
        IntVar[] vars = Arrays.copyOfRange(z, 1, exits + 1);
        new Constraint("exit-set-check", new PropCheck(vars, () -> feasible.test(activeExits()))).post();
    }

    /** The ids of the active exits in the current (complete) assignment, by depth. */
    public List<String> activeExits() {
        List<String> ids = new ArrayList<>();
        for (int k = 1; k <= exits; k++) {
            if (z[k].getValue() == 1) {
                ids.add(chain.exit(k).id());
            }
        }
        return ids;
    }

    /** The plan of the current solution. */
    public ExitPlan plan() {
        boolean[] onEdge = new boolean[x.length];
        for (int v = 0; v < x.length; v++) {
            onEdge[v] = x[v].getValue() == 1;
        }
        return new ExitPlan(activeExits(), Placement.of(onEdge));
    }
}
