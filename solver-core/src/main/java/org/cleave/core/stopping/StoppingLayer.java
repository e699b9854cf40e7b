package org.cleave.core.stopping;

import org.cleave.core.model.Checks;

/**
 * One layer of the chain in a P6 problem, as profiled on the device and the edge.
 *
 * @param id            name of the layer
 * @param deviceSeconds time to compute the layer on the device, s, {@code >= 0}
 * @param deviceJoules  device energy to compute the layer, J, {@code >= 0}
 * @param outputBytes   size of the layer's output tensor, bytes, {@code > 0}
 * @param edgeSeconds   time to compute the layer on the edge server, s, {@code >= 0}
 * @param paramBytes    size of the layer's parameters (what a placement sends to the device), bytes, {@code >= 0}
 */
public record StoppingLayer(String id, double deviceSeconds, double deviceJoules, double outputBytes,
                            double edgeSeconds, double paramBytes) {
    public StoppingLayer {
        Checks.identifier("id", id);
        Checks.nonNegative("deviceSeconds", deviceSeconds);
        Checks.nonNegative("deviceJoules", deviceJoules);
        Checks.positive("outputBytes", outputBytes);
        Checks.nonNegative("edgeSeconds", edgeSeconds);
        Checks.nonNegative("paramBytes", paramBytes);
    }
}
