package org.cleave.algorithms.exits;

import java.util.List;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.algorithms.partition.ReachWeights;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsCost;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Status;

/**
 * The exact exit-set search shared by the P2 min-cut solvers ({@link MinCutExitsSolver},
 * {@link CompiledMinCutExitsSolver}): they differ only in how the cheapest placement of one exit
 * set is cut ({@link Cut}). See {@link MinCutExitsSolver} for the method.
 */
final class ExitSetSearch {
    /** Most order ideals enumerated for one exit set under a binding latency bound. */
    static final long MAX_IDEALS = 1L << 20;

    /** The cheapest monotone placement of one exit set. */
    @FunctionalInterface
    interface Cut {
        /**
         * A placement minimising the expected {@code w_T·T + w_E·E} of {@code profile}'s exit set
         * (number {@code set} of the {@link Catalogue}), tidied with {@link ExitSets#tidy}.
         */
        Placement cut(Catalogue catalogue, int set, StopProfile profile, CostWeights weights);

        /**
         * The expected {@code w_T·T + w_E·E} of the last cut's placement as the cut computed it
         * (the evaluator's objective up to rounding, within {@link #CUT_COST_SLACK} relative), or
         * NaN if the cut does not know it.
         */
        default double lastCost() {
            return Double.NaN;
        }
    }

    /**
     * Relative slack between a cut's own cost ({@link Cut#lastCost}) and the evaluator's objective
     * of the same placement: both add the same per-layer terms, in another order.
     */
    static final double CUT_COST_SLACK = 1e-9;

    /**
     * The exit sets a search enumerates, in order, and their stop profiles and reach weights,
     * computed on first use.
     * They depend only on the model, the final classifier's accuracy and the variant's mode
     * ({@link ExitsProblem#profile}), not on the rates, load, weights or bounds, so a warm solver
     * keeps one catalogue for every problem that {@link #fits} it. Not thread-safe (lazy).
     */
    static final class Catalogue {
        /** Most exit sets that get a network each ({@link #network}): 6 exits. */
        static final int MAX_NETWORKS = 64;

        private final DnnGraph graph;
        private final double finalAccuracy;
        private final StopProfile.Mode mode;
        private final List<List<String>> sets;
        private final StopProfile[] profiles;
        private final ReachWeights[] reach;
        private final CompiledPartitionNetwork[] networks;

        private Catalogue(ExitsProblem problem) {
            this.graph = problem.graph();
            this.finalAccuracy = problem.finalAccuracy();
            this.mode = problem.mode();
            this.sets = ExitSets.subsets(graph, mode == StopProfile.Mode.TRUNCATE ? 1 : Integer.MAX_VALUE);
            this.profiles = new StopProfile[sets.size()];
            this.reach = new ReachWeights[sets.size()];
            this.networks = sets.size() <= MAX_NETWORKS ? new CompiledPartitionNetwork[sets.size()] : null;
        }

        /** The catalogue of {@code problem}'s exit sets. */
        static Catalogue of(ExitsProblem problem) {
            return new Catalogue(problem);
        }

        /** Whether {@code problem} has exactly these exit sets and profiles. */
        boolean fits(ExitsProblem problem) {
            return problem.graph() == graph && Double.compare(problem.finalAccuracy(), finalAccuracy) == 0
                    && problem.mode() == mode;
        }

        int size() {
            return sets.size();
        }

        List<String> set(int i) {
            return sets.get(i);
        }

        /** The stop profile of set {@code i}, as {@link ExitsProblem#profile} computes it. */
        StopProfile profile(int i) {
            StopProfile p = profiles[i];
            if (p == null) {
                p = StopProfile.of(graph, finalAccuracy, sets.get(i), mode);
                profiles[i] = p;
            }
            return p;
        }

        /**
         * A network compiled for the model with set {@code i}'s reach weights, kept (so a warm solver
         * sets only the parameters per solve); null when the catalogue has more than
         * {@value #MAX_NETWORKS} sets (then one network is re-weighted per set).
         */
        CompiledPartitionNetwork network(int i) {
            if (networks == null) {
                return null;
            }
            CompiledPartitionNetwork n = networks[i];
            if (n == null) {
                n = CompiledPartitionNetwork.compile(graph);
                n.setReachWeights(reach(i));
                networks[i] = n;
            }
            return n;
        }

        /** The reach weights of set {@code i}'s profile ({@link ReachWeights#of(StopProfile)}). */
        ReachWeights reach(int i) {
            ReachWeights w = reach[i];
            if (w == null) {
                w = ReachWeights.of(profile(i));
                reach[i] = w;
            }
            return w;
        }
    }

    private final ExitsProblem problem;
    private final DnnGraph g;
    private final Cut cutter;
    private final Catalogue catalogue;
    private ExitPlan best;
    private double bestObjective;
    private double bestLatency;
    private int setsTried;
    private int setsMeetingAccuracy;
    private int cuts;
    private long enumerated;
    private boolean interrupted;

    private ExitSetSearch(ExitsProblem problem, Catalogue catalogue, Cut cutter) {
        this.problem = problem;
        this.g = problem.graph();
        this.catalogue = catalogue;
        this.cutter = cutter;
    }

    /** Solves {@code problem} with {@code cutter}, stopping at {@code deadline}. */
    static Outcome<ExitPlan> solve(ExitsProblem problem, Deadline deadline, Cut cutter) {
        return solve(problem, Catalogue.of(problem), deadline, cutter);
    }

