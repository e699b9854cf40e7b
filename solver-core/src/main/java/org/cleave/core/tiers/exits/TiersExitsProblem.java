package org.cleave.core.tiers.exits;

import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.FinalClassifier;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.FiniteCosts;
import org.cleave.core.model.Link;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Sense;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.TiersProblem;

/**
 * P2-3T: partition with early exits on three tiers in a line, device — link 1 — edge — link 2 —
 * cloud. P2 ({@link ExitsProblem}, variant (a), {@link ExitsProblem.MinCost}) generalised exactly as
 * P1-3T ({@link TiersProblem}) generalises P1.
 *
 * <p>A plan ({@link TierExitPlan}) is a set A of active early exits and a monotone three-tier
 * placement τ (τ(input) = device, τ(u) ≤ τ(v) on every arc). For the exit set A, {@link StopProfile}
 * gives reach(v) (the share of samples that compute v), cont(v) (the share that goes on past v) and
 * for each stop j (active exits and the final classifier) its share s_j, its branch reach and the
 * layer ℓ_j it hangs from. Every term of P1-3T is paid with the probability that a sample reaches
 * it, and every stop pays P1-3T's result return and link latencies on its own tier:
 * <pre>
 *   T(A, τ) = Σ_{τ(v)=0} dev[v] + Σ_{τ(v)=1} edge[v] + Σ_{τ(v)=2} cloud[v]
 *           + Σ_{u ∈ S₁(τ)} cont(u)·8·b_u/R₁↑ + Σ_{u ∈ S₂(τ)} cont(u)·8·b_u/R₂↑
 *           + Σ_j s_j·[τ(ℓ_j) ≥ 1]·(8·b_out/R₁↓ + ℓ₁) + Σ_j s_j·[τ(ℓ_j) = 2]·(8·b_out/R₂↓ + ℓ₂)
 *   E(A, τ) = P_c·(device compute) + P_tx·(link-1 uploads)
 *           + P_idle·(edge and cloud compute + link-2 uploads + both downloads)
 *   acc(A)  = Σ_j s_j·a_j
 * </pre>
 * with tier[v] = reach(v)·t_tier(v) + Σ_{stops j at v} branchReach_j·t_tier(branch j) (an exit branch
 * runs on the tier of its layer), S₁ and S₂ P1-3T's send-once sets (a tensor crosses each link at
 * most once however many consumers lie beyond it; a device tensor with a cloud consumer is relayed
 * through the edge and pays both links). A sample that stops on tier k gets its result back over
 * every link between tier k and the device (the size b_out of the output tensor, as in P2: both are
 * class scores) and pays the one-way latency of each of those links: P1-3T's "latency once iff the
 * output lies beyond link k", in expectation over the stops (ℓ_j is a cut vertex, so with a
 * monotone plan the sample has crossed link k exactly when τ(ℓ_j) ≥ k). Device time t_d is scaled by
 * 1/(1 − ρ) for the device load ρ; cloud times are flops / cloud rate for layers and branches.
 *
 * <p>Minimise {@code w_T·T + w_E·E} subject to {@code acc(A) ≥ A_min} and, optionally,
 * {@code T ≤ L}. With the cloud unused the cost is P2's on (device, edge, link 1); with no exit
 * active it is P1-3T's (both tested).
 *
 * <p>Complexity: for a fixed exit set without a latency bound, one minimum cut on Ishikawa's doubled
 * network; exact solvers enumerate the 2^|exits| sets.
 *
 * @param graph         the DNN with its exits (none after the output layer)
 * @param device        the end device (tier 0)
 * @param edge          the edge server (tier 1)
 * @param cloud         the cloud (tier 2)
 * @param link1         device–edge link
 * @param link2         edge–cloud link (the WAN)
 * @param deviceLoad    the device's load ρ ∈ [0, 1): its rate is scaled by (1 − ρ)
 * @param finalAccuracy accuracy in [0, 1] of the final classifier on the samples that reach it
 * @param variant       weights, accuracy floor and optional latency bound (P2's variant (a))
 */
public record TiersExitsProblem(DnnGraph graph, Device device, EdgeServer edge, CloudServer cloud, Link link1,
                                Link link2, double deviceLoad, double finalAccuracy, ExitsProblem.MinCost variant)
        implements Problem<TierExitPlan> {
    public TiersExitsProblem {
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("cloud", cloud);
        Checks.present("links[0]", link1);
        Checks.present("links[1]", link2);
        Checks.load("deviceLoad", deviceLoad);
        Checks.probability("finalAccuracy", finalAccuracy);
        Checks.present("variant", variant);
        FinalClassifier.requireAbsent(graph);
        FiniteCosts.require("model", graph, device, edge, link1, deviceLoad);
    }

    @Override
    public Family family() {
        return Family.EXITS_TIERS;
    }

    @Override
    public Sense sense() {
        return Sense.MINIMIZE;
    }

    @Override
    public TiersExitsCost evaluate(TierExitPlan plan) {
        return TiersExitsEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<TierExitPlan> planType() {
        return TierExitPlan.class;
    }

    /** How samples stop under the active exits {@code ids} (nested rates, as P2's variant (a)). */
    public StopProfile profile(List<String> ids) {
        return StopProfile.of(graph, finalAccuracy, ids, StopProfile.Mode.NESTED);
    }

    /** The expected per-layer loads of a profile on this problem's tiers and links. */
    public TiersExpectedLoads loads(StopProfile profile) {
        return TiersExpectedLoads.of(this, profile);
    }

    /** The latency bound L, if any. */
    public OptionalDouble maxLatencySeconds() {
        return variant.maxLatencySeconds();
    }

    /** P2 on device | edge over link 1: this problem without the cloud. */
    public ExitsProblem deviceEdge() {
        return new ExitsProblem(graph, device, edge, link1, deviceLoad, finalAccuracy, variant);
    }

    /** P1-3T on the same tiers and weights with the exits ignored (the plans of the empty exit set). */
    public TiersProblem withoutExits() {
        return new TiersProblem(graph.withExits(List.of()), device, edge, cloud, link1, link2, variant.weights(),
                deviceLoad);
    }

    /** This problem with another variant. */
    public TiersExitsProblem withVariant(ExitsProblem.MinCost newVariant) {
        return new TiersExitsProblem(graph, device, edge, cloud, link1, link2, deviceLoad, finalAccuracy, newVariant);
    }

    /** This problem with another cloud and WAN. */
    public TiersExitsProblem withCloud(CloudServer newCloud, Link newLink2) {
        return new TiersExitsProblem(graph, device, edge, newCloud, link1, newLink2, deviceLoad, finalAccuracy,
                variant);
    }
}
