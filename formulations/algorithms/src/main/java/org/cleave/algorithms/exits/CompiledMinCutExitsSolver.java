package org.cleave.algorithms.exits;

import java.util.Set;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.algorithms.partition.ReachWeights;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Exact P2 ({@link ExitsProblem}) as {@link MinCutExitsSolver} (the same exit-set enumeration,
 * pruning and ideal enumeration when a latency bound binds), with each exit set's cut solved on
 * one {@link CompiledPartitionNetwork} compiled once per solve and re-weighted per exit set: the
 * set's {@link StopProfile} becomes {@link ReachWeights#of(StopProfile)} (layer reach π = reach, tensor reach τ =
 * continueAfter, branch reach χ of each active exit, result share ρ of each stop, so that both the
 * nested profile of variant (a) and the truncated one of variant (b) are expressed), then the
 * model's parameters are set with the weights of the cut and the network's Dinic max-flow is run
 * (Hu et al., DADS, INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614; per exit set as in Edgent,
 * doi:10.1109/TWC.2019.2946140). The JGraphT path of {@code mincut} is the independent
 * cross-check. O(2^m · |V|²·|A|) without a binding latency bound (m exits); no graph is built per
 * exit set. Stateless: the network is local to one solve.
 *
 * <p>A {@linkplain #warm warm} instance (one per thread) keeps, across solves, the exit sets with
 * their stop profiles and reach weights, which depend only on the model, the final accuracy and the
 * variant's mode (not on rates, load, weights, bounds or the accuracy floor), and one compiled
 * network per exit set already re-weighted for it (up to 64 sets; beyond, the given network is
 * re-weighted per set): a re-solve sets the parameters and runs the max-flow per exit set. It runs the same
 * search on the same arithmetic, so its results are those of the stateless solver.
 *
 * <p>The max-flow's own cost of a set's cut is its expected objective (the evaluator's up to the
 * order of the additions): a set whose cut costs more than the incumbent by more than
 * {@code 1e-9} relative can neither win nor need its order ideals enumerated, so it is not
 * evaluated (variant (a); the answer is the one evaluating every set gives).
 */
public final class CompiledMinCutExitsSolver extends AbstractSolver<ExitsProblem, ExitPlan> {
    // null for the registered, stateless solver; else the network warm re-solves reuse
    private final CompiledPartitionNetwork warm;
    // the warm solver's exit sets, profiles and reach weights (null until the first solve)
    private ExitSetSearch.Catalogue catalogue;

    public CompiledMinCutExitsSolver() {
        this(null);
    }

    /**
     * The same solver re-weighting {@code network} per exit set (no compilation) for problems on
     * the graph it was compiled for, and compiling afresh for any other graph; it keeps the exit
     * sets, stop profiles and reach weights of the last problem's model, final accuracy and mode
     * for the next solve. Not registered and <b>not thread-safe</b>: it shares the mutable
     * {@code network} and those; confine it to one thread.
     */
    public static CompiledMinCutExitsSolver warm(CompiledPartitionNetwork network) {
        return new CompiledMinCutExitsSolver(java.util.Objects.requireNonNull(network, "network"));
    }

    private CompiledMinCutExitsSolver(CompiledPartitionNetwork warm) {
        super("mincut-compiled", Family.EXITS, SolverKind.EXACT, ExitsProblem.class, Set.of(Capability.TIME_LIMIT),
                "exit-set enumeration x min cut on one compiled flow network re-weighted per exit set"
                        + " (ideal enumeration when a latency bound binds)");
        this.warm = warm;
    }

    @Override
    protected Outcome<ExitPlan> run(ExitsProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        CompiledPartitionNetwork net = warm != null && warm.graph() == g ? warm : CompiledPartitionNetwork.compile(g);
        ExitSetSearch.Catalogue sets;
        if (warm == null) {
            sets = ExitSetSearch.Catalogue.of(problem);
        } else {
            if (catalogue == null || !catalogue.fits(problem)) {
                catalogue = ExitSetSearch.Catalogue.of(problem);
            }
            sets = catalogue;
        }
        return ExitSetSearch.solve(problem, sets, deadline, new ExitSetSearch.Cut() {
            private double cost = Double.NaN;

            @Override
            public Placement cut(ExitSetSearch.Catalogue c, int set, StopProfile profile, CostWeights w) {
                CompiledPartitionNetwork n = warm == null ? null : c.network(set);
                if (n == null) {
                    n = net;
                    n.setReachWeights(c.reach(set));
                }
                n.setParameters(problem.device(), problem.edge(), problem.link(), w, problem.deviceLoad());
                cost = n.solve();
                return ExitSets.tidy(g, profile, n.plan());
            }

            @Override
            public double lastCost() {
                return cost;
            }
        });
    }
}
