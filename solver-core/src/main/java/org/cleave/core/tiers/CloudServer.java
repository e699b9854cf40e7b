package org.cleave.core.tiers;

import org.cleave.core.model.Checks;
import org.cleave.core.model.Layer;

/**
 * The cloud tier: a layer's time there is {@code flops / flopsPerSecond} (measured per-layer cloud
 * times are not modelled; the layer's measured device and edge times do not apply here).
 *
 * @param flopsPerSecond sustained compute rate in FLOP/s, {@code > 0}
 */
public record CloudServer(double flopsPerSecond) {
    public CloudServer {
        Checks.positive("flopsPerSecond", flopsPerSecond);
    }

    /** Forward time of {@code layer} in the cloud, seconds. */
    public double seconds(Layer layer) {
        return layer.flops() / flopsPerSecond;
    }
}
