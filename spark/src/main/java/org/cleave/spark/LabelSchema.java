package org.cleave.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.ColumnType;

/**
 * The Spark schema of a ground-truth table and the conversion of a {@code GroundTruth.Labeller}
 * row into a Spark {@link Row}: {@code INT} → {@code int}, {@code LONG} → {@code bigint},
 * {@code DOUBLE} → {@code double}, {@code STRING} → {@code string}, {@code BOOLEAN} →
 * {@code boolean}, {@code INT_ARRAY} / {@code DOUBLE_ARRAY} / {@code STRING_ARRAY} → arrays of those.
 * Every column is nullable. A NaN or infinite double is written as null, as the single-machine
 * text formats write it (an empty CSV field, JSON {@code null}), so both read back the same.
 */
final class LabelSchema {
    private LabelSchema() {
    }

    /** The Spark type of a column type. */
    static DataType sparkType(ColumnType type) {
        return switch (type) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
            case INT_ARRAY -> DataTypes.createArrayType(DataTypes.IntegerType, true);
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, true);
            case STRING_ARRAY -> DataTypes.createArrayType(DataTypes.StringType, true);
        };
    }

    /** The schema of a table with {@code columns}, in order. */
    static StructType schema(List<Column> columns) {
        List<StructField> fields = new ArrayList<>(columns.size());
        for (Column c : columns) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** {@code values} (a labeller's row, in {@code columns} order) as a Spark row. */
    static Row row(List<Column> columns, List<Object> values) {
        if (values.size() != columns.size()) {
            throw new IllegalStateException("row: " + values.size() + " values for " + columns.size() + " columns");
        }
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(columns.get(i), values.get(i));
        }
        return RowFactory.create(out);
    }

    private static Object value(Column column, Object v) {
        if (v == null) {
            return null;
        }
        return switch (column.type()) {
            case INT -> ((Number) v).intValue();
            case LONG -> ((Number) v).longValue();
            case DOUBLE -> finiteOrNull(((Number) v).doubleValue());
            case STRING -> v.toString();
            case BOOLEAN -> (Boolean) v;
            case INT_ARRAY -> {
                if (v instanceof int[] a) {
                    Integer[] b = new Integer[a.length];
                    for (int k = 0; k < a.length; k++) {
                        b[k] = a[k];
                    }
                    yield b;
                }
                yield ((List<?>) v).stream().map(x -> x == null ? null : ((Number) x).intValue()).toArray(Integer[]::new);
            }
            case DOUBLE_ARRAY -> {
                if (v instanceof double[] a) {
                    Double[] b = new Double[a.length];
                    for (int k = 0; k < a.length; k++) {
                        b[k] = finiteOrNull(a[k]);
                    }
                    yield b;
                }
                yield ((List<?>) v).stream().map(x -> x == null ? null : finiteOrNull(((Number) x).doubleValue()))
                        .toArray(Double[]::new);
            }
            case STRING_ARRAY -> ((List<?>) v).stream().map(x -> x == null ? null : x.toString())
                    .toArray(String[]::new);
        };
    }

    private static Double finiteOrNull(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
