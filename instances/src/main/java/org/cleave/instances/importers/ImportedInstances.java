package org.cleave.instances.importers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitsProblem;
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
 * Instances of an imported model (ONNX, a layer profile or an MSR layer graph) under named
 * profiles, as the zoo makes them: P1 (latency weight 1, no device load) or P5 (parallel upload
 * mode, the layers' {@code paramBytes} uploaded). Measured layer times in the graph win over the
 * profiles' FLOP rates. The metadata records the model, its source and the profiles' sources.
 * P2 and P3 need exits, which imported models do not carry: they are declared with
 * {@link ImportedExits}, and the instance is made as the zoo makes its multi-exit models (P2
 * variant (a) with latency weight 1, accuracy floor 0 and no latency bound; P3 with accuracy floor
 * 0 and no frame rate), the output layer being the final classifier.
 */
public final class ImportedInstances {
    private ImportedInstances() {
    }

    /**
     * An instance of {@code family}.
     *
     * @param family   partition or upload
     * @param graph    the model's graph (layer or block view)
     * @param name     the model's name
     * @param meta     metadata about the model (copied, then the profiles' names and sources added)
     * @param network  network profile name
     * @param device   device profile name
     * @param edge     edge profile name
     */
    public static Instance of(Family family, DnnGraph graph, String name, ObjectNode meta, String network,
                              String device, String edge) {
        return of(family, graph, null, name, meta, network, device, edge);
    }

    /**
     * An instance of {@code family}, with declared exits for P2 and P3.
     *
     * @param family   partition, upload, exits or throughput
     * @param graph    the model's graph (layer or block view) with {@code exits} attached
     *                 ({@link ImportedExits#attach}), or without exits for partition and upload
     * @param exits    the declared exits (their final accuracy is used); required for exits and
     *                 throughput, {@code null} for partition and upload
     * @param name     the model's name
     * @param meta     metadata about the model (copied, then the profiles' names and sources added)
     * @param network  network profile name
     * @param device   device profile name
     * @param edge     edge profile name
     */
    public static Instance of(Family family, DnnGraph graph, ImportedExits exits, String name, ObjectNode meta,
                              String network, String device, String edge) {
        boolean multiExit = family == Family.EXITS || family == Family.THROUGHPUT;
        if (multiExit && exits == null) {
            throw new IllegalArgumentException("exits: a " + family.key() + " instance needs early exits, and an"
                    + " imported model has none of its own; declare them (LAYER:rate=R,accuracy=A[,flops=F])"
                    + " with the final classifier's accuracy");
        }
        if (!multiExit && exits != null) {
            throw new IllegalArgumentException("exits: a " + family.key() + " instance does not use early exits;"
                    + " declared exits need family exits or throughput");
        }
        if (multiExit && graph.exits().size() != exits.exits().size()) {
            throw new IllegalArgumentException("exits: the graph carries " + graph.exits().size() + " exits, "
                    + exits.exits().size() + " were declared; attach them with ImportedExits.attach");
        }
        NetworkProfile n = Profiles.networkProfile(network);
        DeviceProfile d = Profiles.deviceProfile(device);
        EdgeProfile e = Profiles.edgeProfile(edge);
        Problem<?> problem = switch (family) {
            case PARTITION -> new PartitionProblem(graph, d.device(), e.edge(), n.link(), CostWeights.LATENCY, 0);
            case UPLOAD -> new UploadProblem(graph, d.device(), e.edge(), n.link(), UploadMode.PARALLEL);
            case EXITS -> new ExitsProblem(graph, d.device(), e.edge(), n.link(), 0, exits.finalAccuracy(),
                    new ExitsProblem.MinCost(CostWeights.LATENCY, 0, OptionalDouble.empty()));
            case THROUGHPUT -> new ThroughputProblem(graph, d.device(), e.edge(), n.link(), 0, exits.finalAccuracy(),
                    0, OptionalDouble.empty());
            default -> throw new IllegalArgumentException("family: an imported model exports as a partition,"
                    + " upload, exits or throughput instance, not " + family.key());
        };
        ObjectNode m = meta == null ? Json.MAPPER.createObjectNode() : meta.deepCopy();
        m.put("network", n.name());
        m.put("networkSource", n.source());
        m.put("device", d.name());
        m.put("deviceSource", d.source());
        m.put("edge", e.name());
        m.put("edgeSource", e.source());
        if (exits != null) {
            m.put("exitStatisticsSource", "declared on import (cumulative rate and accuracy per exit, final"
                    + " classifier accuracy " + exits.finalAccuracy() + ")");
        }
        String id = name + "-" + n.name() + "-" + d.name() + "-" + e.name();
        return new Instance(id, name + "; " + n.name() + ", " + d.name() + ", " + e.name(), problem, m);
    }
}
