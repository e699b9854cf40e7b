package org.cleave.core.model;

/**
 * The end device.
 *
 * @param flopsPerSecond sustained compute rate in FLOP/s, {@code > 0}
 * @param computeWatts   power drawn while computing, W
 * @param transmitWatts  power drawn while transmitting, W
 * @param idleWatts      power drawn while waiting for the edge (edge compute and download), W
 */
public record Device(double flopsPerSecond, double computeWatts, double transmitWatts, double idleWatts) {
    public Device {
        Checks.positive("flopsPerSecond", flopsPerSecond);
        Checks.nonNegative("computeWatts", computeWatts);
        Checks.nonNegative("transmitWatts", transmitWatts);
        Checks.nonNegative("idleWatts", idleWatts);
    }

    /** Forward time of {@code layer} on this device, with its compute rate scaled by {@code 1 - load}. */
    public double seconds(Layer layer, double load) {
        double base = layer.measuredDeviceSeconds().isPresent()
                ? layer.measuredDeviceSeconds().getAsDouble()
                : layer.flops() / flopsPerSecond;
        return base / (1 - load);
    }
}
