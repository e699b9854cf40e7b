package org.cleave.core.throughput;

import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExpectedLoads;
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

/**
 * P3, throughput under heavy load (Hu et al., "Dynamic Adaptive DNN Surgery for Inference
 * Acceleration on the Edge", INFOCOM 2019, doi:10.1109/INFOCOM.2019.8737614, heavy-load case;
 * heavy mode of DAPDEE (Dynamic Adaptive Partitioning of DNNs based on an Early Exit mechanism, J.
 * Electronics &amp; Information Technology 2025, doi:10.11999/JEIT250291), with early exits).
 *
 * <p>Frames stream through a three-stage pipeline: device compute, uplink, edge compute. A plan
 * ({@link ExitPlan}) is a set A of active exits and a monotone placement x. With the expected
 * per-layer loads of {@link ExpectedLoads} (reach-weighted, exit branches on the tier of their
 * layer, nested exit rates as in P2 variant (a)):
 * <pre>
 *   D(A, x) = Σ_{x_v=0} device[v]      U(A, x) = Σ_{u ∈ S(x)} upload[u]      G(A, x) = Σ_{x_v=1} edge[v]
 *   period(A, x) = max(D, U, G)        throughput = 1 / period
 * </pre>
 * minimised over A and x subject to {@code acc(A) ≥ minAccuracy} and, when a frame rate Q is
 * given, {@code period ≤ 1/Q}. The downlink (a separate channel carrying small results) and the
 * one-way latency delay frames but do not limit the rate, so they are not stages. The final
 * classifier is the output layer with accuracy {@code finalAccuracy}, as in
 * {@link org.cleave.core.exits.ExitsProblem}; no exit may hang after the output layer
 * ({@link org.cleave.core.exits.FinalClassifier#lift} converts such a model).
 * NP-hard (DADS, by reduction from a min–max partition).
 *
 * @param graph              the DNN with its exits
 * @param device             the end device
 * @param edge               the edge server
 * @param link               the link
 * @param deviceLoad         DAPDEE's terminal load ρ ∈ [0, 1)
 * @param finalAccuracy      accuracy of the final classifier in [0, 1]
 * @param minAccuracy        accuracy floor in [0, 1] (0: no floor)
 * @param frameRatePerSecond Q in frames/s, {@code > 0}, or empty; a plan must sustain it
 */
public record ThroughputProblem(DnnGraph graph, Device device, EdgeServer edge, Link link, double deviceLoad,
                                double finalAccuracy, double minAccuracy, OptionalDouble frameRatePerSecond)
        implements Problem<ExitPlan> {

    public ThroughputProblem {
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("link", link);
        Checks.load("deviceLoad", deviceLoad);
        Checks.probability("finalAccuracy", finalAccuracy);
        Checks.probability("minAccuracy", minAccuracy);
        Checks.present("frameRatePerSecond", frameRatePerSecond);
        frameRatePerSecond.ifPresent(q -> Checks.positive("frameRatePerSecond", q));
        FiniteCosts.require("model", graph, device, edge, link, deviceLoad);
        FinalClassifier.requireAbsent(graph);
    }

    /** A problem without exits, accuracy floor or frame rate: DADS' heavy-load case. */
    public static ThroughputProblem of(DnnGraph graph, Device device, EdgeServer edge, Link link) {
        return new ThroughputProblem(graph.withoutExits(), device, edge, link, 0, 1, 0, OptionalDouble.empty());
    }

    @Override
    public Family family() {
        return Family.THROUGHPUT;
    }

    @Override
    public ThroughputCost evaluate(ExitPlan plan) {
        return ThroughputEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<ExitPlan> planType() {
        return ExitPlan.class;
    }

    /** How samples stop under the active exits {@code ids} (nested rates). */
    public StopProfile profile(List<String> ids) {
        return StopProfile.of(graph, finalAccuracy, ids, StopProfile.Mode.NESTED);
    }

    /** The expected per-layer loads of a profile on this problem's tiers. */
    public ExpectedLoads loads(StopProfile profile) {
        return ExpectedLoads.of(graph, device, edge, link, deviceLoad, profile);
    }

    /** 1/Q, the longest period that sustains the frame rate, or +∞ without one. */
    public double maxPeriodSeconds() {
        return frameRatePerSecond.isPresent() ? 1 / frameRatePerSecond.getAsDouble() : Double.POSITIVE_INFINITY;
    }

    /** This problem with another link. */
    public ThroughputProblem withLink(Link newLink) {
        return new ThroughputProblem(graph, device, edge, newLink, deviceLoad, finalAccuracy, minAccuracy,
                frameRatePerSecond);
    }

    /** This problem with another frame rate (or none). */
    public ThroughputProblem withFrameRate(OptionalDouble q) {
        return new ThroughputProblem(graph, device, edge, link, deviceLoad, finalAccuracy, minAccuracy, q);
    }
}
