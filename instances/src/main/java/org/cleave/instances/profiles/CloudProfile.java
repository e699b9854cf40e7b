package org.cleave.instances.profiles;

import org.cleave.core.model.Checks;
import org.cleave.core.tiers.CloudServer;

/**
 * A named cloud tier (P1-3T).
 *
 * @param name   short key, e.g. {@code a100}
 * @param cloud  compute rate in FLOP/s
 * @param source where the figure comes from ("assumption: ..." when not measured)
 */
public record CloudProfile(String name, CloudServer cloud, String source) {
    public CloudProfile {
        Checks.identifier("name", name);
        Checks.present("cloud", cloud);
        Checks.identifier("source", source);
    }
}
