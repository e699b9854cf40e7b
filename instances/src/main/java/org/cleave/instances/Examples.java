package org.cleave.instances;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;

/**
 * The built-in example instances, shipped as resources under {@code /org/cleave/instances/examples/}
 * and listed in its {@code index.txt}.
 */
public final class Examples {
    private static final String DIR = "/org/cleave/instances/examples/";

    private Examples() {
    }

    /** The names of the built-in examples. */
    public static List<String> names() {
        return read("index.txt").lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    /** Loads the example {@code name}. */
    public static Instance load(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("example: unknown example \"" + name + "\"; known: "
                    + String.join(", ", names()));
        }
        return InstanceJson.read(read(name + ".json"), "example " + name);
    }

    private static String read(String resource) {
        try (InputStream in = Examples.class.getResourceAsStream(DIR + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
