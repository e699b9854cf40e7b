package org.cleave.instances.importers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.CostWeights;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
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
 * P2 and P3 need exits, which imported models do not carry.
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
        NetworkProfile n = Profiles.networkProfile(network);
        DeviceProfile d = Profiles.deviceProfile(device);
        EdgeProfile e = Profiles.edgeProfile(edge);
        Problem<?> problem = switch (family) {
            case PARTITION -> new PartitionProblem(graph, d.device(), e.edge(), n.link(), CostWeights.LATENCY, 0);
            case UPLOAD -> new UploadProblem(graph, d.device(), e.edge(), n.link(), UploadMode.PARALLEL);
            default -> throw new IllegalArgumentException("family: an imported model exports as a partition or"
                    + " upload instance, not " + family.key() + " (it has no early exits)");
        };
        ObjectNode m = meta == null ? Json.MAPPER.createObjectNode() : meta.deepCopy();
        m.put("network", n.name());
        m.put("networkSource", n.source());
        m.put("device", d.name());
        m.put("deviceSource", d.source());
        m.put("edge", e.name());
        m.put("edgeSource", e.source());
        String id = name + "-" + n.name() + "-" + d.name() + "-" + e.name();
        return new Instance(id, name + "; " + n.name() + ", " + d.name() + ", " + e.name(), problem, m);
    }
}
