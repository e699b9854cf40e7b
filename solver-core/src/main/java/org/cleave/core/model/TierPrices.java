package org.cleave.core.model;

/**
 * What one second of each device activity costs in the scalarised objective {@code w_T·T + w_E·E}
 * (per second, in objective units): the single place where the weights and the device's powers
 * are combined. Every family that charges device energy by activity (P1, P2, P3's weighted
 * variants, P4) prices its seconds here.
 * <pre>
 *   deviceSecond  = w_T + w_E·computeWatts    (the device computes)
 *   uploadSecond  = w_T + w_E·transmitWatts   (the device sends)
 *   idleSecond    = w_T + w_E·idleWatts       (the device waits while the edge computes or the result comes down)
 *   latencySecond = w_T                       (one-way link latency: time, no energy)
 * </pre>
 *
 * @param deviceSecond  price of one second of device compute
 * @param uploadSecond  price of one second of upload
 * @param idleSecond    price of one second of device idle while the edge works or downloads
 * @param latencySecond price of one second of link latency
 */
public record TierPrices(double deviceSecond, double uploadSecond, double idleSecond, double latencySecond) {

    /** The prices of {@code device}'s activities under {@code weights}. */
    public static TierPrices of(CostWeights weights, Device device) {
        Checks.present("weights", weights);
        Checks.present("device", device);
        double wT = weights.latencyWeight();
        double wE = weights.energyWeight();
        return new TierPrices(wT + wE * device.computeWatts(), wT + wE * device.transmitWatts(),
                wT + wE * device.idleWatts(), wT);
    }
}
