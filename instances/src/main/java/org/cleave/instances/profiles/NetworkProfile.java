package org.cleave.instances.profiles;

import org.cleave.core.model.Checks;
import org.cleave.core.model.Link;

/**
 * A named device–edge link.
 *
 * @param name   short key, e.g. {@code 4g}
 * @param link   rates in bit/s and one-way latency in s
 * @param source where the figures come from ("assumption: ..." when not from a paper)
 */
public record NetworkProfile(String name, Link link, String source) {
    public NetworkProfile {
        Checks.identifier("name", name);
        Checks.present("link", link);
        Checks.identifier("source", source);
    }
}
