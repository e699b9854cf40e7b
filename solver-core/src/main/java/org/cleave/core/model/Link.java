package org.cleave.core.model;

/**
 * The link between device and edge. Sending {@code b} bytes up takes {@code 8·b / uplinkBitsPerSecond}
 * seconds.
 *
 * @param uplinkBitsPerSecond   device-to-edge rate, bit/s, {@code > 0}
 * @param downlinkBitsPerSecond edge-to-device rate, bit/s, {@code > 0}
 * @param latencySeconds        one-way latency, s, {@code >= 0}
 */
public record Link(double uplinkBitsPerSecond, double downlinkBitsPerSecond, double latencySeconds) {
    public Link {
        Checks.positive("uplinkBitsPerSecond", uplinkBitsPerSecond);
        Checks.positive("downlinkBitsPerSecond", downlinkBitsPerSecond);
        Checks.nonNegative("latencySeconds", latencySeconds);
    }

    /** Seconds to send {@code bytes} up. */
    public double uploadSeconds(double bytes) {
        return 8 * bytes / uplinkBitsPerSecond;
    }

    /** Seconds to send {@code bytes} down. */
    public double downloadSeconds(double bytes) {
        return 8 * bytes / downlinkBitsPerSecond;
    }

    /** This link with another uplink rate. */
    public Link withUplinkBitsPerSecond(double bitsPerSecond) {
        return new Link(bitsPerSecond, downlinkBitsPerSecond, latencySeconds);
    }
}
