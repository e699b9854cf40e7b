package org.cleave.core.tiers;

import org.cleave.core.model.Checks;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * P1-3T: exact device–edge–cloud partition of a DAG, P1 ({@link PartitionProblem}) with a third
 * tier. Three tiers in a line, device — link 1 — edge — link 2 — cloud; choose a monotone
 * {@link TierPlacement} τ (τ(input) = device, τ(u) ≤ τ(v) for every arc u → v) minimising
 * {@code w_T·T(τ) + w_E·E(τ)}, where
 * <pre>
 *   T(τ) = Σ_{τ(v)=0} t_d(v) + Σ_{u ∈ S₁} 8·b_u / R₁↑ + Σ_{τ(v)=1} t_e(v) + Σ_{u ∈ S₂} 8·b_u / R₂↑
 *          + Σ_{τ(v)=2} t_c(v) + x¹_out·8·b_out / R₁↓ + x²_out·8·b_out / R₂↓ + x¹_out·ℓ₁ + x²_out·ℓ₂
 *   E(τ) = P_c·Σ_{τ(v)=0} t_d(v) + P_tx·Σ_{u ∈ S₁} 8·b_u / R₁↑
 *          + P_idle·(everything else in T but the latencies)
 * </pre>
 * with x¹_v = [τ(v) ≥ 1], x²_v = [τ(v) = 2], and
 * <ul>
 *   <li>S₁ = {u : τ(u) = 0, some consumer v has τ(v) ≥ 1}: the tensors that cross link 1, each
 *   once however many consumers lie beyond it;</li>
 *   <li>S₂ = {u : τ(u) ≤ 1, some consumer v has τ(v) = 2}: the tensors that cross link 2, each once.
 *   A device tensor with a cloud consumer is relayed through the edge and is in both sets (it pays
 *   link 1 and link 2, and is not computed on the edge);</li>
 *   <li>the result returns from the output's tier to the device over every link in between
 *   (cloud: R₂↓ then R₁↓);</li>
 *   <li>a link is <em>used</em> when some tensor or the result crosses it. With a single sink and a
 *   monotone plan that is exactly "the output lies beyond it" (a layer beyond link k has the output
 *   among its descendants, and the result crosses every link between the output and the device), so
 *   ℓ_k, the one-way latency, is paid once iff x^k_out = 1 — as P1 pays its link latency once.</li>
 * </ul>
 * t_d is the device time ({@link Device#seconds}, scaled by 1/(1 − deviceLoad)), t_e the edge time
 * ({@link EdgeServer#seconds}), t_c the cloud time ({@link CloudServer#seconds}). Stages run one
 * after another (no pipelining), as in P1. Device energy as in P1: compute, transmit over link 1,
 * idle while the others work (edge and cloud compute, link-2 transfers, both downloads); latency
 * costs time, not energy. With the cloud unused the cost is P1's on (device, edge, link 1).
 *
 * @param graph      the DNN
 * @param device     the end device (tier 0)
 * @param edge       the edge server (tier 1)
 * @param cloud      the cloud (tier 2)
 * @param link1      device–edge link: uplink device → edge, downlink edge → device
 * @param link2      edge–cloud link (the WAN): uplink edge → cloud, downlink cloud → edge
 * @param weights    objective weights
 * @param deviceLoad the device's load ρ ∈ [0, 1): its rate is scaled by (1 − ρ), as in P1
 */
public record TiersProblem(DnnGraph graph, Device device, EdgeServer edge, CloudServer cloud, Link link1,
                           Link link2, CostWeights weights, double deviceLoad) implements Problem<TierPlacement> {
    public TiersProblem {
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("cloud", cloud);
        Checks.present("links[0]", link1);
        Checks.present("links[1]", link2);
        Checks.present("weights", weights);
        Checks.load("deviceLoad", deviceLoad);
    }

    /** A problem with latency-only weights and no device load. */
    public TiersProblem(DnnGraph graph, Device device, EdgeServer edge, CloudServer cloud, Link link1, Link link2) {
        this(graph, device, edge, cloud, link1, link2, CostWeights.LATENCY, 0);
    }

    @Override
    public Family family() {
        return Family.TIERS;
    }

    @Override
    public TiersCost evaluate(TierPlacement plan) {
        return TiersEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<TierPlacement> planType() {
        return TierPlacement.class;
    }

    /** P1 on device | edge over link 1: this problem without the cloud. */
    public PartitionProblem deviceEdge() {
        return new PartitionProblem(graph, device, edge, link1, weights, deviceLoad);
    }

    /** This problem with other links. */
    public TiersProblem withLinks(Link newLink1, Link newLink2) {
        return new TiersProblem(graph, device, edge, cloud, newLink1, newLink2, weights, deviceLoad);
    }

    /** This problem with another cloud. */
    public TiersProblem withCloud(CloudServer newCloud) {
        return new TiersProblem(graph, device, edge, newCloud, link1, link2, weights, deviceLoad);
    }

    /** This problem with other weights. */
    public TiersProblem withWeights(CostWeights newWeights) {
        return new TiersProblem(graph, device, edge, cloud, link1, link2, newWeights, deviceLoad);
    }
}
