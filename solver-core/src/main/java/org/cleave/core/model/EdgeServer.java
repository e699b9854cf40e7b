package org.cleave.core.model;

/**
 * The edge server.
 *
 * @param flopsPerSecond sustained compute rate in FLOP/s, {@code > 0}
 */
public record EdgeServer(double flopsPerSecond) {
    public EdgeServer {
        Checks.positive("flopsPerSecond", flopsPerSecond);
    }

    /** Forward time of {@code layer} on this server (its measured edge time if it has one). */
    public double seconds(Layer layer) {
        return layer.measuredEdgeSeconds().isPresent()
                ? layer.measuredEdgeSeconds().getAsDouble()
                : layer.flops() / flopsPerSecond;
    }
}
