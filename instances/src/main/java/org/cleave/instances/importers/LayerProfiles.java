package org.cleave.instances.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;

/**
 * Measured layer profiles in CSV or JSON, one row (object) per layer with the columns
 * {@value #HEADER}:
 * <ul>
 *   <li>{@code id} unique layer id; {@code name} a display name (may be empty);</li>
 *   <li>{@code predecessors} ids of the layers whose output it consumes, separated by {@code ;}
 *       in CSV (a JSON array in JSON); the first row is the input vertex and has none;</li>
 *   <li>{@code flops} FLOPs, {@code outputBytes} and {@code paramBytes} in bytes;</li>
 *   <li>{@code measuredDeviceSeconds}, {@code measuredEdgeSeconds}: measured forward time in
 *       seconds on each tier; empty (absent) means "estimate from FLOPs". A measured time
 *       overrides the FLOP-based estimate ({@link org.cleave.core.model.Device#seconds}).</li>
 * </ul>
 * CSV: a header line with exactly these column names, comma-separated, no quoting (ids and names
 * must not contain commas); blank lines and lines starting with {@code #} are skipped. Errors name
 * the file, line (or JSON path) and column. JSON: {@code {"source": "...", "layers": [...]}}.
 */
public final class LayerProfiles {
    /** The CSV header. */
    public static final String HEADER =
            "id,name,predecessors,flops,outputBytes,paramBytes,measuredDeviceSeconds,measuredEdgeSeconds";
    private static final String[] COLUMNS = HEADER.split(",");
    private static final Set<String> JSON_LAYER_FIELDS = Set.of(COLUMNS);

    private record Row(String where, String id, String name, List<String> predecessors, Layer layer) {
    }

    private LayerProfiles() {
    }

