package org.cleave.algorithms.tiers.exits;

import java.util.Set;
import org.cleave.algorithms.tiers.TiersCutNetwork;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsProblem;

/**
 * Exact P2-3T ({@link TiersExitsProblem}) by enumerating the exit sets and solving, for each set
 * meeting the accuracy floor, one minimum s–t cut on P1-3T's doubled network ({@link TiersCutNetwork},
 * Ishikawa, IEEE TPAMI 25(10), 2003, doi:10.1109/TPAMI.2003.1233908) with reach-weighted capacities
 * ({@link org.cleave.core.tiers.exits.TiersExpectedLoads#coefficients}); the best plan over the sets
 * wins. The search, including the latency bound, is {@link TiersExitSetSearch}.
 *
 * <p><b>Why every reach-weighted term is representable.</b> For a fixed exit set A the stop profile
 * is fixed, so reach(v), cont(v), every stop's share s_j and branch reach are constants, and the
 * accuracy is fixed. Then the expected objective of a placement τ is
 * <pre>
 *   Σ_v cost_v(τ(v)) + Σ_{u ∈ S₁(τ)} S¹_u + Σ_{u ∈ S₂(τ)} S²_u
 * </pre>
 * with nonnegative constants: (i) a layer's compute is reach(v)·t_tier(v) — a unary term of v's tier;
 * (ii) an exit branch runs on the tier of its layer ℓ_j with weight branchReach_j — unary in τ(ℓ_j);
 * (iii) a stop's result return and link latencies, s_j·([τ(ℓ_j) ≥ 1]·(down₁ + ℓ₁) + [τ(ℓ_j) = 2]·
 * (down₂ + ℓ₂)), depend on τ(ℓ_j) only — unary, folded into ℓ_j's edge and cloud costs exactly as
 * P1-3T folds the output's return into the output's; (iv) a tensor's send over link k is P1-3T's
 * send-once term (1 − x^k_u)·max_{v consumer} x^k_v multiplied by the constant cont(u)·8·b_u/R_k↑
 * (scaled by its price), a submodular function of binary layer k, represented exactly by P1's
 * auxiliary vertex. Unary terms of a three-label variable are exactly Ishikawa's column
 * s → v² → v¹ → t with v¹ → v² infinite. So the network of {@link TiersCutNetwork} with these
 * capacities has, by its exactness proof, a minimum cut that is a cheapest monotone plan of the set.
 * Layers no sample reaches (after an exit of rate 1) cost 0 and are moved to their exit's tier.
 *
 * <p>O(2^m · (V² · A)) without a binding latency bound (Dinic per set; the network is compiled once
 * per solve and re-weighted per set). Stops at the time limit with the best plan so far (FEASIBLE).
 * Stateless.
 */
public final class MinCutTiersExitsSolver extends AbstractSolver<TiersExitsProblem, TierExitPlan> {
    public MinCutTiersExitsSolver() {
        super("mincut", Family.EXITS_TIERS, SolverKind.EXACT, TiersExitsProblem.class, Set.of(Capability.TIME_LIMIT),
                "exit-set enumeration x reach-weighted min cut on Ishikawa's doubled network"
                        + " (plan enumeration when a latency bound binds)");
    }

    @Override
    protected Outcome<TierExitPlan> run(TiersExitsProblem problem, SolveLimits limits, Deadline deadline) {
        return TiersExitSetSearch.solve(problem, deadline);
    }
}
