package org.cleave.instances.zoo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.FinalClassifier;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.CostWeights;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.Json;
import org.cleave.instances.profiles.DeviceProfile;
import org.cleave.instances.profiles.EdgeProfile;
import org.cleave.instances.profiles.NetworkProfile;
import org.cleave.instances.profiles.Profiles;

/**
 * Instances made from a zoo model and three profiles, with the model's and the profiles' sources
 * in the instance metadata. P1 takes any model (its exits stay as data); P2 and P3 take a
 * multi-exit model, whose exit after the output layer becomes the final classifier
 * ({@link FinalClassifier}). P2 uses variant (a) with latency weight 1, accuracy floor 0 and no
 * latency bound, P3 an accuracy floor of 0 and no frame rate, unless the caller changes them. P5
 * (upload) takes any model: P1's data with every edge-side layer's {@code paramBytes} to upload, in
 * {@link UploadMode#PARALLEL} mode (change it with {@link UploadProblem#withMode}); the model's data
 * type sets the bytes of its tensors and weights alike.
 */
public final class ZooInstances {
    /** Which graph of a model. */
    public enum View {
        /** The layer-level DAG. */
        LAYERS,
        /** The block-level chain. */
        BLOCKS
    }

    private ZooInstances() {
    }

    /** An instance of {@code family} for a zoo model under the named profiles. */
    public static Instance of(Family family, ZooModel m, View view, String network, String device, String edge) {
        NetworkProfile n = Profiles.networkProfile(network);
        DeviceProfile d = Profiles.deviceProfile(device);
        EdgeProfile e = Profiles.edgeProfile(edge);
        DnnGraph graph = view == View.LAYERS ? m.layerGraph() : m.blockGraph();
        Problem<?> problem = switch (family) {
            case PARTITION -> new PartitionProblem(graph, d.device(), e.edge(), n.link(), CostWeights.LATENCY, 0);
            case EXITS, THROUGHPUT -> {
                FinalClassifier fc = FinalClassifier.lift(graph).orElseThrow(() -> new IllegalArgumentException(
                        "family: " + family.key() + " needs a final-classifier exit, model " + m.name()
                                + " has none; use a multi-exit model such as b-alexnet or resnet18-exits"));
                yield family == Family.EXITS
                        ? new ExitsProblem(fc.graph(), d.device(), e.edge(), n.link(), 0, fc.accuracy(),
                                new ExitsProblem.MinCost(CostWeights.LATENCY, 0, OptionalDouble.empty()))
                        : new ThroughputProblem(fc.graph(), d.device(), e.edge(), n.link(), 0, fc.accuracy(), 0,
                                OptionalDouble.empty());
            }
            case UPLOAD -> UploadProblem.of(new PartitionProblem(graph, d.device(), e.edge(), n.link(),
                    CostWeights.LATENCY, 0), UploadMode.PARALLEL);
            default -> throw new IllegalArgumentException("family: zoo models export as partition, exits,"
                    + " throughput or upload instances, not " + family.key());
        };
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("generator", "cleave zoo export");
        meta.put("model", m.name());
        meta.put("modelSource", m.source());
        meta.put("view", view.name().toLowerCase(Locale.ROOT));
        meta.put("dataType", m.dataType().name().toLowerCase(Locale.ROOT));
        meta.put("parameters", m.parameters());
        meta.put("convLinearMultiplyAccumulates", m.convLinearMultiplyAccumulates());
        meta.put("flopsConvention", "layer flops = FLOPs = 2 x conv/linear multiply-accumulates + element-wise work");
        if (!m.exits().isEmpty()) {
            meta.put("exitStatisticsSource", m.exitStatisticsSource());
        }
        meta.put("network", n.name());
        meta.put("networkSource", n.source());
        meta.put("device", d.name());
        meta.put("deviceSource", d.source());
        meta.put("edge", e.name());
        meta.put("edgeSource", e.source());
        String name = m.name() + "-" + view.name().toLowerCase(Locale.ROOT) + "-" + n.name() + "-" + d.name() + "-"
                + e.name();
        return new Instance(name, m.description() + "; " + n.name() + ", " + d.name() + ", " + e.name(), problem,
                meta);
    }

