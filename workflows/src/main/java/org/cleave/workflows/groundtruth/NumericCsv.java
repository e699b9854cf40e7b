package org.cleave.workflows.groundtruth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.instances.io.TextFiles;

/**
 * A CSV file of numbers with a header: UTF-8 (read by {@link TextFiles}, 64 MiB cap), comma-separated,
 * no quoting; blank lines and lines starting with {@code #} are skipped; the first other line names
 * the columns (unique, spaces around names dropped); every later line holds one finite number per
 * column. Errors are one line naming the file, the line and the column:
 * {@code trace.csv line 7, column uplink_bps: not a number: 'fast'}. Time and memory O(size).
 *
 * @param source  the file as named in messages
 * @param columns the column values by header name, in header order
 * @param rows    number of data rows, {@code >= 1}
 * @param sha256  hex SHA-256 of the file's text (identifies the contents in run fingerprints)
 */
record NumericCsv(String source, Map<String, double[]> columns, int rows, String sha256) {

    /**
     * Reads {@code file}; {@code field} leads every error message (e.g. {@code trace}).
     *
     * @throws IllegalArgumentException for an unreadable or malformed file
     */
    static NumericCsv read(String field, Path file) {
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
        return parse(field, file.toString(), text);
    }

    /** Parses {@code text}; {@code source} names it in messages. */
    static NumericCsv parse(String field, String source, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<String> names = null;
        List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (names == null) {
                names = new ArrayList<>();
                for (String c : cells) {
                    String name = c.strip();
                    if (name.isEmpty()) {
                        throw new IllegalArgumentException(field + ": " + source + " line " + (n + 1) + ": empty column"
                                + " name in the header");
                    }
                    if (names.contains(name)) {
                        throw new IllegalArgumentException(field + ": " + source + " line " + (n + 1) + ": column "
                                + name + " appears twice in the header");
                    }
                    names.add(name);
                }
                continue;
            }
            if (cells.length != names.size()) {
                throw new IllegalArgumentException(field + ": " + source + " line " + (n + 1) + ": expected "
                        + names.size() + " columns (" + String.join(",", names) + "), got " + cells.length);
            }
            double[] row = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                String cell = cells[k].strip();
                try {
                    row[k] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    row[k] = Double.NaN;
                }
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException(field + ": " + source + " line " + (n + 1) + ", column "
                            + names.get(k) + ": not a finite number: '" + cell + "'");
                }
            }
            rows.add(row);
        }
        if (names == null) {
            throw new IllegalArgumentException(field + ": " + source + ": empty file, expected a header line");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(field + ": " + source + ": no rows after the header");
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            double[] c = new double[rows.size()];
            for (int r = 0; r < c.length; r++) {
                c[r] = rows.get(r)[k];
            }
            columns.put(names.get(k), c);
        }
        return new NumericCsv(source, columns, rows.size(), sha256(text));
    }

    /**
     * The values of column {@code name}, each checked by {@code check} (null: any finite number);
     * {@code what} describes the accepted range in the message.
     */
    double[] column(String field, String name, java.util.function.DoublePredicate check, String what) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(field + ": " + source + ": no column " + name + "; columns: "
                    + String.join(", ", columns.keySet()));
        }
        if (check != null) {
            for (int r = 0; r < c.length; r++) {
                if (!check.test(c[r])) {
                    throw new IllegalArgumentException(field + ": " + source + " data row " + (r + 1) + ", column "
                            + name + ": " + what + ", got " + c[r]);
                }
            }
        }
        return c.clone();
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
