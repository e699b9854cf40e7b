package org.cleave.core.tiers.throughput;

import java.util.OptionalDouble;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.FiniteCosts;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Link;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;

/**
 * P3-3T: heavy-load throughput on three tiers, P3 ({@link ThroughputProblem}, DADS' heavy-load case,
 * Hu et al., INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614) on P1-3T's line device — link 1 — edge —
 * link 2 — cloud ({@link TiersProblem}). Frames stream through a five-stage pipeline; with a monotone
 * {@link TierPlacement} τ and S₁, S₂ exactly as in P1-3T (a tensor crosses each link once however many
 * consumers lie beyond it; a device tensor with a cloud consumer is relayed through the edge and is in
 * both sets):
 * <pre>
 *   D  = Σ_{τ(v)=0} t_d(v)        U₁ = Σ_{u ∈ S₁} 8·b_u / R₁↑        G = Σ_{τ(v)=1} t_e(v)
 *   U₂ = Σ_{u ∈ S₂} 8·b_u / R₂↑   C  = Σ_{τ(v)=2} t_c(v)
 *   period(τ) = max(D, U₁, G, U₂, C)        throughput = 1 / period
 * </pre>
 * minimised over monotone τ, subject to {@code period ≤ 1/Q} when a frame rate Q is given. As in P3,
 * the downlinks (separate channels carrying the small result) and the one-way latencies delay a frame
 * but do not limit the rate at which frames leave the pipeline, so they are not stages; the edge's
 * relaying of a device tensor to the cloud costs link time, not edge compute. t_d is
 * {@link Device#seconds} under the device load, t_e {@link EdgeServer#seconds}, t_c
 * {@link CloudServer#seconds}. No early exits: a graph with exits is refused ({@link #of} strips
 * them). With the cloud unused, the period is P3's on (device, edge, link 1) without exits
 * ({@link #deviceEdge()}). NP-hard, as P3 is (its special case with the cloud unusable).
 *
 * @param graph              the DNN, without exits
 * @param device             the end device (tier 0)
 * @param edge               the edge server (tier 1)
 * @param cloud              the cloud (tier 2)
 * @param link1              device–edge link (its uplink is a stage)
 * @param link2              edge–cloud link (its uplink is a stage)
 * @param deviceLoad         the device's load ρ ∈ [0, 1): its rate is scaled by (1 − ρ)
 * @param frameRatePerSecond Q in frames/s, {@code > 0}, or empty; a plan must sustain it
 */
public record TiersThroughputProblem(DnnGraph graph, Device device, EdgeServer edge, CloudServer cloud, Link link1,
                                     Link link2, double deviceLoad, OptionalDouble frameRatePerSecond)
        implements Problem<TierPlacement> {

    public TiersThroughputProblem {
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("cloud", cloud);
        Checks.present("links[0]", link1);
        Checks.present("links[1]", link2);
        Checks.load("deviceLoad", deviceLoad);
        Checks.present("frameRatePerSecond", frameRatePerSecond);
        frameRatePerSecond.ifPresent(q -> Checks.positive("frameRatePerSecond", q));
        if (!graph.exits().isEmpty()) {
            throw new InvalidModelException("model.exits", "P3-3T (throughput-tiers) has no early exits, got "
                    + graph.exits().size() + " (remove them)");
        }
        FiniteCosts.require("model", graph, device, edge, link1, deviceLoad);
    }

    /** A problem without a frame rate. */
    public TiersThroughputProblem(DnnGraph graph, Device device, EdgeServer edge, CloudServer cloud, Link link1,
                                  Link link2) {
        this(graph, device, edge, cloud, link1, link2, 0, OptionalDouble.empty());
    }

    /**
     * The throughput problem on P1-3T instance {@code p}'s graph (its exits stripped), tiers, links and
     * device load, with frame rate {@code q}; P1-3T's weights do not apply.
     */
    public static TiersThroughputProblem of(TiersProblem p, OptionalDouble q) {
        return new TiersThroughputProblem(p.graph().withoutExits(), p.device(), p.edge(), p.cloud(), p.link1(),
                p.link2(), p.deviceLoad(), q);
    }

    @Override
    public Family family() {
        return Family.THROUGHPUT_TIERS;
    }

    @Override
    public TiersThroughputCost evaluate(TierPlacement plan) {
        return TiersThroughputEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<TierPlacement> planType() {
        return TierPlacement.class;
    }

    /** 1/Q, the longest period that sustains the frame rate, or +∞ without one. */
    public double maxPeriodSeconds() {
        return frameRatePerSecond.isPresent() ? 1 / frameRatePerSecond.getAsDouble() : Double.POSITIVE_INFINITY;
    }

    /** P3 on device | edge over link 1 (no exits, the same device load and frame rate): this problem without the cloud. */
    public ThroughputProblem deviceEdge() {
        return new ThroughputProblem(graph, device, edge, link1, deviceLoad, 1, 0, frameRatePerSecond);
    }

    /** This problem with other links. */
    public TiersThroughputProblem withLinks(Link newLink1, Link newLink2) {
        return new TiersThroughputProblem(graph, device, edge, cloud, newLink1, newLink2, deviceLoad,
                frameRatePerSecond);
    }

    /** This problem with another cloud. */
    public TiersThroughputProblem withCloud(CloudServer newCloud) {
        return new TiersThroughputProblem(graph, device, edge, newCloud, link1, link2, deviceLoad, frameRatePerSecond);
    }

    /** This problem with another frame rate (or none). */
    public TiersThroughputProblem withFrameRate(OptionalDouble q) {
        return new TiersThroughputProblem(graph, device, edge, cloud, link1, link2, deviceLoad, q);
    }
}
