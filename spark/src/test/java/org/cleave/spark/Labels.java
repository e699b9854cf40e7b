package org.cleave.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.RandomGraphs;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.multiuser.RandomZooMultiUserInstances;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;

/** Specs of the three families and the value-by-value comparison of Spark's rows with GroundTruth.run's. */
final class Labels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Labels() {
    }

    /** P1: the ResNet-18 example over uplink × load, 60 states. */
    static GroundTruth.Spec p1() {
        return new GroundTruth.Spec(Examples.load("resnet18-two-stages"), "mincut",
                List.of(Axis.parse("uplink=0.1Mbps:1000Mbps:20"), Axis.parse("load=0:0.8:3:lin")), 0, 7, Table.JSONL,
                Optional.empty());
    }

    /** P2: a random 10-layer chain with 3 exits, 40 random states (per-index seeded draws). */
    static GroundTruth.Spec p2() {
        var base = new Instance("p2", "", RandomExitsInstances.exits(3, RandomGraphs.Shape.CHAIN, 10, 3), null);
        return new GroundTruth.Spec(base, "mincut", List.of(Axis.parse("uplink=0.5Mbps:500Mbps:12"),
                Axis.parse("latency=0.05:2:4")), 40, 11, Table.JSONL, Optional.empty());
    }

    /** P4: 6 zoo users, users × units grid, 15 states; {@code users} base users for bigger runs. */
    static GroundTruth.Spec p4(int users, String usersAxis, String unitsAxis) {
        var problem = RandomZooMultiUserInstances.builtIn().generate(users, 8, 3, List.of("chain-8", "chain-6"), "4g",
                1e12);
        return new GroundTruth.Spec(new Instance("p4", "", problem, null), "dp",
                List.of(Axis.parse(usersAxis), Axis.parse(unitsAxis)), 0, 1, Table.JSONL, Optional.empty());
    }

    static GroundTruth.Spec p4() {
        return p4(6, "users=2:6:5:lin", "units=4:8:3:lin");
    }

    /**
     * P4 with per-user draws: 2 zoo users, users 1..2 × units 2..6, each user's uplink (log-normal)
     * and load (uniform) drawn per state, certified by {@code enumerate} (small enough for it); 6 states.
     */
    static GroundTruth.Spec p4PerUser() {
        var problem = RandomZooMultiUserInstances.builtIn().generate(2, 8, 3, List.of("chain-8", "chain-6"), "4g",
                1e12);
        return new GroundTruth.Spec(new Instance("p4pu", "", problem, null), "dp",
                List.of(Axis.parse("users=1:2:2:lin"), Axis.parse("units=2:6:3:lin")), 0, 5, Table.JSONL, Optional.empty(),
                Optional.of("enumerate"),
                List.of(PerUser.parse("uplink=lognormal:median=5Mbps,sigma=0.8"),
                        PerUser.parse("load=uniform:from=0,to=0.7")));
    }

    /**
     * A bandwidth trace's text: {@code rows} rows of {@code time_s, uplink_bps, downlink_bps} and two
     * extra columns ({@code up2}, another rate; {@code load}, in [0, 0.9)), seeded by {@code seed}.
     */
    static String traceText(int rows, long seed) {
        var rng = new java.util.SplittableRandom(seed);
        StringBuilder b = new StringBuilder("# a test trace\ntime_s,uplink_bps,downlink_bps,up2,load\n");
        for (int r = 0; r < rows; r++) {
            b.append(0.5 * r).append(',').append(12e6 * Math.exp(2.4 * (rng.nextDouble() - 0.5))).append(',')
                    .append(40e6 * Math.exp(2.0 * (rng.nextDouble() - 0.5))).append(',')
                    .append(3e6 * Math.exp(3.0 * (rng.nextDouble() - 0.5))).append(',')
                    .append(0.9 * rng.nextDouble()).append('\n');
        }
        return b.toString();
    }

    /** Writes {@link #traceText} to {@code file}. */
    static Path traceFile(Path file, int rows, long seed) throws IOException {
        return Files.writeString(file, traceText(rows, seed));
    }

    /** The single-machine rows: {@code GroundTruth.run} on 2 threads, JSON Lines, read back. */
    static List<JsonNode> singleMachine(GroundTruth.Spec spec, Path file) throws IOException {
        GroundTruth.run(spec, file, 2, Progress.none());
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    /** Spark's rows of {@code out}, read back with Spark's Parquet reader, in state order. */
    static List<Row> spark(SparkSession session, Path out) {
        return session.read().parquet(out.resolve("parquet").toString()).orderBy("state_index").collectAsList();
    }

    /** Asserts that both have the same rows, column by column and value by value. */
    static void assertSameRows(GroundTruth.Spec spec, List<JsonNode> expected, List<Row> actual) {
        List<Column> columns = GroundTruth.columns(spec);
        assertEquals(expected.size(), actual.size(), "rows");
        assertTrue(expected.size() > 0);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            Row a = actual.get(i);
            assertEquals(columns.size(), a.length(), "columns of row " + i);
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                assertEquals(col.name(), a.schema().fields()[c].name());
                String where = "row " + i + " column " + col.name() + ": " + e;
                JsonNode ev = e.get(col.name());
                assertTrue(ev != null, where);
                if (ev.isNull()) {
                    assertTrue(a.isNullAt(c), where + " vs " + a);
                    continue;
                }
                assertTrue(!a.isNullAt(c), where + " vs " + a);
                switch (col.type()) {
                    case INT -> assertEquals(ev.intValue(), a.getInt(c), where);
                    case LONG -> assertEquals(ev.longValue(), a.getLong(c), where);
                    case DOUBLE -> assertEquals(ev.doubleValue(), a.getDouble(c), 0.0, where);
                    case STRING -> assertEquals(ev.textValue(), a.getString(c), where);
                    case BOOLEAN -> assertEquals(ev.booleanValue(), a.getBoolean(c), where);
                    case INT_ARRAY, DOUBLE_ARRAY, STRING_ARRAY -> {
                        List<Object> list = a.getList(c);
                        assertEquals(ev.size(), list.size(), where);
                        for (int k = 0; k < ev.size(); k++) {
                            JsonNode x = ev.get(k);
                            Object y = list.get(k);
                            switch (col.type()) {
                                case INT_ARRAY -> assertEquals(x.intValue(), ((Number) y).intValue(), where);
                                case DOUBLE_ARRAY -> assertEquals(x.isNull() ? null : x.doubleValue(), y, where);
                                default -> assertEquals(x.textValue(), y, where);
                            }
                        }
                    }
                }
            }
        }
    }
}
