package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cleave.core.model.Placement;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Solvers;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.groundtruth.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    private static final String EXAMPLE = "resnet18-two-stages";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String solveJson(String solver) {
        CliTest.Run r = CliTest.run("solve", "--example", EXAMPLE, "--solver", solver, "--json");
        assertEquals(0, r.status(), r.err());
        return r.out().replace("\n", "").replaceAll("\\s+", " ");
    }

    /** Rows of a CSV written by Table (no quoted commas in these tests). */
    private static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void scoresPlansFromSolveOutputsBarePlansAndMasks() throws Exception {
        PartitionProblem p = (PartitionProblem) Examples.load(EXAMPLE).problem();
        int n = p.graph().size();
        String plans = String.join("\n", solveJson("mincut"), solveJson("topo-cut"), solveJson("edge-only"),
                JSON.readTree(solveJson("device-only")).get("plan").toString(),
                "{\"edgeMask\": \"0" + "1".repeat(n - 1) + "\"}") + "\n";
        Path in = write("plans.jsonl", plans);
        Path out = dir.resolve("scores.csv");
        CliTest.Run r = CliTest.run("evaluate", "--example", EXAMPLE, "--plans", in.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("5 plans scored") && r.out().contains("optimum    mincut"), r.out());
        List<String[]> rows = csv(out);
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals(List.of("index", "feasible", "violations", "objective", "latency_seconds", "energy_joules"),
                header.subList(0, 6));
        assertEquals(List.of("optimum", "gap"), header.subList(header.size() - 2, header.size()));
        assertEquals(6, rows.size());
        double optimum = Solvers.<PartitionProblem, Placement>require(Family.PARTITION, "enumerate").solve(p)
                .objective();
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            assertEquals(String.valueOf(i - 1), row[0]);
            assertEquals("true", row[1]);
            double objective = Double.parseDouble(row[3]);
            double gap = Double.parseDouble(row[header.indexOf("gap")]);
            assertEquals((objective - optimum) / optimum, gap, 1e-9, "row " + i);
        }
        assertEquals(0, Double.parseDouble(rows.get(1)[header.indexOf("gap")]), 1e-12);
        // the mask plan is everything-but-the-input on the edge, like edge-only
        assertEquals(rows.get(3)[3], rows.get(5)[3]);

        Path jsonl = dir.resolve("scores.jsonl");
        r = CliTest.run("evaluate", "--example", EXAMPLE, "--plans", in.toString(), "-o", jsonl.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(5, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(header, iterate(first));
        assertTrue(first.get("feasible").asBoolean() && first.get("index").isInt());
        // a second run keeps the first one's output unless --force is given
        CliTest.badInput("evaluate", "--example", EXAMPLE, "--plans", in.toString(), "-o", out.toString());
        assertEquals(0, CliTest.run("evaluate", "--example", EXAMPLE, "--plans", in.toString(), "-o",
                out.toString(), "--force").status());
    }

    private static List<String> iterate(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Labels in the contract format: state_index, state_<axis>, objective (and other columns, ignored). */
    private static String label(long index, String[] axes, double[] values, double objective) {
        StringBuilder b = new StringBuilder("{\"state_index\":" + index);
        for (int k = 0; k < axes.length; k++) {
            b.append(",\"state_").append(axes[k].replace('-', '_')).append("\":").append(values[k]);
        }
        return b.append(",\"status\":\"OPTIMAL\",\"objective\":").append(objective)
                .append(",\"plan_edge_mask\":[0,1]}").toString();
    }

    @Test
    void scoresActionsInTheirLabelledStates() throws Exception {
        Problem<?> base = Examples.load(EXAMPLE).problem();
        var scenario = Scenarios.of(Family.PARTITION);
        var mincut = Solvers.<PartitionProblem, Placement>require(Family.PARTITION, "mincut");
        String[] axes = {"uplink", "load"};
        StringBuilder labels = new StringBuilder();
        StringBuilder actions = new StringBuilder();
        List<Double> expectedGaps = new ArrayList<>();
        int n = ((PartitionProblem) base).graph().size();
        for (int i = 0; i < 12; i++) {
            double[] state = {1e5 * Math.pow(10, i / 3.0), 0.05 * (i % 4)};
            PartitionProblem s = (PartitionProblem) scenario.apply(base, List.of(axes), state);
            double opt = mincut.solve(s).objective();
            labels.append(label(i, axes, state, opt)).append('\n');
            if (i % 3 == 2) {
                continue; // states without an action are fine
            }
            Placement plan = i % 2 == 0 ? mincut.solve(s).planOrThrow() : Placement.allButInputOnEdge(n);
            String mask = "0" + (i % 2 == 0 ? null : "1".repeat(n - 1));
            String planJson = i % 2 == 0
                    ? InstanceJson.codec(Family.PARTITION).writePlan(s, plan).toString()
                    : "{\"edgeMask\":\"" + mask + "\"}";
            actions.insert(0, "{\"state_index\":" + i + ",\"plan\":" + planJson + "}\n"); // any order
            expectedGaps.add(0, (s.evaluate(plan).objective() - opt) / opt);
        }
        Path l = write("labels.jsonl", labels.toString());
        Path a = write("actions.jsonl", actions.toString());
        Path out = dir.resolve("scores.csv");
        CliTest.Run r = CliTest.run("evaluate", "--example", EXAMPLE, "--labels", l.toString(), "--actions",
                a.toString(), "--recheck", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("8 actions scored") && r.out().contains("re-checked by mincut"), r.out());
        List<String[]> rows = csv(out);
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals("state_index", header.get(0));
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(expectedGaps.get(i - 1), Double.parseDouble(rows.get(i)[header.indexOf("gap")]), 1e-12,
                    "row " + i);
        }
    }

    @Test
    void mapsMultiWordAxesOfMultiUserLabels() throws Exception {
        MultiUserProblem p = RandomMultiUserInstances.random(3, 3, 6, 6, 3, RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.NONE);
        Path instance = dir.resolve("p4.json");
        InstanceJson.write(Instance.of("p4", p), instance);
        var scenario = Scenarios.of(Family.MULTIUSER);
        var dp = Solvers.<MultiUserProblem, org.cleave.core.multiuser.MultiUserPlan>require(Family.MULTIUSER, "dp");
        String[] axes = {"uplink-scale", "compute-units"};
        StringBuilder labels = new StringBuilder();
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            double[] state = {0.5 + i, 2 + i};
            MultiUserProblem s = (MultiUserProblem) scenario.apply(p, List.of(axes), state);
            var best = dp.solve(s);
            labels.append(label(i, axes, state, best.objective())).append('\n');
            actions.append("{\"state_index\":").append(i).append(",\"plan\":")
                    .append(InstanceJson.codec(Family.MULTIUSER).writePlan(s, best.planOrThrow())).append("}\n");
        }
        Path out = dir.resolve("p4.csv");
        CliTest.Run r = CliTest.run("evaluate", instance.toString(), "--labels",
                write("l.jsonl", labels.toString()).toString(), "--actions", write("a.jsonl", actions.toString()).toString(),
                "--recheck", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("optimal    4 (100.0 %"), r.out());
    }

    @Test
    void everyBadInputIsOneLineWithStatusTwoAndLeavesTheOutputAlone() throws Exception {
        PartitionProblem p = (PartitionProblem) Examples.load(EXAMPLE).problem();
        int n = p.graph().size();
        String good = JSON.readTree(solveJson("mincut")).get("plan").toString();
        Path out = write("out.csv", "precious,data\n1,2\n");
        String o = out.toString();
        // --force: the existing output may be replaced, so each case reaches its own check and must still
        // leave the output untouched
        String[] ev = {"evaluate", "--example", EXAMPLE, "--force"};

        String e = bad(o, ev, "--plans", write("a.jsonl", good + "\n{\"edgeMask\": [0,1\n").toString());
        assertTrue(e.startsWith("cleave: a.jsonl line 2: malformed JSON"), e);
        e = bad(o, ev, "--plans", write("b.jsonl", "{\"edgeMask\": \"0011\"}\n").toString());
        assertEquals("cleave: b.jsonl line 1: plan.edgeMask: length 4, expected " + n
                + " (one flag per layer), got \"0011\"", e);
        e = bad(o, ev, "--plans", write("c.jsonl", good + "\n{\"edgeLayers\": [\"conv99\"]}\n").toString());
        assertTrue(e.startsWith("cleave: c.jsonl line 2: plan.edgeLayers[0]: unknown layer id \"conv99\""), e);
        e = bad(o, ev, "--plans", write("d.jsonl", "[1, 2]\n").toString());
        assertTrue(e.startsWith("cleave: d.jsonl line 1: must be a JSON object"), e);
        e = bad(o, ev, "--plans", dir.resolve("missing.jsonl").toString());
        assertTrue(e.startsWith("cleave: missing.jsonl: no such file"), e);
        e = bad(o, ev, "--plans", write("ok.jsonl", good + "\n").toString(), "--solver", "topo-cut");
        assertTrue(e.startsWith("cleave: --solver: \"topo-cut\" is a baseline solver"), e);
        e = bad(o, ev);
        assertTrue(e.startsWith("cleave: --plans: give either --plans or both --labels and --actions"), e);

        String l0 = label(0, new String[] {"uplink"}, new double[] {1e6}, 0.1);
        Path labels = write("labels.jsonl", l0 + "\n" + label(1, new String[] {"uplink"}, new double[] {1e7}, 0.1)
                + "\n");
        e = bad(o, ev, "--labels", labels.toString(), "--actions",
                write("x.jsonl", "{\"state_index\": 0, \"plan\": " + good + "}\n{\"state_index\": 7, \"plan\": "
                        + good + "}\n").toString());
        assertEquals("cleave: x.jsonl line 2: state_index 7 is not in the labels (2 states)", e);
        e = bad(o, ev, "--labels", labels.toString(), "--actions",
                write("y.jsonl", "{\"state_index\": 1, \"plan\": " + good + "}\n{\"state_index\": 1, \"plan\": "
                        + good + "}\n").toString());
        assertEquals("cleave: y.jsonl line 2: state_index 1 already has an action (line 1)", e);
        e = bad(o, ev, "--labels", write("dup.jsonl", l0 + "\n" + l0 + "\n").toString(), "--actions",
                write("z.jsonl", "{\"state_index\": 0, \"plan\": " + good + "}\n").toString());
        assertEquals("cleave: dup.jsonl line 2: state_index 0 is also on line 1", e);
        e = bad(o, ev, "--labels", write("old.jsonl", "{\"state_index\":0,\"uplink\":1e6,\"objective\":0.1}\n")
                .toString(), "--actions", dir.resolve("z.jsonl").toString());
        assertTrue(e.startsWith("cleave: old.jsonl line 1: uplink: a state column without the state_ prefix"), e);
        e = bad(o, ev, "--labels", write("axis.jsonl", "{\"state_index\":0,\"state_bogus\":1,\"objective\":0.1}\n")
                .toString(), "--actions", dir.resolve("z.jsonl").toString());
        assertTrue(e.startsWith("cleave: axis.jsonl line 1: state_bogus: not a state axis of family partition"), e);
        e = bad(o, ev, "--labels", labels.toString(), "--actions", dir.resolve("z.jsonl").toString(), "--solver",
                "enumerate");
        assertTrue(e.startsWith("cleave: --solver: with --labels the optimum is the labels' objective"), e);
        // a wrong optimum in the labels is caught by --recheck
        e = bad(o, ev, "--labels", labels.toString(), "--actions", dir.resolve("z.jsonl").toString(), "--recheck");
        assertTrue(e.startsWith("cleave: labels.jsonl line 1: objective: 0.1 but mincut finds "), e);
        // an existing file is not replaced without --force, even when the input is good
        e = bad(o, new String[] {"evaluate", "--example", EXAMPLE}, "--plans", dir.resolve("ok.jsonl").toString());
        assertTrue(e.startsWith("cleave: -o: ") && e.contains("already exists"), e);
    }

    private String bad(String out, String[] command, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of("-o", out));
        String err = CliTest.badInput(all.toArray(String[]::new));
        assertFalse(err.contains("\n"), err);
        assertEquals("precious,data\n1,2\n", Files.readString(Path.of(out)), String.join(" ", args).toLowerCase(Locale.ROOT));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a temporary file is left");
        }
        return err;
    }
}
