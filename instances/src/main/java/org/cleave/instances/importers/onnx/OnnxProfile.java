package org.cleave.instances.importers.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.instances.io.InvalidInstanceException;

/**
 * A measured per-node profile as {@code cleave profile} writes it: {@code # key: value} header
 * lines ({@code cleave-profile}, {@code model}, {@code modelSha256}, {@code inputShapes},
 * {@code runs}, {@code warmup}, {@code threads}, {@code machine}, {@code date}), then the columns
 * {@value #COLUMNS}, one row per node ONNX Runtime executed. Seconds are per run (kernel time);
 * {@code outputBytes} is the sum over the node's outputs. Node ids may be quoted (RFC 4180).
 *
 * @param source   the file, for messages
 * @param header   the header entries in file order
 * @param rows     the rows by node id, in file order
 */
public record OnnxProfile(String source, Map<String, String> header, Map<String, Row> rows) {
    /** The column header. */
    public static final String COLUMNS =
            "node,opType,runs,medianSeconds,q1Seconds,q3Seconds,minSeconds,maxSeconds,outputBytes";

    /**
     * One node's measurements.
     *
     * @param node          canonical node id
     * @param opType        its operator
     * @param runs          timed runs
     * @param medianSeconds median kernel time per run
     * @param q1Seconds     first quartile
     * @param q3Seconds     third quartile
     * @param minSeconds    minimum
     * @param maxSeconds    maximum
     * @param outputBytes   bytes of its outputs
     */
    public record Row(String node, String opType, long runs, double medianSeconds, double q1Seconds,
                      double q3Seconds, double minSeconds, double maxSeconds, long outputBytes) {
    }

    public OnnxProfile {
        header = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header));
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** The header value of {@code key}, "" when absent. */
    public String get(String key) {
        return header.getOrDefault(key, "");
    }

    /** Reads a profile file. */
    public static OnnxProfile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInstanceException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses profile text; {@code source} names it in messages. */
    public static OnnxProfile parse(String text, String source) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        boolean columns = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String where = source + ":" + (i + 1);
            if (line.isBlank()) {
                continue;
            }
            if (!columns && line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new InvalidInstanceException(where + ": a header line must be \"# key: value\", got \""
                            + line + "\"");
                }
                header.put(line.substring(1, colon).strip(), line.substring(colon + 1).strip());
                continue;
            }
            if (!columns) {
                if (!line.strip().equals(COLUMNS)) {
                    throw new InvalidInstanceException(where + ": the column header must be " + COLUMNS + ", got \""
                            + line + "\"");
                }
                if (!header.containsKey("cleave-profile")) {
                    throw new InvalidInstanceException(source + ": cleave-profile: the header line"
                            + " \"# cleave-profile: 1\" is missing; is this a profile written by cleave profile?");
                }
                columns = true;
                continue;
            }
            List<String> cells = cells(line, where);
            if (cells.size() != 9) {
                throw new InvalidInstanceException(where + ": expected 9 columns, got " + cells.size());
            }
            Row r = new Row(cells.get(0), cells.get(1), (long) number(where, "runs", cells.get(2)),
                    seconds(where, "medianSeconds", cells.get(3)), seconds(where, "q1Seconds", cells.get(4)),
                    seconds(where, "q3Seconds", cells.get(5)), seconds(where, "minSeconds", cells.get(6)),
                    seconds(where, "maxSeconds", cells.get(7)), (long) number(where, "outputBytes", cells.get(8)));
            if (rows.put(r.node(), r) != null) {
                throw new InvalidInstanceException(where + ".node: duplicate node \"" + r.node() + "\"");
            }
        }
        if (!columns) {
            throw new InvalidInstanceException(source + ": no column header " + COLUMNS + "; not a profile CSV");
        }
        return new OnnxProfile(source, header, rows);
    }

    private static double seconds(String where, String column, String cell) {
        double v = number(where, column, cell);
        if (v < 0) {
            throw new InvalidInstanceException(where + "." + column + ": must be >= 0, got " + cell);
        }
        return v;
    }

    private static double number(String where, String column, String cell) {
        try {
            double v = Double.parseDouble(cell.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInstanceException(where + "." + column + ": must be a finite number, got \"" + cell
                    + "\"");
        }
    }

    /** The cells of one CSV line, with RFC 4180 quoting. */
    static List<String> cells(String line, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInstanceException(where + ": unterminated quoted cell");
        }
        out.add(cell.toString());
        return out;
    }
}