    /** Reads a profile file, CSV or JSON by its extension ({@code .csv} or {@code .json}). */
    public static ProfiledModel read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInstanceException(file + ": cannot read: " + e.getMessage());
        }
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return readCsv(text, file.toString());
        }
        if (lower.endsWith(".json")) {
            return readJson(text, file.toString());
        }
        throw new InvalidInstanceException(file + ": unknown profile format; use a .csv or .json file");
    }

    /** Reads CSV text; {@code source} names it in messages and in the result. */
    public static ProfiledModel readCsv(String text, String source) {
        List<String> lines = text.lines().toList();
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new InvalidInstanceException(source + ": empty profile, expected the header " + HEADER);
        }
        String header = lines.get(headerLine).strip();
        if (!header.equals(HEADER)) {
            throw new InvalidInstanceException(source + ":" + (headerLine + 1) + ": header must be " + HEADER
                    + ", got " + header);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            String[] cells = line.split(",", -1);
            if (cells.length != COLUMNS.length) {
                throw new InvalidInstanceException(where + ": expected " + COLUMNS.length + " columns, got "
                        + cells.length);
            }
            List<String> preds = new ArrayList<>();
            for (String p : cells[2].split(";")) {
                if (!p.isBlank()) {
                    preds.add(p.strip());
                }
            }
            String id = cells[0].strip();
            Layer layer = ModelJson.at(where, () -> new Layer(id, number(where, COLUMNS[3], cells[3]),
                    number(where, COLUMNS[4], cells[4]), number(where, COLUMNS[5], cells[5]),
                    optional(where, COLUMNS[6], cells[6]), optional(where, COLUMNS[7], cells[7])));
            rows.add(new Row(where, id, cells[1].strip(), preds, layer));
        }
        return build(rows, source);
    }

    private static double number(String where, String column, String cell) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInstanceException(where + "." + column + ": must be a number, got \"" + cell + "\"");
        }
    }

    private static OptionalDouble optional(String where, String column, String cell) {
        return cell.isBlank() ? OptionalDouble.empty() : OptionalDouble.of(number(where, column, cell));
    }

    /** Reads JSON text; {@code source} names it in messages. */
    public static ProfiledModel readJson(String text, String source) {
        ObjectNode root = Json.object(Json.parse(text, source), "$");
        Json.onlyFields(root, "$", Set.of("source", "layers"));
        String declared = Json.optionalString(root, "source", "$", source);
        List<ObjectNode> layers = Json.objects(root, "layers", "$");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            ObjectNode l = layers.get(i);
            String p = "$.layers[" + i + "]";
            Json.onlyFields(l, p, JSON_LAYER_FIELDS);
            String id = Json.string(l, "id", p);
            List<String> preds = new ArrayList<>();
            if (Json.has(l, "predecessors")) {
                int k = 0;
                for (JsonNode n : Json.array(l, "predecessors", p)) {
                    if (!n.isTextual()) {
                        throw new InvalidInstanceException(p + ".predecessors[" + k + "]: must be a layer id string,"
                                + " got " + Json.describe(n));
                    }
                    preds.add(n.asText());
                    k++;
                }
            }
            double flops = Json.number(l, "flops", p);
            double out = Json.number(l, "outputBytes", p);
            double params = Json.optionalNumber(l, "paramBytes", p, 0);
            OptionalDouble dev = Json.has(l, "measuredDeviceSeconds")
                    ? OptionalDouble.of(Json.number(l, "measuredDeviceSeconds", p)) : OptionalDouble.empty();
            OptionalDouble edge = Json.has(l, "measuredEdgeSeconds")
                    ? OptionalDouble.of(Json.number(l, "measuredEdgeSeconds", p)) : OptionalDouble.empty();
            Layer layer = ModelJson.at(p, () -> new Layer(id, flops, out, params, dev, edge));
            rows.add(new Row(p, id, Json.optionalString(l, "name", p, ""), preds, layer));
        }
        return build(rows, declared);
    }

    private static ProfiledModel build(List<Row> rows, String source) {
        if (rows.isEmpty()) {
            throw new InvalidInstanceException(source + ": no layers; the first row must be the input vertex");
        }
        if (!rows.get(0).predecessors().isEmpty()) {
            throw new InvalidInstanceException(rows.get(0).where() + ".predecessors: the first row is the input"
                    + " vertex and must have none, got " + rows.get(0).predecessors());
        }
        DnnGraph.Builder b = DnnGraph.builder();
        Map<String, String> names = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Row r : rows) {
            if (!ids.add(r.id())) {
                throw new InvalidInstanceException(r.where() + ".id: duplicate id \"" + r.id() + "\"");
            }
            b.addLayer(r.layer());
            names.put(r.id(), r.name().isEmpty() ? r.id() : r.name());
        }
        for (Row r : rows) {
            for (String p : r.predecessors()) {
                if (!ids.contains(p)) {
                    throw new InvalidInstanceException(r.where() + ".predecessors: unknown layer id \"" + p + "\"");
                }
                b.addArc(p, r.id());
            }
        }
        return new ProfiledModel(ModelJson.at(source, b::build), names, source);
    }

    /** The graph as CSV in this format (names = ids), e.g. to hand-edit measured times. */
    public static String toCsv(DnnGraph graph) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (int v = 0; v < graph.size(); v++) {
            Layer l = graph.layer(v);
            List<String> preds = new ArrayList<>();
            for (int k = 0; k < graph.inDegree(v); k++) {
                preds.add(graph.layer(graph.predecessor(v, k)).id());
            }
            s.append(l.id()).append(',').append(l.id()).append(',').append(String.join(";", preds)).append(',')
                    .append(l.flops()).append(',').append(l.outputBytes()).append(',').append(l.paramBytes())
                    .append(',').append(l.measuredDeviceSeconds().isPresent()
                            ? String.valueOf(l.measuredDeviceSeconds().getAsDouble()) : "")
                    .append(',').append(l.measuredEdgeSeconds().isPresent()
                            ? String.valueOf(l.measuredEdgeSeconds().getAsDouble()) : "")
                    .append('\n');
        }
        return s.toString();
    }
}
