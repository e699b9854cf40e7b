package org.cleave.core.model;

import java.util.OptionalDouble;

/**
 * One layer (vertex) of a DNN graph.
 *
 * <p>A layer's time on a tier is {@code flops / flopsPerSecond} of that tier unless a measured
 * time is given for the tier, which then wins ({@link #measuredDeviceSeconds()},
 * {@link #measuredEdgeSeconds()}).
 *
 * @param id                    unique, stable identifier
 * @param flops                 floating-point operations of one forward pass (FLOPs, not MACs)
 * @param outputBytes           size of the layer's output tensor in bytes; one tensor however many
 *                              consumers
 * @param paramBytes            size of the layer's weights in bytes
 * @param measuredDeviceSeconds measured forward time on the end device, if known
 * @param measuredEdgeSeconds   measured forward time on the edge server, if known
 */
public record Layer(String id, double flops, double outputBytes, double paramBytes,
                    OptionalDouble measuredDeviceSeconds, OptionalDouble measuredEdgeSeconds) {

    public Layer {
        Checks.identifier("id", id);
        Checks.nonNegative("flops", flops);
        Checks.nonNegative("outputBytes", outputBytes);
        Checks.nonNegative("paramBytes", paramBytes);
        Checks.present("measuredDeviceSeconds", measuredDeviceSeconds);
        Checks.present("measuredEdgeSeconds", measuredEdgeSeconds);
        measuredDeviceSeconds.ifPresent(s -> Checks.nonNegative("measuredDeviceSeconds", s));
        measuredEdgeSeconds.ifPresent(s -> Checks.nonNegative("measuredEdgeSeconds", s));
    }

    /** A layer whose times follow from its FLOPs. */
    public Layer(String id, double flops, double outputBytes, double paramBytes) {
        this(id, flops, outputBytes, paramBytes, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** The raw-sample input vertex: no compute, output = the input tensor. */
    public static Layer input(String id, double inputBytes) {
        return new Layer(id, 0, inputBytes, 0);
    }

    /** This layer with measured device and edge times (either may be empty). */
    public Layer withMeasuredSeconds(OptionalDouble deviceSeconds, OptionalDouble edgeSeconds) {
        return new Layer(id, flops, outputBytes, paramBytes, deviceSeconds, edgeSeconds);
    }
}
