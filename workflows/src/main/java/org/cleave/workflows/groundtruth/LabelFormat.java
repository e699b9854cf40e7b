package org.cleave.workflows.groundtruth;

import java.util.IdentityHashMap;
import java.util.List;
import org.cleave.workflows.report.Table;

/**
 * Writes ground-truth rows (the typed values of a {@link GroundTruth.Labeller}) as CSV or JSON Lines
 * text, so that pandas ({@code pd.read_csv(f)}, {@code pd.read_json(f, lines=True)}) and Python's
 * {@code csv} and {@code json} modules read them with no options and lose nothing.
 *
 * <ul>
 * <li>Integers ({@code INT}, {@code LONG}) as plain decimal integers, never {@code 3.0}.</li>
 * <li>Doubles with {@link Double#toString(double)} (round-trip exact, {@code 1.0E-5} exponents);
 *     NaN, infinities and {@code null} as an empty CSV field or JSON {@code null}.</li>
 * <li>Booleans as {@code true} / {@code false}.</li>
 * <li>Arrays: in JSON Lines a JSON array; in CSV the same JSON text as one field, quoted per
 *     RFC 4180 when it holds a comma or a quote ({@code "[0,1,1]"}, {@code "[""a"",""b""]"}).
 *     pandas reads such a column as strings (a leading {@code [} is never a number), and
 *     {@code json.loads} gives the list back, so an edge mask keeps its length and leading zeros.</li>
 * <li>Strings: JSON strings; CSV fields quoted only where needed.</li>
 * </ul>
 *
 * <p>One instance per table; {@link #appendRow} is allocation-light (no {@code String.format}) and
 * may be called from many threads at once (the instance is immutable).
 */
public final class LabelFormat {
    private final Table table;
    private final List<Column> columns;
    private final char[][] keys;

    /** A formatter of rows with {@code columns} in {@code table}'s format. */
    public LabelFormat(Table table, List<Column> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keys = new char[this.columns.size()][];
        for (int i = 0; i < keys.length; i++) {
            StringBuilder b = new StringBuilder();
            if (i > 0) {
                b.append(',');
            }
            jsonString(b, this.columns.get(i).name());
            b.append(':');
            keys[i] = b.toString().toCharArray();
        }
    }

    /** The columns. */
    public List<Column> columns() {
        return columns;
    }

