package org.cleave.algorithms.tiers;

import java.util.Set;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;

/**
 * Exact P1-3T by {@link CompiledTiersNetwork}: the doubled network split at the model's cut
 * vertices, a 3-state dynamic program over the blocks and one small minimum cut per block and tier
 * pair. Same optimum as {@link MinCutTiersSolver}; much faster on models with many cut vertices.
 * Stateless (compiles per call).
 */
public final class CompiledMinCutTiersSolver extends AbstractSolver<TiersProblem, TierPlacement> {
    public CompiledMinCutTiersSolver() {
        super("mincut-compiled", Family.TIERS, SolverKind.EXACT, TiersProblem.class, Set.of(),
                "doubled min-cut network split at cut vertices: block DP over tiers + small Dinic cuts");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        CompiledTiersNetwork net = CompiledTiersNetwork.compile(problem);
        net.solve();
        return Outcome.optimal(net.plan()).stat("blocks", net.blocks()).stat("cuts", net.cutsSolved());
    }
}
