package org.cleave.choco;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.ParallelPortfolio;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.SearchState;
import org.chocosolver.solver.search.loop.monitors.IMonitorSolution;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.RoundingBand;
import org.cleave.core.solve.SolveLimits;

/**
 * The two searches the early-exit Choco formulations run on a {@link ChocoStopChain}: optimise one
 * integer variable (on {@code threads} differently seeded copies in Choco's
 * {@link ParallelPortfolio} when more than one thread is allowed), and enumerate the plans of a
 * rounding band to pick the one the family evaluator prices best.
 */
public final class ChainSearch {
    /** Most plans enumerated in a rounding band. */
    public static final int MAX_BAND_PLANS = RoundingBand.MAX_PLANS;

    private ChainSearch() {
    }

    /**
     * One copy of a model and the variable to optimise.
     *
     * @param chain     the model
     * @param objective the variable
     */
    public record Copy(ChocoStopChainModel chain, IntVar objective) {
    }

    /**
     * The result of an optimisation.
     *
     * @param plan   the best plan found, or null
     * @param value  its objective value (integer units)
     * @param proven whether the search finished (the value is optimal, or no plan exists)
     * @param bound  the best proven bound on the objective (integer units)
     * @param nodes  search nodes over all copies
     */
    public record Optimum(ExitPlan plan, long value, boolean proven, long bound, long nodes) {
        /** Whether a plan was found. */
        public boolean found() {
            return plan != null;
        }
    }

    /** The best plan any copy found. */
    private static final class Best {
        private final boolean maximise;
        ExitPlan plan;
        long value;

        Best(boolean maximise) {
            this.maximise = maximise;
        }

        synchronized void offer(Copy c) {
            long v = c.objective().getValue();
            if (plan == null || (maximise ? v > value : v < value)) {
                plan = c.chain().plan();
                value = v;
            }
        }
    }

    /**
     * Optimises {@code copies.apply(w).objective()} ({@code w} = 0 … threads − 1 builds copy w).
     * The time limit is what is left on {@code deadline} (nothing is built once it has passed: no
     * plan, not proven, the trivial bound); {@code applied} records the limits. Objectives are
     * nonnegative, so 0 is the trivial lower bound.
     */
    public static Optimum optimise(IntFunction<Copy> copies, boolean maximise, SolveLimits limits, Deadline deadline,
                                   Map<String, Object> applied) {
        if (limits.timeLimit().isPresent() && deadline.expired()) {
            return new Optimum(null, 0, false, maximise ? Long.MAX_VALUE : 0, 0);
        }
        Best best = new Best(maximise);
        List<Copy> built = new ArrayList<>();
        for (int w = 0; w < limits.threads(); w++) {
            Copy c = copies.apply(w);
            Model model = c.chain().model();
            ChocoSupport.configurePhases(model, c.chain().phases(), limits, deadline, w, applied);
            model.setObjective(maximise ? Model.MAXIMIZE : Model.MINIMIZE, c.objective());
            model.getSolver().plugMonitor((IMonitorSolution) () -> best.offer(c));
            built.add(c);
        }
        if (built.size() == 1) {
            Solver solver = built.get(0).chain().model().getSolver();
            while (solver.solve()) {
                // each solution is recorded by the monitor
            }
        } else {
            ParallelPortfolio portfolio = new ParallelPortfolio(false);
            built.forEach(c -> portfolio.addModel(c.chain().model()));
            while (portfolio.solve()) {
                // each solution is recorded by the monitors
            }
        }
        boolean proven = false;
        long nodes = 0;
        long bound = maximise ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (Copy c : built) {
            Solver s = c.chain().model().getSolver();
            proven |= s.getSearchState() == SearchState.TERMINATED;
            nodes += s.getNodeCount();
            long b = maximise ? s.getObjectiveManager().getBestUB().longValue()
                    : s.getObjectiveManager().getBestLB().longValue();
            bound = maximise ? Math.min(bound, b) : Math.max(bound, b);
        }
        if (proven && best.plan != null) {
            bound = best.value;
        }
        return new Optimum(best.plan, best.value, proven, bound, nodes);
    }

    /**
     * The plans of a rounding band.
     *
     * @param plan     the plan priced best (the incumbent if none is better)
     * @param plans    number of plans enumerated
     * @param complete whether the band was enumerated to the end
     */
    public record Band(ExitPlan plan, int plans, boolean complete) {
    }

    /**
     * Enumerates every plan of a fresh copy ({@code copies.apply(0)}) with objective ≤ {@code limit}
     * (at most {@value #MAX_BAND_PLANS}) and returns the one {@code price} finds lowest, starting
     * from {@code incumbent}; ties keep the earlier plan. Nothing is built once the deadline has
     * passed (the band is then incomplete).
     */
    public static Band band(IntFunction<Copy> copies, long limit, ExitPlan incumbent, ToDoubleFunction<ExitPlan> price,
                            SolveLimits limits, Deadline deadline) {
        if (limits.timeLimit().isPresent() && deadline.expired()) {
            return new Band(incumbent, 0, false);
        }
        Copy copy = copies.apply(0);
        Model model = copy.chain().model();
        model.arithm(copy.objective(), "<=", (int) Math.min(Integer.MAX_VALUE, limit)).post();
        ChocoSupport.configurePhases(model, copy.chain().phases(), limits, deadline, 0, new LinkedHashMap<>());
        RoundingBand<ExitPlan> band = RoundingBand.of(MAX_BAND_PLANS, price).startingFrom(incumbent);
        Solver solver = model.getSolver();
        while (!band.full() && solver.solve()) {
            band.offer(copy.chain().plan());
        }
        RoundingBand.Result<ExitPlan> r = band.result(solver.getSearchState() == SearchState.TERMINATED);
        return new Band(r.best(), r.plans(), r.complete());
    }
}
