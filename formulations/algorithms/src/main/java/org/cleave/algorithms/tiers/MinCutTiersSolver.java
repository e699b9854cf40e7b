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
 * Exact P1-3T by one minimum s–t cut on Ishikawa's doubled network ({@link TiersCutNetwork}, where
 * the construction and the proof of exactness are): two binary layers x¹ ≥ x², each carrying P1's
 * send-once and monotone arcs, joined per layer by the column s → v² → v¹ → t (cloud, edge, device
 * cost) and the infinite arc v¹ → v². Compiles the network per call (O(|V| + |A|)) and solves it
 * with {@link org.cleave.algorithms.partition.DinicMaxFlow}; O(V²·A) worst case. Stateless.
 */
public final class MinCutTiersSolver extends AbstractSolver<TiersProblem, TierPlacement> {
    public MinCutTiersSolver() {
        super("mincut", Family.TIERS, SolverKind.EXACT, TiersProblem.class, Set.of(),
                "min s-t cut on Ishikawa's doubled network (nested x1 >= x2, send-once per link), Dinic");
    }

    @Override
    protected Outcome<TierPlacement> run(TiersProblem problem, SolveLimits limits, Deadline deadline) {
        TiersCutNetwork net = TiersCutNetwork.compile(problem);
        net.solve();
        return Outcome.optimal(net.plan()).stat("vertices", net.vertices()).stat("arcs", net.arcs());
    }
}
