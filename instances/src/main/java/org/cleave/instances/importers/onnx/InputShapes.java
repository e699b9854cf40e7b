package org.cleave.instances.importers.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Concrete shapes for a model's graph inputs, e.g. {@code x=1x3x224x224}; several are separated
 * by commas. Every dimension is a positive integer. {@link #toString()} gives the same syntax back.
 *
 * @param shapes the shape of each named input, in the order given
 */
public record InputShapes(Map<String, long[]> shapes) {
    /** No shapes. */
    public static final InputShapes NONE = new InputShapes(Map.of());

    public InputShapes {
        Map<String, long[]> copy = new LinkedHashMap<>();
        shapes.forEach((k, v) -> copy.put(k, v.clone()));
        shapes = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code NAME=D1xD2x...[,NAME=...]}; {@code null} or blank gives {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the entry when the syntax or a dimension is wrong
     */
    public static InputShapes parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String e = entry.strip();
            int eq = e.lastIndexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("input shape: expected NAME=D1xD2x..., got \"" + e + "\"");
            }
            String name = e.substring(0, eq).strip();
            String[] parts = e.substring(eq + 1).strip().split("x", -1);
            long[] dims = new long[parts.length];
            for (int k = 0; k < parts.length; k++) {
                try {
                    dims[k] = Long.parseLong(parts[k].strip());
                } catch (NumberFormatException ex) {
                    dims[k] = -1;
                }
                if (dims[k] < 1) {
                    throw new IllegalArgumentException("input shape " + name + ": dimension " + k
                            + " must be a positive integer, got \"" + parts[k] + "\"");
                }
            }
            if (shapes.put(name, dims) != null) {
                throw new IllegalArgumentException("input shape: " + name + " given twice");
            }
        }
        return new InputShapes(shapes);
    }

    /** This and {@code other}'s shapes; an input named in both is an error. */
    public InputShapes plus(InputShapes other) {
        Map<String, long[]> m = new LinkedHashMap<>(shapes);
        for (Map.Entry<String, long[]> e : other.shapes.entrySet()) {
            if (m.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalArgumentException("input shape: " + e.getKey() + " given twice");
            }
        }
        return new InputShapes(m);
    }

    /** {@code D1xD2x...}. */
    public static String format(long[] dims) {
        StringJoiner j = new StringJoiner("x");
        for (long d : dims) {
            j.add(Long.toString(d));
        }
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InputShapes other) || other.shapes.size() != shapes.size()) {
            return false;
        }
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long[] d = other.shapes.get(e.getKey());
            if (d == null || !java.util.Arrays.equals(d, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        shapes.forEach((k, v) -> j.add(k + "=" + format(v)));
        return j.toString();
    }
}
