package org.cleave.choco;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.search.strategy.selectors.values.IntDomainMin;
import org.chocosolver.solver.search.strategy.selectors.variables.DomOverWDeg;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Status;

/**
 * What every Choco formulation shares: limits applied to a model's solver and the status
 * mapping. Choco's own time limit is in milliseconds; here it is the time left on the solve's
 * {@link Deadline}. The seed breaks ties of the dom/wdeg variable selection (Boussemart et al.,
 * ECAI 2004), so a given seed gives a given search; threads &gt; 1 run that many differently
 * seeded copies of the model in Choco's {@link org.chocosolver.solver.ParallelPortfolio}.
 * Choco's integer domains are bounded by ±{@link IntVar#MAX_INT_BOUND}: scale costs with
 * {@link org.cleave.core.solve.IntegerScaling} to fit.
 */
public final class ChocoSupport {
    /** The limits a Choco formulation honours. */
    public static final Set<Capability> HONOURS = Set.of(Capability.TIME_LIMIT, Capability.THREADS, Capability.SEED);

    private ChocoSupport() {
    }

    /**
     * Sets the time limit and a seeded dom/wdeg search, smallest value first, on {@code decisions}
     * of {@code model}; {@code worker} (0, 1, ...) shifts the seed for portfolio copies.
     */
    public static void configure(Model model, IntVar[] decisions, SolveLimits limits, Deadline deadline, int worker,
                                 Map<String, Object> applied) {
        long seed = limits.seedOr(0) + worker;
        model.getSolver().setSearch(Search.intVarSearch(new DomOverWDeg<>(decisions, seed), new IntDomainMin(),
                decisions));
        limit(model, limits, deadline, applied);
    }

    /**
     * As {@link #configure(Model, IntVar[], SolveLimits, Deadline, int, Map)}, but branching on
     * {@code phases} in order (each phase with its own seeded dom/wdeg, smallest value first; empty
     * phases are skipped): e.g. the exit choice before the placement.
     */
    public static void configurePhases(Model model, IntVar[][] phases, SolveLimits limits, Deadline deadline,
                                       int worker, Map<String, Object> applied) {
        long seed = limits.seedOr(0) + worker;
        List<AbstractStrategy<IntVar>> strategies = new ArrayList<>();
        for (IntVar[] phase : phases) {
            if (phase.length > 0) {
                strategies.add(Search.intVarSearch(new DomOverWDeg<>(phase, seed), new IntDomainMin(), phase));
            }
        }
        if (!strategies.isEmpty()) {
            model.getSolver().setSearch(Search.sequencer(strategies.toArray(AbstractStrategy[]::new)));
        }
        limit(model, limits, deadline, applied);
    }

    private static void limit(Model model, SolveLimits limits, Deadline deadline, Map<String, Object> applied) {
        Solver solver = model.getSolver();
        if (limits.timeLimit().isPresent()) {
            long ms = Math.max(1, deadline.remaining().toMillis());
            solver.limitTime(ms);
            applied.put("timeLimit", java.time.Duration.ofMillis(ms));
        }
        applied.put("seed", limits.seedOr(0));
        applied.put("threads", limits.threads());
    }

    /**
     * Posts the placement's monotonicity on the arcs out of a layer, x_u ≤ x_v for each consumer v,
     * and returns the consumers' variables.
     */
    public static BoolVar[] monotoneArcs(Model model, BoolVar[] x, DnnGraph g, int u) {
        BoolVar[] consumers = new BoolVar[g.outDegree(u)];
        for (int k = 0; k < consumers.length; k++) {
            consumers[k] = x[g.successor(u, k)];
            model.arithm(x[u], "<=", consumers[k]).post();
        }
        return consumers;
    }

    /**
     * A Boolean s that holds exactly when the layer with placement {@code xu} sends its tensor:
     * s = ¬x_u ∧ ∨ consumers, as the clauses x_u ∨ s ∨ ¬x_v (each consumer v), ¬s ∨ ¬x_u and
     * ¬s ∨ ∨ x_v.
     */
    public static BoolVar sends(Model model, BoolVar xu, BoolVar[] consumers, String name) {
        BoolVar s = model.boolVar(name);
        for (BoolVar xv : consumers) {
            model.addClauses(new BoolVar[] {xu, s}, new BoolVar[] {xv});
        }
        model.arithm(s, "+", xu, "<=", 1).post();
        model.addClauses(consumers, new BoolVar[] {s});
        return s;
    }

    /**
     * Cleave's status once the search loop ended: a finished search (Choco's TERMINATED) with a
     * solution is OPTIMAL, without one INFEASIBLE; a search stopped by the limit is FEASIBLE with a
     * solution and NO_SOLUTION_IN_LIMIT without.
     */
    public static Status status(boolean stoppedByLimit, boolean found) {
        if (stoppedByLimit) {
            return found ? Status.FEASIBLE : Status.NO_SOLUTION_IN_LIMIT;
        }
        return found ? Status.OPTIMAL : Status.INFEASIBLE;
    }
}