    /** The header line (with its newline); empty for JSON Lines. */
    public String header() {
        if (table == Table.JSONL) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            csvField(b, columns.get(i).name());
        }
        return b.append('\n').toString();
    }

    /** Appends one row (with its newline) to {@code b}; {@code values} in column order. */
    public void appendRow(StringBuilder b, List<?> values) {
        appendRow(b, values, 0, 0, null);
    }

    /**
     * As {@link #appendRow(StringBuilder, List)}, and records in {@code span} (when not null) the
     * offsets in {@code b} where the text of columns {@code from} (inclusive) to {@code to}
     * (exclusive) begins and ends, separators included: a key for equal values of those columns.
     */
    public void appendRow(StringBuilder b, List<?> values, int from, int to, int[] span) {
        appendRow(b, values, from, to, span, null);
    }

    /**
     * A thread-confined memo of the text of array values, by identity: a labeller returns the same
     * array objects for the same plan, so each plan's masks are formatted once (while it is among the
     * last {@value #CAPACITY} array objects memoised; then the memo starts over). Also holds a caller's
     * texts keyed by object identity ({@link #key}, same rule).
     */
    public static final class ArrayCache {
        /** Objects memoised at most. */
        public static final int CAPACITY = 1024;
        private final IdentityHashMap<Object, String> text = new IdentityHashMap<>();
        private final IdentityHashMap<Object, String> keys = new IdentityHashMap<>();
        /** The doubles of the current row already written: bits and where their text is in the builder. */
        private final long[] doubleBits = new long[8];
        private final int[] doubleFrom = new int[8];
        private final int[] doubleTo = new int[8];
        private int doubles;
        private char[] scratch = new char[32];

        /** An empty memo for rows of {@code columns} columns. */
        public ArrayCache(int columns) {
        }

        /** The text stored for {@code o} with {@link #putKey}, or null. */
        public String key(Object o) {
            return keys.get(o);
        }

        /** Stores {@code key} for object {@code o} (by identity). */
        public void putKey(Object o, String key) {
            if (keys.size() >= CAPACITY) {
                keys.clear();
            }
            keys.put(o, key);
        }
    }

    /**
     * As {@link #appendRow(StringBuilder, List, int, int, int[])}, reusing the text of an array value
     * that is the very object of an earlier row's (identity, not equality: arrays must not be
     * changed once returned) when {@code cache} is not null. One cache serves one table format
     * (the text differs between CSV and JSON Lines).
     */
    public void appendRow(StringBuilder b, List<?> values, int from, int to, int[] span, ArrayCache cache) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException("row: " + values.size() + " values for " + columns.size() + " columns");
        }
        boolean json = table == Table.JSONL;
        if (json) {
            b.append('{');
        }
        if (cache != null) {
            cache.doubles = 0;
        }
        for (int i = 0; i < keys.length; i++) {
            if (span != null && i == from) {
                span[0] = b.length();
            }
            if (span != null && i == to) {
                span[1] = b.length();
            }
            if (json) {
                b.append(keys[i]);
            } else if (i > 0) {
                b.append(',');
            }
            Object v = values.get(i);
            if (cache != null && v != null && columns.get(i).type() == ColumnType.DOUBLE) {
                appendDouble(b, ((Number) v).doubleValue(), json, cache);
            } else if (cache != null && v != null && isArray(columns.get(i).type())) {
                String t = cache.text.get(v);
                if (t == null) {
                    StringBuilder tb = new StringBuilder();
                    value(tb, columns.get(i), v, json);
                    t = tb.toString();
                    if (cache.text.size() >= ArrayCache.CAPACITY) {
                        cache.text.clear();
                    }
                    cache.text.put(v, t);
                }
                b.append(t);
            } else {
                value(b, columns.get(i), v, json);
            }
        }
        if (span != null && to >= keys.length) {
            span[1] = b.length();
        }
        if (json) {
            b.append('}');
        }
        b.append('\n');
    }

    /**
     * A double as {@link #value} writes it, copying the text of an equal double written earlier in
     * the row (objective, bound and a cost column are often the same number) instead of formatting
     * it again.
     */
    private static void appendDouble(StringBuilder b, double d, boolean json, ArrayCache cache) {
        if (!Double.isFinite(d)) {
            if (json) {
                b.append("null");
            }
            return;
        }
        long bits = Double.doubleToRawLongBits(d);
        for (int k = 0; k < cache.doubles; k++) {
            if (cache.doubleBits[k] == bits) {
                int from = cache.doubleFrom[k];
                int len = cache.doubleTo[k] - from;
                if (cache.scratch.length < len) {
                    cache.scratch = new char[len];
                }
                b.getChars(from, from + len, cache.scratch, 0);
                b.append(cache.scratch, 0, len);
                return;
            }
        }
        int from = b.length();
        b.append(d);
        if (cache.doubles < cache.doubleBits.length) {
            int k = cache.doubles++;
            cache.doubleBits[k] = bits;
            cache.doubleFrom[k] = from;
            cache.doubleTo[k] = b.length();
        }
    }

    /** One row as a string (with its newline). */
    public String row(List<?> values) {
        StringBuilder b = new StringBuilder(256);
        appendRow(b, values);
        return b.toString();
    }

    private static void value(StringBuilder b, Column c, Object v, boolean json) {
        if (v == null) {
            if (json) {
                b.append("null");
            }
            return;
        }
        switch (c.type()) {
            case INT, LONG -> b.append(((Number) v).longValue());
            case DOUBLE -> {
                double d = ((Number) v).doubleValue();
                if (Double.isFinite(d)) {
                    b.append(d);
                } else if (json) {
                    b.append("null");
                }
            }
            case BOOLEAN -> b.append(((Boolean) v).booleanValue());
            case STRING -> {
                if (json) {
                    jsonString(b, (String) v);
                } else {
                    csvField(b, (String) v);
                }
            }
            case INT_ARRAY, DOUBLE_ARRAY, STRING_ARRAY -> {
                boolean quote = !json && needsCsvQuotes(c.type(), v);
                if (quote) {
                    b.append('"');
                }
                array(b, c, v, quote);
                if (quote) {
                    b.append('"');
                }
            }
        }
    }

    private static boolean isArray(ColumnType t) {
        return t == ColumnType.INT_ARRAY || t == ColumnType.STRING_ARRAY || t == ColumnType.DOUBLE_ARRAY;
    }

    private static boolean needsCsvQuotes(ColumnType type, Object v) {
        int n = v instanceof int[] a ? a.length : v instanceof double[] d ? d.length : ((List<?>) v).size();
        return n > 1 || type == ColumnType.STRING_ARRAY && n > 0;
    }

    private static void array(StringBuilder b, Column c, Object v, boolean csvQuoted) {
        b.append('[');
        if (v instanceof int[] a) {
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(a[i]);
            }
        } else if (v instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                finiteOrNull(b, a[i]);
            }
        } else {
            List<?> list = (List<?>) v;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object x = list.get(i);
                if (x == null) {
                    b.append("null");
                } else if (c.type() == ColumnType.STRING_ARRAY) {
                    if (csvQuoted) {
                        StringBuilder s = new StringBuilder();
                        jsonString(s, (String) x);
                        for (int k = 0; k < s.length(); k++) {
                            char ch = s.charAt(k);
                            b.append(ch);
                            if (ch == '"') {
                                b.append('"');
                            }
                        }
                    } else {
                        jsonString(b, (String) x);
                    }
                } else if (c.type() == ColumnType.INT_ARRAY) {
                    b.append(((Number) x).longValue());
                } else {
                    finiteOrNull(b, ((Number) x).doubleValue());
                }
            }
        }
        b.append(']');
    }

    private static void finiteOrNull(StringBuilder b, double d) {
        if (Double.isFinite(d)) {
            b.append(d);
        } else {
            b.append("null");
        }
    }

    private static void csvField(StringBuilder b, String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            b.append(s);
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c);
            if (c == '"') {
                b.append('"');
            }
        }
        b.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
