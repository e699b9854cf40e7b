package org.cleave.core.exits;

import java.util.OptionalDouble;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.FiniteCosts;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Sense;

/**
 * P2, partition with early exits (Li et al., "Edgent", IEEE TWC 2020,
 * doi:10.1109/TWC.2019.2946140; Teerapittayanon et al., "BranchyNet", ICPR 2016,
 * doi:10.1109/ICPR.2016.7900006; DAPDEE (Dynamic Adaptive Partitioning of DNNs based on an Early Exit
 * mechanism, J. Electronics &amp; Information Technology 2025, doi:10.11999/JEIT250291), whose
 * terminal load and inverse search are used here).
 *
 * <p>A plan ({@link ExitPlan}) is a set A of active early exits and a monotone placement x. A
 * layer, a sent tensor and an exit branch are each paid with the probability that a sample
 * reaches them ({@link StopProfile}); an exit branch runs on the tier of the layer ℓ_j it hangs
 * from; a result produced on the edge comes back over the downlink with the size of the output
 * tensor. With the per-layer expected times of {@link ExpectedLoads}:
 * <pre>
 *   T(A, x) = Σ_{x_v=0} device[v] + Σ_{u ∈ S(x)} upload[u] + Σ_{x_v=1} (edge[v] + download[v] + ℓ·touch[v])
 *   E(A, x) = P_c·Σ_{x_v=0} device[v] + P_tx·Σ_{u ∈ S(x)} upload[u] + P_idle·Σ_{x_v=1} (edge[v] +
 * download[v])
 *   acc(A)  = Σ_{stops j} share_j · a_j
 * </pre>
 * S(x) is the set of device layers with an edge consumer; ℓ the one-way link latency; t_d scaled
 * by 1/(1 − ρ) for the device load ρ. Both T and E are expectations over samples.
 *
 * <p><b>The final classifier.</b> The output layer is the final classifier: it is always active,
 * its FLOPs are the output layer's, and its accuracy (on the samples that reach it) is the field
 * {@code finalAccuracy}. The model must therefore not have an exit hanging after the output layer;
 * {@link FinalClassifier#lift} converts a model that writes its final classifier that way.
 *
 * <p>Two variants ({@link Variant}):
 * <ul>
 *   <li>{@link MinCost} (a): minimise {@code w_T·T + w_E·E} subject to {@code acc(A) ≥ A_min} and,
 *   optionally, {@code T ≤ L}. {@link #sense()} is MINIMIZE.</li>
 *   <li>{@link RightSizing} (b), Edgent's right-sizing: |A| ≤ 1, the model is truncated at the
 *   chosen exit (every sample that reaches it stops there: {@link StopProfile.Mode#TRUNCATE}; no
 *   exit = the full model), maximise the accuracy subject to {@code T ≤ L}. The exit's
 *   {@code accuracy} is read as the accuracy of the model truncated there, on all samples
 *   (Edgent's per-branch accuracy). {@link #sense()} is MAXIMIZE; the objective is the
 *   accuracy, and among plans of equal accuracy an exact solver returns one of least latency.</li>
 * </ul>
 * Complexity: NP-hard in general through the latency-constrained placement; for a fixed exit set
 * without latency bound it is a min-cut (exact solvers enumerate the 2^|exits| sets).
 *
 * @param graph         the DNN with its exits (none after the output layer)
 * @param device        the end device
 * @param edge          the edge server
 * @param link          the link
 * @param deviceLoad    DAPDEE's terminal load ρ ∈ [0, 1): the device rate is scaled by (1 − ρ)
 * @param finalAccuracy accuracy in [0, 1] of the final classifier on the samples that reach it
 * @param variant       which objective and constraints
 */
public record ExitsProblem(DnnGraph graph, Device device, EdgeServer edge, Link link, double deviceLoad,
                           double finalAccuracy, Variant variant) implements Problem<ExitPlan> {

    /** The two P2 variants. */
    public sealed interface Variant permits MinCost, RightSizing {
    }

    /**
     * Variant (a): minimise expected {@code w_T·T + w_E·E} s.t. expected accuracy ≥ {@code minAccuracy}
     * and, if present, expected latency ≤ {@code maxLatencySeconds}.
     *
     * @param weights           objective weights
     * @param minAccuracy       A_min in [0, 1]
     * @param maxLatencySeconds L in seconds, {@code > 0}, or empty
     */
    public record MinCost(CostWeights weights, double minAccuracy, OptionalDouble maxLatencySeconds)
            implements Variant {
        public MinCost {
            Checks.present("weights", weights);
            Checks.probability("minAccuracy", minAccuracy);
            Checks.present("maxLatencySeconds", maxLatencySeconds);
            maxLatencySeconds.ifPresent(l -> Checks.positive("maxLatencySeconds", l));
        }
    }

    /**
     * Variant (b), Edgent right-sizing: one exit, model truncated there, maximise accuracy s.t.
     * latency ≤ {@code maxLatencySeconds}; ties go to the lower latency.
     *
     * @param maxLatencySeconds L in seconds, {@code > 0}
     */
    public record RightSizing(double maxLatencySeconds) implements Variant {
        public RightSizing {
            Checks.positive("maxLatencySeconds", maxLatencySeconds);
        }
    }

    public ExitsProblem {
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.present("edge", edge);
        Checks.present("link", link);
        Checks.load("deviceLoad", deviceLoad);
        Checks.probability("finalAccuracy", finalAccuracy);
        Checks.present("variant", variant);
        FinalClassifier.requireAbsent(graph);
        FiniteCosts.require("model", graph, device, edge, link, deviceLoad);
    }

    @Override
    public Family family() {
        return Family.EXITS;
    }

    @Override
    public Sense sense() {
        return variant instanceof RightSizing ? Sense.MAXIMIZE : Sense.MINIMIZE;
    }

    @Override
    public ExitsCost evaluate(ExitPlan plan) {
        return ExitsEvaluator.evaluate(this, plan);
    }

    @Override
    public Class<ExitPlan> planType() {
        return ExitPlan.class;
    }

    /** How samples stop under the active exits {@code ids}, with this variant's mode. */
    public StopProfile profile(java.util.List<String> ids) {
        return StopProfile.of(graph, finalAccuracy, ids, mode());
    }

    /** NESTED for variant (a), TRUNCATE for variant (b). */
    public StopProfile.Mode mode() {
        return variant instanceof RightSizing ? StopProfile.Mode.TRUNCATE : StopProfile.Mode.NESTED;
    }

    /** The expected per-layer loads of a profile on this problem's tiers. */
    public ExpectedLoads loads(StopProfile profile) {
        return ExpectedLoads.of(graph, device, edge, link, deviceLoad, profile);
    }

    /** The latency bound L of either variant, if any. */
    public OptionalDouble maxLatencySeconds() {
        return variant instanceof RightSizing r ? OptionalDouble.of(r.maxLatencySeconds())
                : ((MinCost) variant).maxLatencySeconds();
    }

    /** This problem with another link. */
    public ExitsProblem withLink(Link newLink) {
        return new ExitsProblem(graph, device, edge, newLink, deviceLoad, finalAccuracy, variant);
    }

    /** This problem with another variant. */
    public ExitsProblem withVariant(Variant newVariant) {
        return new ExitsProblem(graph, device, edge, link, deviceLoad, finalAccuracy, newVariant);
    }
}
