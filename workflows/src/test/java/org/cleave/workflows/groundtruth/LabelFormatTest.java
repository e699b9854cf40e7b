package org.cleave.workflows.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Test;

/**
 * {@link LabelFormat}'s memoised path (an {@link LabelFormat.ArrayCache}: array texts by identity,
 * equal doubles of a row copied) writes exactly the text of the plain path and of
 * {@link Double#toString(double)}.
 */
class LabelFormatTest {
    private static final List<Column> COLUMNS = List.of(new Column("state_index", ColumnType.INT),
            new Column("a", ColumnType.DOUBLE), new Column("b", ColumnType.DOUBLE), new Column("ok", ColumnType.BOOLEAN),
            new Column("mask", ColumnType.INT_ARRAY), new Column("names", ColumnType.STRING_ARRAY),
            new Column("c", ColumnType.DOUBLE), new Column("d", ColumnType.DOUBLE), new Column("e", ColumnType.DOUBLE));

    private static final double[] EDGE_CASES = {0.0, -0.0, 1.0, 3.0, -2.0, 1e-7, 1e-3, 0.001, 1e7, 1e21, 1e22,
        123456789.125, 2e23, 4.35, 0.1 + 0.2, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1e-300,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Test
    void memoisedRowsAreThePlainRowsInBothFormats() {
        SplittableRandom rng = new SplittableRandom(4);
        for (Table table : new Table[] {Table.JSONL, Table.CSV}) {
            LabelFormat f = new LabelFormat(table, COLUMNS);
            LabelFormat.ArrayCache cache = new LabelFormat.ArrayCache(COLUMNS.size());
            int[][] masks = {{0, 1, 1}, {0, 0, 1}, {0}};
            List<List<String>> names = List.of(List.of("a", "b,\"c\""), List.of(), List.of("x"));
            StringBuilder memo = new StringBuilder();
            StringBuilder plain = new StringBuilder();
            for (int row = 0; row < 3_000; row++) {
                List<Object> v = new ArrayList<>();
                v.add(row);
                for (int k = 0; k < 5; k++) {
                    if (k == 2) {
                        v.add(rng.nextBoolean());
                        v.add(masks[rng.nextInt(masks.length)]); // the same objects again and again
                        v.add(names.get(rng.nextInt(names.size())));
                    }
                    double d = switch (rng.nextInt(4)) {
                        case 0 -> EDGE_CASES[rng.nextInt(EDGE_CASES.length)];
                        case 1 -> v.size() > 1 && v.get(1) != null ? (Double) v.get(1) : 0.5; // equal to column a
                        case 2 -> Math.exp(rng.nextDouble() * 80 - 40);
                        default -> rng.nextInt(1000) / 8.0;
                    };
                    v.add(rng.nextInt(20) == 0 ? null : d);
                }
                int before = memo.length();
                f.appendRow(memo, v, 4, 6, new int[2], cache);
                f.appendRow(plain, v, 4, 6, new int[2], null);
                assertEquals(plain.toString(), memo.toString(), table + " row " + row + " (seed 4): " + v);
                assertEquals(f.row(v), memo.substring(before), table + " row " + row);
            }
        }
    }

    @Test
    void doublesAreWrittenAsDoubleToString() {
        LabelFormat f = new LabelFormat(Table.CSV, List.of(new Column("x", ColumnType.DOUBLE),
                new Column("y", ColumnType.DOUBLE)));
        LabelFormat.ArrayCache cache = new LabelFormat.ArrayCache(2);
        for (double d : EDGE_CASES) {
            StringBuilder b = new StringBuilder();
            f.appendRow(b, Arrays.asList(d, d), 0, 0, null, cache);
            String text = Double.isFinite(d) ? Double.toString(d) : "";
            assertEquals(text + "," + text + "\n", b.toString(), "value " + d);
        }
    }
}
