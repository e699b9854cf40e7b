package org.cleave.instances.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * Reads and writes the family-specific part of an instance file and the plans of that family.
 * Implementations are discovered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.cleave.instances.io.FamilyCodec}), one per family.
 */
public interface FamilyCodec {
    /** The family handled. */
    Family family();

    /** Top-level fields this family uses besides {@code schemaVersion, family, name, description, metadata}. */
    Set<String> fields();

    /** Reads the problem from the instance's root object ({@code path} is {@code $}). */
    Problem<?> read(ObjectNode root, String path);

    /** Writes the problem's fields into {@code root}. */
    void write(Problem<?> problem, ObjectNode root);

    /** A plan of this family as JSON, for result files and {@code cleave solve --json}. */
    JsonNode writePlan(Problem<?> problem, Object plan);
}
