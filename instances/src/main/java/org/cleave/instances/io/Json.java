package org.cleave.instances.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where instance files are checked field by field. Every method takes the JSON path
 * of the node it reads and throws {@link InvalidInstanceException} naming that path and the
 * offending value. Non-finite numbers ({@code NaN}, {@code Infinity}) are parsed so that they can
 * be reported rather than failing as a syntax error.
 */
public final class Json {
    /** The mapper for instance files: strict duplicates, non-numeric numbers readable, sorted output off. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** Parses {@code text}; malformed JSON gives one line naming the source, line and column. */
    public static JsonNode parse(String text, String source) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInstanceException(source + ": empty file, expected a JSON object");
            }
            JsonLocation end = parser.currentLocation();
            JsonLocation at;
            try {
                at = parser.nextToken() == null ? null : parser.currentTokenLocation();
            } catch (JsonProcessingException trailing) {
                at = trailing.getLocation() == null ? end : trailing.getLocation();
            }
            if (at != null) {
                throw new InvalidInstanceException(source + ": unexpected content after the JSON document at line "
                        + at.getLineNr() + ", column " + at.getColumnNr() + " (the document ended at line "
                        + end.getLineNr() + ", column " + end.getColumnNr() + "); a file holds exactly one JSON value");
            }
            return node;
        } catch (java.io.IOException e) {
            if (!(e instanceof JsonProcessingException)) {
                throw new java.io.UncheckedIOException(e);
            }
            return malformed((JsonProcessingException) e, source);
        }
    }

    private static JsonNode malformed(JsonProcessingException e, String source) {
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf('\n');
        if (cut >= 0) {
            msg = msg.substring(0, cut);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        throw new InvalidInstanceException(source + ": malformed JSON" + where + ": " + msg);
    }

    /** Requires an object. */
    public static ObjectNode object(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidInstanceException(path + ": required object is missing");
        }
        if (!node.isObject()) {
            throw new InvalidInstanceException(path + ": must be an object, got " + describe(node));
        }
        return (ObjectNode) node;
    }

    /** Requires an array. */
    public static ArrayNode array(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidInstanceException(path + ": required array is missing");
        }
        if (!node.isArray()) {
            throw new InvalidInstanceException(path + ": must be an array, got " + describe(node));
        }
        return (ArrayNode) node;
    }

    /** The field {@code name} of {@code parent}, required to be an object. */
    public static ObjectNode object(ObjectNode parent, String name, String path) {
        return object(parent.get(name), path + "." + name);
    }

    /** The field {@code name} of {@code parent}, required to be an array. */
    public static ArrayNode array(ObjectNode parent, String name, String path) {
        return array(parent.get(name), path + "." + name);
    }

    /** Rejects fields other than {@code allowed}, so that nothing the user wrote is silently dropped. */
    public static void onlyFields(ObjectNode node, String path, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInstanceException(path + "." + name + ": unknown field; allowed here: "
                        + String.join(", ", new TreeSet<>(allowed))
                        + ". Maybe put free-form data under \"metadata\"");
            }
        }
    }

    /** A required string field. */
    public static String string(ObjectNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidInstanceException(path + "." + name + ": required string is missing");
        }
        if (!node.isTextual()) {
            throw new InvalidInstanceException(path + "." + name + ": must be a string, got " + describe(node));
        }
        return node.asText();
    }

    /** An optional string field. */
    public static String optionalString(ObjectNode parent, String name, String path, String fallback) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        return string(parent, name, path);
    }

    /** A required number field (NaN and infinities are returned for the caller's range check). */
    public static double number(ObjectNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidInstanceException(path + "." + name + ": required number is missing");
        }
        return number(node, path + "." + name);
    }

    /** A number node. */
    public static double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new InvalidInstanceException(path + ": must be a number, got " + describe(node));
        }
        return node.doubleValue();
    }

    /** An optional number field. */
    public static double optionalNumber(ObjectNode parent, String name, String path, double fallback) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        return number(parent, name, path);
    }

    /** Whether {@code parent} has a non-null field {@code name}. */
    public static boolean has(ObjectNode parent, String name) {
        JsonNode node = parent.get(name);
        return node != null && !node.isNull();
    }

    /** A required integer field. */
    public static int integer(ObjectNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidInstanceException(path + "." + name + ": required integer is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInstanceException(path + "." + name + ": must be an integer, got " + describe(node));
        }
        return node.intValue();
    }

    /** The elements of an array field that must hold objects. */
    public static List<ObjectNode> objects(ObjectNode parent, String name, String path) {
        ArrayNode array = array(parent, name, path);
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(object(array.get(i), path + "." + name + "[" + i + "]"));
        }
        return out;
    }

    /** How a value looks in a message: strings quoted, long values cut. */
    public static String describe(JsonNode node) {
        String s;
        if (node.isTextual()) {
            s = "\"" + node.asText() + "\"";
        } else if (node.isArray()) {
            s = "an array";
        } else if (node.isObject()) {
            s = "an object";
        } else {
            s = node.toString();
        }
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
