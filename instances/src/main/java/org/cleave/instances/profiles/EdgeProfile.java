package org.cleave.instances.profiles;

import org.cleave.core.model.Checks;
import org.cleave.core.model.EdgeServer;

/**
 * A named edge server.
 *
 * @param name   short key, e.g. {@code gpu}
 * @param edge   compute rate in FLOP/s
 * @param source where the figure comes from ("assumption: ..." when not measured)
 */
public record EdgeProfile(String name, EdgeServer edge, String source) {
    public EdgeProfile {
        Checks.identifier("name", name);
        Checks.present("edge", edge);
        Checks.identifier("source", source);
    }
}
