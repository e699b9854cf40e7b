package org.cleave.workflows.groundtruth;

/**
 * One column of a ground-truth table.
 *
 * @param name the column name: {@code state_index}, {@code state_<axis>}, {@code status},
 *             {@code solver}, {@code objective}, {@code bound}, {@code verified}, {@code certified},
 *             {@code plan_*} or {@code cost_*}; unique within a table
 * @param type the type of its values
 */
public record Column(String name, ColumnType type) {
    public Column {
        if (name == null || name.isEmpty() || type == null) {
            throw new IllegalArgumentException("column: name and type are required, got " + name + " " + type);
        }
    }

    static Column of(String name, ColumnType type) {
        return new Column(name, type);
    }
}