    /**
     * Settings that override an exported instance's defaults. Every field is optional; empty keeps
     * the default of {@link #of}.
     *
     * @param weights            objective weights (w_T, w_E) of a partition or variant (a) exits
     *                           instance
     * @param rightSizingSeconds exits only: Edgent's right-sizing variant (b) with this latency
     *                           bound L in seconds (&gt; 0)
     * @param frameRatePerSecond throughput only: the frame rate Q to sustain (&gt; 0, period ≤ 1/Q)
     */
    public record Settings(Optional<CostWeights> weights, OptionalDouble rightSizingSeconds,
                           OptionalDouble frameRatePerSecond) {
        /** No overrides. */
        public static final Settings NONE = new Settings(Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /**
     * {@code instance} with {@code settings} applied to its problem; metadata and name unchanged.
     * A setting that does not apply to the instance's family is an error naming the setting
     * ({@code objective}, {@code rightSizing}, {@code frameRate}) and the family.
     */
    public static Instance withSettings(Instance instance, Settings settings) {
        Problem<?> p = instance.problem();
        if (settings.weights().isPresent()) {
            CostWeights w = settings.weights().get();
            if (p instanceof PartitionProblem pp) {
                p = pp.withWeights(w);
            } else if (p instanceof ExitsProblem ep && ep.variant() instanceof ExitsProblem.MinCost m
                    && settings.rightSizingSeconds().isEmpty()) {
                p = ep.withVariant(new ExitsProblem.MinCost(w, m.minAccuracy(), m.maxLatencySeconds()));
            } else {
                throw new IllegalArgumentException("objective: weights apply to partition and variant (a) exits"
                        + " instances, not to " + instance.problem().family().key()
                        + (settings.rightSizingSeconds().isPresent() ? " with right-sizing" : ""));
            }
        }
        if (settings.rightSizingSeconds().isPresent()) {
            double bound = settings.rightSizingSeconds().getAsDouble();
            if (!(p instanceof ExitsProblem ep)) {
                throw new IllegalArgumentException("rightSizing: applies to exits instances, not to "
                        + p.family().key());
            }
            if (!(bound > 0) || Double.isInfinite(bound)) {
                throw new IllegalArgumentException("rightSizing: latency bound must be > 0 s and finite, got " + bound);
            }
            p = ep.withVariant(new ExitsProblem.RightSizing(bound));
        }
        if (settings.frameRatePerSecond().isPresent()) {
            double q = settings.frameRatePerSecond().getAsDouble();
            if (!(p instanceof ThroughputProblem tp)) {
                throw new IllegalArgumentException("frameRate: applies to throughput instances, not to "
                        + p.family().key());
            }
            if (!(q > 0) || Double.isInfinite(q)) {
                throw new IllegalArgumentException("frameRate: must be > 0 and finite, got " + q);
            }
            p = tp.withFrameRate(OptionalDouble.of(q));
        }
        return new Instance(instance.name(), instance.description(), p, instance.metadata());
    }

    /**
     * A P5 instance in another upload mode, its name suffixed with the mode ({@code …-serial}).
     *
     * @throws IllegalArgumentException when {@code instance} is not a P5 (upload) instance
     */
    public static Instance withUploadMode(Instance instance, UploadMode mode) {
        if (!(instance.problem() instanceof UploadProblem p)) {
            throw new IllegalArgumentException("mode: only upload instances have an upload mode, not "
                    + instance.problem().family().key());
        }
        return new Instance(instance.name() + "-" + mode.key(), instance.description() + ", " + mode.key()
                + " uploading", p.withMode(mode), instance.metadata());
    }
}
