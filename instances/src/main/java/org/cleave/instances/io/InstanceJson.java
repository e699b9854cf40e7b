package org.cleave.instances.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;

/**
 * The JSON instance format, version {@value #SCHEMA_VERSION}. Its JSON Schema is the resource
 * {@value #SCHEMA_RESOURCE}. Common top-level fields: {@code schemaVersion} (required),
 * {@code family} (required, e.g. {@code "partition"}), {@code name} (required),
 * {@code description} and {@code metadata} (optional; metadata is kept verbatim). The other
 * fields belong to the family's {@link FamilyCodec}. Unknown fields are rejected, so that nothing
 * a user wrote is silently ignored.
 */
public final class InstanceJson {
    /** The version this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;
    /** Class-path location of the JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/org/cleave/instances/instance.schema.json";

    private static final Set<String> COMMON = Set.of("schemaVersion", "family", "name", "description", "metadata");
    private static final Map<Family, FamilyCodec> CODECS = loadCodecs();

    private InstanceJson() {
    }

    private static Map<Family, FamilyCodec> loadCodecs() {
        Map<Family, FamilyCodec> map = new LinkedHashMap<>();
        for (FamilyCodec codec : ServiceLoader.load(FamilyCodec.class)) {
            map.put(codec.family(), codec);
        }
        return map;
    }

    /** The codec of {@code family}. */
    public static FamilyCodec codec(Family family) {
        FamilyCodec codec = CODECS.get(family);
        if (codec == null) {
            throw new InvalidInstanceException("family \"" + family.key() + "\" has no instance format yet");
        }
        return codec;
    }

    /** Reads an instance file; files it names (P4 {@code models[*].file}) are relative to its folder. */
    public static Instance read(Path file) {
        return read(TextFiles.readUtf8(file), file.toString(),
                Optional.ofNullable(file.toAbsolutePath().getParent()));
    }

    /**
     * Reads an instance from text; {@code source} names it in messages; files it names are
     * resolved against the current directory.
     */
    public static Instance read(String text, String source) {
        return read(text, source, Optional.empty());
    }

    /**
     * Reads an instance from text; {@code source} names it in messages; relative file names in it
     * are resolved against {@code directory} (the current directory when empty).
     */
    public static Instance read(String text, String source, Optional<Path> directory) {
        JsonNode rootNode = Json.parse(text, source);
        ObjectNode root = Json.object(rootNode, "$");
        if (!Json.has(root, "schemaVersion")) {
            throw new InvalidInstanceException("$.schemaVersion: required integer is missing (this Cleave reads "
                    + SCHEMA_VERSION + ")");
        }
        int version = Json.integer(root, "schemaVersion", "$");
        if (version != SCHEMA_VERSION) {
            throw new InvalidInstanceException("$.schemaVersion: unsupported version " + version
                    + "; this Cleave reads " + SCHEMA_VERSION);
        }
        String familyKey = Json.string(root, "family", "$");
        Family family;
        try {
            family = Family.fromKey(familyKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidInstanceException("$.family: " + e.getMessage());
        }
        FamilyCodec codec = CODECS.get(family);
        if (codec == null) {
            throw new InvalidInstanceException("$.family: \"" + familyKey + "\" has no instance format in this build");
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(codec.fields());
        Json.onlyFields(root, "$", allowed);
        String name = Json.string(root, "name", "$");
        if (name.isBlank()) {
            throw new InvalidInstanceException("$.name: must be a non-empty string, got \"" + name + "\"");
        }
        String description = Json.optionalString(root, "description", "$", "");
        Problem<?> problem = codec.read(root, "$", directory);
        return new Instance(name, description, problem, root.get("metadata"));
    }

    /** The instance as a JSON tree. */
    public static ObjectNode toJson(Instance instance) {
        return toJson(instance.problem().family(), instance.name(), instance.description(),
                root -> codec(instance.problem().family()).write(instance.problem(), root), instance.metadata());
    }

    /**
     * An instance tree whose family-specific fields are written by {@code body}, for forms a
     * codec offers beside {@link FamilyCodec#write} (e.g. the compact P4 form).
     */
    public static ObjectNode toJson(Family family, String name, String description, Consumer<ObjectNode> body,
                                    JsonNode metadata) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("family", family.key());
        root.put("name", name);
        if (!description.isEmpty()) {
            root.put("description", description);
        }
        body.accept(root);
        if (metadata != null && !metadata.isNull() && !metadata.isMissingNode()) {
            root.set("metadata", metadata.deepCopy());
        }
        return root;
    }

    /** The instance as indented JSON text. */
    public static String write(Instance instance) {
        return text(toJson(instance));
    }

    /** An instance tree as indented JSON text, as {@link #write(Instance)} writes it. */
    public static String text(ObjectNode root) {
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the instance to {@code file}. */
    public static void write(Instance instance, Path file) throws IOException {
        Files.writeString(file, write(instance), StandardCharsets.UTF_8);
    }
}
