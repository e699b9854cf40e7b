package org.cleave.profiler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile CSV: UTF-8, {@code \n} line ends, {@code # key: value} header lines in a fixed order
 * ({@code cleave-profile}, {@code model}, {@code modelSha256}, {@code inputShapes}, {@code runs},
 * {@code warmup}, {@code threads}, {@code machine}, {@code date}), then the column line
 * {@value #COLUMNS} and one row per node. Seconds and bytes are written with
 * {@link Double#toString(double)} and {@link Long#toString(long)}; a node id holding a comma, quote
 * or line break is quoted (RFC 4180).
 */
public final class ProfileCsv {
    /** The format version written in the first line. */
    public static final int FORMAT_VERSION = 1;
    /** The first line's prefix, which identifies a Cleave profile. */
    public static final String MAGIC = "# cleave-profile: ";
    /** The column line. */
    public static final String COLUMNS =
            "node,opType,runs,medianSeconds,q1Seconds,q3Seconds,minSeconds,maxSeconds,outputBytes";
    private static final List<String> KEYS =
            List.of("cleave-profile", "model", "modelSha256", "inputShapes", "runs", "warmup", "threads", "machine",
                    "date");

    private ProfileCsv() {
    }

    /** The CSV text of {@code profile}. */
    public static String format(NodeProfile profile) {
        StringBuilder b = new StringBuilder();
        b.append(MAGIC).append(FORMAT_VERSION).append('\n');
        header(b, "model", profile.model());
        header(b, "modelSha256", profile.modelSha256());
        header(b, "inputShapes", profile.inputShapesText());
        header(b, "runs", Integer.toString(profile.runs()));
        header(b, "warmup", Integer.toString(profile.warmup()));
        header(b, "threads", Integer.toString(profile.threads()));
        header(b, "machine", profile.machine());
        header(b, "date", profile.date().toString());
        b.append(COLUMNS).append('\n');
        for (NodeTiming n : profile.nodes()) {
            b.append(quote(n.node())).append(',').append(quote(n.opType())).append(',')
                    .append(n.runs()).append(',')
                    .append(Double.toString(n.medianSeconds())).append(',')
                    .append(Double.toString(n.q1Seconds())).append(',')
                    .append(Double.toString(n.q3Seconds())).append(',')
                    .append(Double.toString(n.minSeconds())).append(',')
                    .append(Double.toString(n.maxSeconds())).append(',')
                    .append(Long.toString(n.outputBytes())).append('\n');
        }
        return b.toString();
    }

    /**
     * Writes {@code profile} to {@code target} atomically: into a temporary file beside it, then moved
     * over it. An existing {@code target} is replaced only if it is a Cleave profile (its first line
     * starts with {@value #MAGIC}).
     *
     * @throws IllegalArgumentException if {@code target} exists and is not a Cleave profile, or cannot
     *                                  be written
     */
    public static void write(NodeProfile profile, Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("output: " + target + " is a directory");
        }
        if (Files.exists(absolute) && !isProfile(absolute)) {
            throw new IllegalArgumentException("output: " + target + " exists and is not a Cleave profile (its first"
                    + " line does not start with '" + MAGIC.strip() + "'); not overwritten");
        }
        Path temp = null;
        try {
            temp = org.cleave.instances.io.AtomicWrites.createSibling(absolute);
            Files.writeString(temp, format(profile), StandardCharsets.UTF_8);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("output: cannot write " + target + " (" + e.getClass().getSimpleName()
                    + ": " + OnnxGraphNodes.firstLine(e.getMessage()) + ")");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort: the temporary file was already moved or never written
                }
            }
        }
    }

    /** Whether {@code file}'s first line marks it as a Cleave profile. */
    public static boolean isProfile(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(MAGIC);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Reads a profile file (see {@link #parse(String, String)}). */
    public static NodeProfile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("profile: cannot read " + file + " (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /**
     * Parses profile CSV text. The result has seed {@code -1}, wall time zero and no output shapes,
     * which the CSV does not carry.
     *
     * @param source named in error messages
     */
    public static NodeProfile parse(String text, String source) {
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String key : KEYS) {
                String line = r.readLine();
                String prefix = "# " + key + ": ";
                if (line == null || !line.startsWith(prefix)) {
                    throw new IllegalArgumentException("profile " + source + ": header line '" + prefix.strip()
                            + "' expected, got " + (line == null ? "end of file" : "'" + line + "'"));
                }
                headers.put(key, line.substring(prefix.length()));
            }
            if (!Integer.toString(FORMAT_VERSION).equals(headers.get("cleave-profile"))) {
                throw new IllegalArgumentException("profile " + source + ": cleave-profile version "
                        + headers.get("cleave-profile") + " is not supported (expected " + FORMAT_VERSION + ")");
            }
            String columns = r.readLine();
            if (!COLUMNS.equals(columns)) {
                throw new IllegalArgumentException("profile " + source + ": column line '" + COLUMNS + "' expected,"
                        + " got '" + columns + "'");
            }
            List<NodeTiming> rows = new ArrayList<>();
            int lineNo = KEYS.size() + 1;
            for (List<String> fields = record(r); fields != null; fields = record(r)) {
                lineNo++;
                if (fields.size() != 9) {
                    throw new IllegalArgumentException("profile " + source + ": row " + lineNo + " has "
                            + fields.size() + " fields, expected 9");
                }
                try {
                    rows.add(new NodeTiming(fields.get(0), fields.get(1), Integer.parseInt(fields.get(2)),
                            Double.parseDouble(fields.get(3)), Double.parseDouble(fields.get(4)),
                            Double.parseDouble(fields.get(5)), Double.parseDouble(fields.get(6)),
                            Double.parseDouble(fields.get(7)), Long.parseLong(fields.get(8)), List.of()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("profile " + source + ": row " + lineNo + " (node "
                            + fields.get(0) + "): not a number: " + OnnxGraphNodes.firstLine(e.getMessage()));
                }
            }
            return new NodeProfile(headers.get("model"), headers.get("modelSha256"),
                    parseShapes(headers.get("inputShapes"), source), Integer.parseInt(headers.get("runs")),
                    Integer.parseInt(headers.get("warmup")), Integer.parseInt(headers.get("threads")), -1,
                    headers.get("machine"), Instant.parse(headers.get("date")), Duration.ZERO, rows);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("profile " + source + ": bad header value ("
                    + OnnxGraphNodes.firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("profile " + source + ": " + e.getMessage());
        }
    }

    private static Map<String, long[]> parseShapes(String text, String source) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return shapes;
        }
        for (String part : text.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("profile " + source + ": inputShapes entry '" + part
                        + "' is not NAME=1x3x224x224");
            }
            String dims = part.substring(eq + 1);
            long[] shape = dims.isEmpty() ? new long[0]
                    : java.util.Arrays.stream(dims.split("x", -1)).mapToLong(Long::parseLong).toArray();
            shapes.put(part.substring(0, eq), shape);
        }
        return shapes;
    }

    /** The fields of the next CSV record (RFC 4180 quoting), or null at the end. */
    private static List<String> record(BufferedReader r) throws IOException {
        int c = r.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IllegalArgumentException("profile: unterminated quoted field '" + field + "'");
                }
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        r.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c < 0) {
                fields.add(field.toString());
                return fields;
            } else if (c != '\r') {
                field.append((char) c);
            }
            c = r.read();
        }
    }

    private static void header(StringBuilder b, String key, String value) {
        b.append("# ").append(key).append(": ").append(value).append('\n');
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
