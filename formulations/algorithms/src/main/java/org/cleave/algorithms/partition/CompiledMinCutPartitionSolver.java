package org.cleave.algorithms.partition;

import java.util.Set;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Exact P1 by a minimum s–t cut on a {@link CompiledPartitionNetwork}: the same network as
 * {@link MinCutPartitionSolver} (DADS' construction, Hu et al., INFOCOM 2019,
 * doi:10.1109/INFOCOM.2019.8737614, with send-once auxiliary vertices and reverse infinite arcs),
 * split at the model's cut vertices into one small network per block, compiled into primitive
 * arrays; only the blocks whose lower bound is below the best cost found are cut, each with
 * Dinic's algorithm (no tolerance: every augmentation saturates an arc exactly), and a chain needs
 * no flow at all. Each call compiles the model afresh, so the solver is stateless; for many
 * solves of one model under changing bandwidth, load or weights, compile a
 * {@link CompiledPartitionNetwork} once and re-solve it (no allocation per solve). Complexity
 * O(layers + arcs) plus O(|V_b|²·|A_b|) worst case per block cut, |V_b| = the block's inner layers
 * + multi-consumer tensors + 2.
 */
public final class CompiledMinCutPartitionSolver extends AbstractSolver<PartitionProblem, Placement> {
    // null for the registered, stateless solver; else the network warm re-solves reuse
    private final CompiledPartitionNetwork warm;

    public CompiledMinCutPartitionSolver() {
        this(null);
    }

    private CompiledMinCutPartitionSolver(CompiledPartitionNetwork warm) {
        super("mincut-compiled", Family.PARTITION, SolverKind.EXACT, PartitionProblem.class, Set.of(),
                "min s-t cut on a compiled array flow network (Dinic); warm re-solves via CompiledPartitionNetwork");
        this.warm = warm;
    }

    /**
     * The same solver re-solving on {@code network} (no compilation) for problems on the graph it
     * was compiled for, and compiling afresh for any other graph. Not registered and <b>not
     * thread-safe</b>: it shares the mutable {@code network}; confine it to the network's thread.
     */
    public static CompiledMinCutPartitionSolver warm(CompiledPartitionNetwork network) {
        return new CompiledMinCutPartitionSolver(java.util.Objects.requireNonNull(network, "network"));
    }

    @Override
    protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
        CompiledPartitionNetwork net;
        if (warm != null && warm.graph() == problem.graph()) {
            net = warm;
            net.clearReachWeights();
            net.setProblem(problem);
        } else {
            net = CompiledPartitionNetwork.of(problem);
        }
        double cost = net.solve();
        return Outcome.optimal(net.plan())
                .stat("vertices", net.vertexCount())
                .stat("arcs", net.arcCount())
                .stat("phases", net.phases())
                .stat("augmentations", net.augmentations())
                .stat("blocks", net.blockCount())
                .stat("blockFlows", net.blockFlows())
                .stat("cutCost", cost);
    }
}