    /**
     * As {@link #solve(ExitsProblem, Deadline, Cut)} with the exit sets and profiles of
     * {@code catalogue}, which must {@linkplain Catalogue#fits fit} {@code problem}.
     */
    static Outcome<ExitPlan> solve(ExitsProblem problem, Catalogue catalogue, Deadline deadline, Cut cutter) {
        if (!catalogue.fits(problem)) {
            throw new IllegalStateException("the exit-set catalogue is not for this problem's model, final accuracy"
                    + " and variant");
        }
        boolean rightSizing = problem.variant() instanceof ExitsProblem.RightSizing;
        int sets = catalogue.size();
        ExitSetSearch s = new ExitSetSearch(problem, catalogue, cutter);
        boolean stopped = false;
        for (int i = 0; i < sets; i++) {
            if (deadline.expired()) {
                stopped = true;
                break;
            }
            s.setsTried++;
            if (rightSizing) {
                s.rightSize(i);
            } else {
                s.minCost(i, deadline);
            }
        }
        stopped |= s.interrupted;
        if (s.best == null) {
            if (stopped) {
                return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached after " + s.setsTried + " of "
                        + sets + " exit sets, no feasible plan yet");
            }
            return s.stats(Outcome.none(Status.INFEASIBLE, s.infeasibility()));
        }
        Outcome<ExitPlan> outcome = stopped
                ? Outcome.<ExitPlan>feasible(s.best).message("time limit reached after " + s.setsTried + " of "
                        + sets + " exit sets")
                : Outcome.optimal(s.best);
        return s.stats(outcome);
    }

    private Placement cut(int set, StopProfile profile, CostWeights w) {
        cuts++;
        return cutter.cut(catalogue, set, profile, w);
    }

    private void rightSize(int i) {
        List<String> set = catalogue.set(i);
        StopProfile profile = catalogue.profile(i);
        setsMeetingAccuracy++;
        ExitPlan plan = new ExitPlan(set, cut(i, profile, CostWeights.LATENCY));
        ExitsCost c = problem.evaluate(plan);
        if (c.feasible() && (best == null || c.objective() > bestObjective
                || (c.objective() == bestObjective && c.latencySeconds() < bestLatency))) {
            keep(plan, c);
        }
    }

    private void minCost(int i, Deadline deadline) {
        ExitsProblem.MinCost a = (ExitsProblem.MinCost) problem.variant();
        List<String> set = catalogue.set(i);
        StopProfile profile = catalogue.profile(i);
        if (profile.expectedAccuracy() < a.minAccuracy()) {
            return;
        }
        setsMeetingAccuracy++;
        ExitPlan plan = new ExitPlan(set, cut(i, profile, a.weights()));
        double cutCost = cutter.lastCost();
        if (best != null && cutCost > bestObjective
                + CUT_COST_SLACK * Math.max(Math.abs(bestObjective), Math.abs(cutCost))) {
            // the evaluator's objective of this set's optimum exceeds the incumbent's too: feasible
            // or not, the set is neither kept nor enumerated (as below), so it is not evaluated
            return;
        }
        ExitsCost c = problem.evaluate(plan);
        if (c.feasible()) {
            offer(plan, c);
            return;
        }
        if (best != null && c.objective() >= bestObjective) {
            return; // the unconstrained optimum of this set is already no better
        }
        ExitsCost fastest = problem.evaluate(new ExitPlan(set, cut(i, profile, CostWeights.LATENCY)));
        if (!fastest.feasible()) {
            return; // even the least latency of this set exceeds L
        }
        long ideals = OrderIdeals.count(g, MAX_IDEALS);
        if (ideals > MAX_IDEALS) {
            throw new InvalidModelException("model", "the latency bound binds and the model has more than "
                    + MAX_IDEALS + " monotone placements to enumerate. Maybe drop maxLatencySeconds");
        }
        OrderIdeals.Stop stop = OrderIdeals.forEach(g, MAX_IDEALS, deadline::expired, onEdge -> {
            enumerated++;
            ExitPlan p = new ExitPlan(set, Placement.of(onEdge));
            ExitsCost pc = problem.evaluate(p);
            if (pc.feasible()) {
                offer(p, pc);
            }
        });
        interrupted |= stop != OrderIdeals.Stop.COMPLETE;
    }

    private void offer(ExitPlan plan, ExitsCost c) {
        if (best == null || c.objective() < bestObjective) {
            keep(plan, c);
        }
    }

    private void keep(ExitPlan plan, ExitsCost c) {
        best = plan;
        bestObjective = c.objective();
        bestLatency = c.latencySeconds();
    }

    private String infeasibility() {
        if (problem.variant() instanceof ExitsProblem.MinCost a && setsMeetingAccuracy == 0) {
            return "no exit set reaches minAccuracy " + a.minAccuracy();
        }
        return "no plan meets maxLatencySeconds " + problem.maxLatencySeconds().getAsDouble()
                + " (" + setsMeetingAccuracy + " exit sets meet the accuracy floor)";
    }

    private Outcome<ExitPlan> stats(Outcome<ExitPlan> o) {
        return o.stat("exitSets", setsTried).stat("exitSetsMeetingAccuracy", setsMeetingAccuracy)
                .stat("cuts", cuts).stat("enumeratedPlacements", enumerated);
    }
}
