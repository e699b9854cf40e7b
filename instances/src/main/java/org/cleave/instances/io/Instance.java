package org.cleave.instances.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.cleave.core.model.Checks;
import org.cleave.core.solve.Problem;

/**
 * A problem instance as stored in a file: a name, an optional description, the problem and
 * free-form metadata (source, generator and seed, known optimum, ...) kept verbatim.
 *
 * @param name        short name
 * @param description one line, may be empty
 * @param problem     the problem of one family
 * @param metadata    free-form JSON kept as given ({@link NullNode} when absent)
 */
public record Instance(String name, String description, Problem<?> problem, JsonNode metadata) {
    public Instance {
        Checks.identifier("name", name);
        Checks.present("description", description);
        Checks.present("problem", problem);
        metadata = metadata == null ? NullNode.getInstance() : metadata.deepCopy();
    }

    /** An instance without description or metadata. */
    public static Instance of(String name, Problem<?> problem) {
        return new Instance(name, "", problem, NullNode.getInstance());
    }
}
