package org.cleave.workflows.groundtruth;

/**
 * The type of a ground-truth column, and so of the values a {@link GroundTruth.Labeller} returns for
 * it: {@code INT} an {@link Integer}, {@code LONG} a {@link Long}, {@code DOUBLE} a {@link Double},
 * {@code STRING} a {@link String}, {@code BOOLEAN} a {@link Boolean}, {@code INT_ARRAY} an
 * {@code int[]} or a {@code List<Integer>}, {@code STRING_ARRAY} a {@code List<String>},
 * {@code DOUBLE_ARRAY} a {@code double[]} or a {@code List<Double>}; any of them may be {@code null}
 * (no plan, or a column that does not apply). In JSON Lines arrays are JSON arrays; in CSV they are
 * the JSON text of the array (quoted per RFC 4180 where it holds a comma or a quote), which pandas
 * reads as a string and {@code json.loads} turns back into the list.
 */
public enum ColumnType {
    INT, LONG, DOUBLE, STRING, BOOLEAN, INT_ARRAY, STRING_ARRAY, DOUBLE_ARRAY
}
