package org.cleave.instances.profiles;

import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;

/**
 * A named end device.
 *
 * @param name   short key, e.g. {@code rpi4}
 * @param device compute rate in FLOP/s and compute, transmit and idle power in W
 * @param source where the figures come from ("assumption: ..." when not measured)
 */
public record DeviceProfile(String name, Device device, String source) {
    public DeviceProfile {
        Checks.identifier("name", name);
        Checks.present("device", device);
        Checks.identifier("source", source);
    }
}
