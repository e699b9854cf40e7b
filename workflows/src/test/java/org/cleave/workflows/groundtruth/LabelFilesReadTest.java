package org.cleave.workflows.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.RandomGraphs;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.multiuser.RandomZooMultiUserInstances;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family's CSV and JSON Lines labels read back with no options, by Jackson and a plain RFC 4180
 * reader here and by Python's {@code csv} and {@code json} modules: no duplicate column or key, no
 * column lost, integers stay integers, masks and per-user vectors keep their length, and the CSV and
 * JSONL files hold the same values.
 */
class LabelFilesReadTest {
    @TempDir
    Path dir;

    /** (name, spec, column -> expected array length) of every family. */
    static Stream<Arguments> families() {
        Instance p1 = Examples.load("resnet18-two-stages");
        int p1Layers = ((org.cleave.core.partition.PartitionProblem) p1.problem()).graph().size();
        GroundTruth.Spec s1 = new GroundTruth.Spec(p1, "mincut", List.of(Axis.parse("uplink=0.1Mbps:1000Mbps:12"),
                Axis.parse("downlink=1Mbps:100Mbps:2"), Axis.parse("load=0:0.8:2:lin")), 0, 1, Table.CSV,
                Optional.empty()).withCertifySolver("mincut-compiled");
        ExitsProblem p2 = null;
        for (long seed = 1; p2 == null; seed++) { // the first random instance of variant (a), which has a floor
            ExitsProblem e = RandomExitsInstances.exits(seed, RandomGraphs.Shape.RESIDUAL, 12, 3);
            if (e.variant() instanceof ExitsProblem.MinCost) {
                p2 = e;
            }
        }
        GroundTruth.Spec s2 = new GroundTruth.Spec(new Instance("p2", "", p2, null), "mincut",
                List.of(Axis.parse("uplink=0.5Mbps:500Mbps"), Axis.parse("accuracy=0:" + p2.finalAccuracy()),
                        Axis.parse("load=0:0.5")), 40, 5, Table.CSV, Optional.empty());
        var p4 = RandomZooMultiUserInstances.builtIn().generate(4, 8, 3, List.of("chain-8", "chain-6"), "4g", 1e12);
        GroundTruth.Spec s4 = new GroundTruth.Spec(new Instance("p4", "", p4, null), "dp",
                List.of(Axis.parse("users=1:2:2:lin"), Axis.parse("units=2:6:3:lin"),
                        Axis.parse("uplink-scale=0.2:5:2:log")), 0, 1, Table.CSV, Optional.empty())
                .withCertifySolver("enumerate")
                .withPerUser(List.of(PerUser.parse("uplink=lognormal:median=5Mbps,sigma=0.8"),
                        PerUser.parse("load=uniform:from=0,to=0.7")));
        var p3 = org.cleave.core.throughput.RandomThroughputInstances.throughput(2, RandomGraphs.Shape.RESIDUAL, 10,
                3);
        GroundTruth.Spec s3 = new GroundTruth.Spec(new Instance("p3", "", p3, null), "enumerate",
                List.of(Axis.parse("frame-rate=1:1000:4:log"), Axis.parse("accuracy=0:" + p3.finalAccuracy() + ":2:lin"),
                        Axis.parse("uplink=1Mbps:100Mbps:2")), 0, 1, Table.CSV, Optional.empty());
        var p5 = org.cleave.core.upload.RandomUploadInstances.random(6, RandomGraphs.Shape.RESIDUAL, 10,
                org.cleave.core.upload.UploadMode.PARALLEL,
                org.cleave.core.partition.RandomPartitionInstances.WeightMode.MIXED);
        GroundTruth.Spec s5 = new GroundTruth.Spec(new Instance("p5", "", p5, null), "branch-and-bound",
                List.of(Axis.parse("uplink=0.5Mbps:500Mbps:6"), Axis.parse("mode=0:2:3:lin")), 0, 1, Table.CSV,
                Optional.empty()).withCertifySolver("enumerate");
        GroundTruth.Spec s1t = new GroundTruth.Spec(p1, "mincut-compiled", List.of(Axis.parse("load=0:0.9")), 30, 2,
                Table.CSV, Optional.empty(), Optional.empty(), List.of(),
                Optional.of(BandwidthTrace.parse("t", StateSpacesTest.traceText(9, 4))));
        return Stream.of(Arguments.of("partition", s1, "plan_edge_mask", p1Layers),
                Arguments.of("partition-trace", s1t, "plan_edge_mask", p1Layers),
                Arguments.of("exits", s2, "plan_edge_mask", p2.graph().size()),
                Arguments.of("throughput", s3, "plan_edge_mask", p3.graph().size()),
                Arguments.of("multiuser", s4, "", 0),
                Arguments.of("upload", s5, "plan_edge_mask", p5.graph().size()));
    }

