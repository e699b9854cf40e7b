package org.cleave.core.stopping;

import org.cleave.core.model.Checks;

/**
 * The uplink under fading: at power gain h the device sends at the Shannon rate
 * {@code r(h) = W·log2(1 + P·h/(N0·W))} bit/s.
 *
 * @param bandwidthHertz      W, Hz, {@code > 0}
 * @param transmitWatts       P, the device's transmit power, W, {@code > 0}
 * @param noiseWattsPerHertz  N0, noise power spectral density, W/Hz, {@code > 0}
 * @param fading              the law of h
 */
public record Channel(double bandwidthHertz, double transmitWatts, double noiseWattsPerHertz, Fading fading) {
    public Channel {
        Checks.positive("bandwidthHertz", bandwidthHertz);
        Checks.positive("transmitWatts", transmitWatts);
        Checks.positive("noiseWattsPerHertz", noiseWattsPerHertz);
        Checks.present("fading", fading);
    }

    /** {@code P/(N0·W)}: the SNR per unit power gain. */
    public double snrPerGain() {
        return transmitWatts / (noiseWattsPerHertz * bandwidthHertz);
    }

    /** The rate at power gain {@code h}, bit/s. */
    public double rateBitsPerSecond(double gain) {
        return bandwidthHertz * Math.log1p(snrPerGain() * gain) / Math.log(2);
    }
}
