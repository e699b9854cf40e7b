package org.cleave.instances.tiers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.FinalClassifier;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.Json;
import org.cleave.instances.profiles.CloudProfile;
import org.cleave.instances.profiles.DeviceProfile;
import org.cleave.instances.profiles.EdgeProfile;
import org.cleave.instances.profiles.NetworkProfile;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.profiles.TierProfiles;
import org.cleave.instances.zoo.ZooInstances;
import org.cleave.instances.zoo.ZooModel;

/**
 * P1-3T instances made from a zoo model and five profiles (device, edge, cloud, network = link 1,
 * WAN = link 2), latency-only weights, with every profile's source in the metadata; and P2-3T
 * ({@link #exitsOf}) instances of a multi-exit zoo model on the same line.
 */
public final class ZooTierInstances {
    /** The only tier line supported: {@code device,edge,cloud}. */
    public static final List<String> TIERS = List.of("device", "edge", "cloud");

    private ZooTierInstances() {
    }

    /** A P1-3T instance of {@code m}. */
    public static Instance of(ZooModel m, ZooInstances.View view, String network, String wan, String device,
                              String edge, String cloud) {
        NetworkProfile n = Profiles.networkProfile(network);
        NetworkProfile w = TierProfiles.wanProfile(wan);
        DeviceProfile d = Profiles.deviceProfile(device);
        EdgeProfile e = Profiles.edgeProfile(edge);
        CloudProfile c = TierProfiles.cloudProfile(cloud);
        DnnGraph graph = view == ZooInstances.View.LAYERS ? m.layerGraph() : m.blockGraph();
        TiersProblem problem = new TiersProblem(graph, d.device(), e.edge(), c.cloud(), n.link(), w.link(),
                CostWeights.LATENCY, 0);
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("generator", "cleave zoo export --tiers device,edge,cloud");
        meta.put("model", m.name());
        meta.put("modelSource", m.source());
        meta.put("view", view.name().toLowerCase(Locale.ROOT));
        meta.put("network", n.name());
        meta.put("networkSource", n.source());
        meta.put("wan", w.name());
        meta.put("wanSource", w.source());
        meta.put("device", d.name());
        meta.put("deviceSource", d.source());
        meta.put("edge", e.name());
        meta.put("edgeSource", e.source());
        meta.put("cloud", c.name());
        meta.put("cloudSource", c.source());
        String name = String.join("-", m.name(), view.name().toLowerCase(Locale.ROOT), n.name(), w.name(), d.name(),
                e.name(), c.name());
        return new Instance(name, m.description() + "; three tiers " + d.name() + " | " + n.name() + " | " + e.name()
                + " | " + w.name() + " | " + c.name(), problem, meta);
    }

    /**
     * A P2-3T instance (family {@code exits-tiers}) of the multi-exit model {@code m} on the same line
     * as {@link #of}: its final-classifier exit lifted as P2's zoo export does, the model's exit
     * statistics, P2's default variant (minCost, no accuracy floor, no latency bound) with
     * {@code weights}.
     *
     * @throws IllegalArgumentException naming {@code family} when the model has no final-classifier exit
     */
    public static Instance exitsOf(ZooModel m, ZooInstances.View view, String network, String wan, String device,
                                   String edge, String cloud, CostWeights weights) {
        Instance line = of(m, view, network, wan, device, edge, cloud);
        TiersProblem t = (TiersProblem) line.problem();
        FinalClassifier fc = FinalClassifier.lift(t.graph()).orElseThrow(() -> new IllegalArgumentException(
                "family: exits-tiers needs a final-classifier exit, model " + m.name()
                        + " has none; use a multi-exit model such as b-alexnet or resnet18-exits"));
        TiersExitsProblem problem = new TiersExitsProblem(fc.graph(), t.device(), t.edge(), t.cloud(), t.link1(),
                t.link2(), 0, fc.accuracy(), new ExitsProblem.MinCost(weights, 0, OptionalDouble.empty()));
        ObjectNode meta = ((ObjectNode) line.metadata()).deepCopy();
        meta.put("generator", "cleave zoo export --tiers device,edge,cloud --family exits");
        meta.put("exitStatisticsSource", m.exitStatisticsSource());
        return new Instance(line.name() + "-exits", line.description() + "; early exits", problem, meta);
    }

    /**
     * A P3-3T instance of {@code m} (family {@code throughput-tiers}): the P1-3T instance of
     * {@link #of} read as a throughput problem (exits stripped), with frame rate {@code q}.
     */
    public static Instance throughput(ZooModel m, ZooInstances.View view, String network, String wan, String device,
                                      String edge, String cloud, java.util.OptionalDouble q) {
        Instance line = of(m, view, network, wan, device, edge, cloud);
        ObjectNode meta = ((ObjectNode) line.metadata()).deepCopy();
        meta.put("generator", "cleave zoo export --tiers device,edge,cloud --family throughput");
        return new Instance(line.name() + "-throughput", line.description() + "; throughput (P3-3T)",
                org.cleave.core.tiers.throughput.TiersThroughputProblem.of((TiersProblem) line.problem(), q), meta);
    }
}
