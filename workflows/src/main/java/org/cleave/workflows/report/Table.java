package org.cleave.workflows.report;

import java.util.List;
import java.util.Locale;

/**
 * Row formatting shared by the workflows' outputs, so that pandas, R and Spark read them without
 * options: CSV per RFC 4180 with one header line, comma separators, double quotes where needed and
 * an empty field for a missing number; JSON Lines with one object per line and {@code null} for a
 * missing number. Numbers are written with {@link Double#toString(double)}: locale-free and
 * round-trip exact. A {@code double[]} value (a per-user vector) is a JSON array in JSON Lines and
 * the same JSON text as one CSV field, quoted per RFC 4180 when it holds a comma (as
 * {@code groundtruth}'s array columns, {@code LabelFormat}); a non-finite element is {@code null}.
 */
public enum Table {
    CSV("csv"),
    JSONL("jsonl");

    private final String extension;

    Table(String extension) {
        this.extension = extension;
    }

    /** File extension without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named {@code name} ({@code csv} or {@code jsonl}). */
    public static Table parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl", "json" -> JSONL;
            default -> throw new IllegalArgumentException("format: expected csv or jsonl, got '" + name + "'");
        };
    }

    /** The header line (with its newline), empty for JSON Lines. */
    public String header(List<String> columns) {
        if (this == JSONL) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(csvField(columns.get(i)));
        }
        return b.append('\n').toString();
    }

    /** One row (with its newline). */
    public String row(List<String> columns, List<?> values) {
        StringBuilder b = new StringBuilder();
        if (this == CSV) {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object v = values.get(i);
                b.append(v instanceof String s ? csvField(s) : v instanceof double[] a ? csvField(array(a))
                        : number(v, ""));
            }
        } else {
            b.append('{');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(jsonString(columns.get(i))).append(':');
                Object v = values.get(i);
                b.append(v instanceof String s ? jsonString(s) : v instanceof double[] a ? array(a)
                        : number(v, "null"));
            }
            b.append('}');
        }
        return b.append('\n').toString();
    }

    private static String number(Object v, String missing) {
        if (v == null) {
            return missing;
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : missing;
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? f.toString() : missing;
        }
        if (v instanceof Boolean bool) {
            return bool.toString();
        }
        return v.toString();
    }

    private static String array(double[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Double.isFinite(a[i]) ? Double.toString(a[i]) : "null");
        }
        return b.append(']').toString();
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
