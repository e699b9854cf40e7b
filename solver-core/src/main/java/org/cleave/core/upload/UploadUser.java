package org.cleave.core.upload;

import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;

/**
 * One user of the multi-user P5 problem: its model, its device and its own downlink; the uplink
 * and the edge compute are shared ({@link MultiUserUploadProblem}).
 *
 * @param id                    unique name
 * @param graph                 the user's DNN
 * @param device                the user's device
 * @param downlinkBitsPerSecond the user's downlink rate, bit/s, {@code > 0}
 * @param latencySeconds        the user's one-way link latency, s, {@code >= 0}
 */
public record UploadUser(String id, DnnGraph graph, Device device, double downlinkBitsPerSecond,
                         double latencySeconds) {
    public UploadUser {
        Checks.identifier("id", id);
        Checks.present("graph", graph);
        Checks.present("device", device);
        Checks.positive("downlinkBitsPerSecond", downlinkBitsPerSecond);
        Checks.nonNegative("latencySeconds", latencySeconds);
    }
}