    private record Files2(Path csv, Path jsonl) {
    }

    private Files2 write(String name, GroundTruth.Spec spec) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        Path jsonl = dir.resolve(name + ".jsonl");
        GroundTruth.run(withFormat(spec, Table.CSV), csv, 2, Progress.none());
        GroundTruth.run(withFormat(spec, Table.JSONL), jsonl, 2, Progress.none());
        return new Files2(csv, jsonl);
    }

    private static GroundTruth.Spec withFormat(GroundTruth.Spec s, Table t) {
        return new GroundTruth.Spec(s.base(), s.solverId(), s.axes(), s.randomStates(), s.seed(), t, s.timeLimit(),
                s.certifySolverId(), s.perUser(), s.trace());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void javaReadsEveryColumnBackWithItsType(String name, GroundTruth.Spec spec, String maskColumn, int maskLength)
            throws IOException {
        Files2 f = write(name, spec);
        List<Column> columns = GroundTruth.columns(spec);
        List<String> names = columns.stream().map(Column::name).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate column names " + names);
        ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        List<String> jsonLines = Files.readAllLines(f.jsonl());
        List<List<String>> csv = readCsv(Files.readString(f.csv(), StandardCharsets.UTF_8));
        assertEquals(names, csv.get(0), "CSV header");
        assertEquals(spec.stateCount(), jsonLines.size());
        assertEquals(spec.stateCount() + 1, csv.size());
        int plans = 0;
        for (int r = 0; r < jsonLines.size(); r++) {
            JsonNode row = strict.readTree(jsonLines.get(r)); // throws on a duplicate key
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertEquals(names, keys, "JSONL keys of row " + r);
            assertEquals(r, row.get("state_index").intValue());
            List<String> fields = csv.get(r + 1);
            assertEquals(names.size(), fields.size(), "CSV fields of row " + r);
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                JsonNode v = row.get(col.name());
                String text = fields.get(c);
                String where = name + " row " + r + " column " + col.name() + ": json " + v + ", csv '" + text + "'";
                if (v.isNull()) {
                    assertEquals("", text, where);
                    continue;
                }
                switch (col.type()) {
                    case INT, LONG -> {
                        assertTrue(v.isIntegralNumber(), where);
                        assertEquals(v.longValue(), Long.parseLong(text), where);
                    }
                    case DOUBLE -> assertEquals(v.doubleValue(), Double.parseDouble(text), where);
                    case BOOLEAN -> {
                        assertTrue(v.isBoolean(), where);
                        assertEquals(v.booleanValue() ? "true" : "false", text, where);
                    }
                    case STRING -> assertEquals(v.textValue(), text, where);
                    case INT_ARRAY, STRING_ARRAY, DOUBLE_ARRAY -> {
                        assertTrue(v.isArray(), where);
                        assertEquals(v, strict.readTree(text), where); // the CSV field is the same JSON array
                        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
                            JsonNode e = it.next();
                            assertTrue(col.type() == ColumnType.INT_ARRAY ? e.isIntegralNumber()
                                    : col.type() == ColumnType.STRING_ARRAY ? e.isTextual() : e.isNumber(), where);
                        }
                        if (col.name().equals(maskColumn)) {
                            assertEquals(maskLength, v.size(), where);
                            plans++;
                        }
                    }
                }
            }
            assertTrue(row.get("verified").booleanValue(), "verified, row " + r);
        }
        assertTrue(maskColumn.isEmpty() || plans > 0, "no row of " + name + " had a plan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void pythonReadsThemWithCsvAndJsonModules(String name, GroundTruth.Spec spec, String maskColumn, int maskLength)
            throws Exception {
        Assumptions.assumeTrue(python() != null, "python3 is not on the PATH: the Python reading check is skipped");
        Files2 f = write(name, spec);
        StringBuilder cols = new StringBuilder("[");
        for (Column c : GroundTruth.columns(spec)) {
            cols.append(cols.length() > 1 ? "," : "").append("[\"").append(c.name()).append("\",\"")
                    .append(c.type()).append("\"]");
        }
        cols.append(']');
        Path script = dir.resolve("read_labels.py");
        try (var in = LabelFilesReadTest.class.getResourceAsStream("read_labels.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path columns = dir.resolve(name + ".columns.json");
        Files.writeString(columns, "{\"columns\":" + cols + ",\"mask\":\"" + maskColumn + "\",\"maskLength\":"
                + maskLength + ",\"rows\":" + spec.stateCount() + "}");
        Process p = new ProcessBuilder(python(), script.toString(), columns.toString(), f.csv().toString(),
                f.jsonl().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("ok " + spec.stateCount() + " rows"), out);
        assertFalse(out.contains("error"), out);
    }

    private static String python() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dirName, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** A plain RFC 4180 reader: comma separators, double quotes around fields, "" for a quote. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
