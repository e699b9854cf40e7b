package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Solvers;
import org.cleave.core.upload.MultiUserUploadPlan;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadUser;
import org.cleave.core.upload.UserAllocation;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave solve --json} and {@code cleave evaluate --plans} on a multi-user P5 instance file. */
class EvaluateMultiUserUploadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String oneLine(String json) throws Exception {
        return JSON.readTree(json).toString();
    }

    @Test
    void solveJsonPlansAreScoredAndPythonReadsTheTables() throws Exception {
        MultiUserUploadProblem p = RandomUploadInstances.multiUser(11, 4, 5, 4, UploadMode.PARALLEL);
        Path instance = dir.resolve("mu-p5.json");
        Files.writeString(instance, InstanceJson.write(Instance.of("mu-p5", p)));

        CliTest.Run exact = CliTest.run("solve", instance.toString(), "--json");
        assertEquals(0, exact.status(), exact.err());
        assertTrue(exact.err().contains("using multiuser-dp"), exact.err());
        CliTest.Run ara = CliTest.run("solve", instance.toString(), "--json", "--solver", "ara");
        assertEquals(0, ara.status(), ara.err());
        List<UserAllocation> device = new ArrayList<>();
        for (UploadUser u : p.users()) {
            device.add(new UserAllocation(Placement.allDevice(u.graph().size()), 0, 0));
        }
        String devicePlan = InstanceJson.codec(Family.UPLOAD).writePlan(p, new MultiUserUploadPlan(device)).toString();
        Path plans = dir.resolve("plans.jsonl");
        Files.writeString(plans, oneLine(exact.out()) + "\n" + oneLine(ara.out()) + "\n" + devicePlan + "\n");

        Path csv = dir.resolve("scores.csv");
        CliTest.Run r = CliTest.run("evaluate", instance.toString(), "--plans", plans.toString(), "-o", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("3 plans scored") && r.out().contains("optimum    multiuser-dp"), r.out());
        assertTrue(r.out().contains("feasible   3 (100.0 %)"), r.out());

        double optimum = Solvers.<MultiUserUploadProblem, MultiUserUploadPlan>require(Family.UPLOAD, "multiuser-dp")
                .solve(p).objective();
        MultiUserUploadPlan araPlan = Solvers.<MultiUserUploadProblem, MultiUserUploadPlan>require(Family.UPLOAD,
                "ara").solve(p).planOrThrow();
        double[] expectedGap = {0, (p.evaluate(araPlan).objective() - optimum) / optimum,
                (p.evaluate(new MultiUserUploadPlan(device)).objective() - optimum) / optimum};

        Path jsonl = dir.resolve("scores.jsonl");
        r = CliTest.run("evaluate", instance.toString(), "--plans", plans.toString(), "-o", jsonl.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++) {
            JsonNode row = JSON.readTree(lines.get(i));
            assertEquals(expectedGap[i], row.get("gap").doubleValue(), 1e-9, "plan " + i);
            assertEquals(p.users().size(), row.get("user_latency_seconds").size(), "plan " + i);
        }
        assertEquals(0, JSON.readTree(lines.get(0)).get("gap").doubleValue(), 0);

        python(csv, jsonl, p.users().size(), expectedGap);
    }

    /** Python's csv and json modules read both tables: the per-user columns are JSON arrays of one entry per user. */
    private void python(Path csv, Path jsonl, int users, double[] gaps) throws Exception {
        String python = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "python3"))) {
                python = Path.of(d, "python3").toString();
                break;
            }
        }
        Assumptions.assumeTrue(python != null, "python3 is not on the PATH: the Python reading check is skipped");
        Path script = dir.resolve("read_scores.py");
        Files.writeString(script, String.join("\n",
                "import csv, json, math, sys",
                "users = int(sys.argv[3]); gaps = json.loads(sys.argv[4])",
                "with open(sys.argv[1], newline='') as f:",
                "    rows = list(csv.DictReader(f))",
                "with open(sys.argv[2]) as f:",
                "    jrows = [json.loads(l) for l in f if l.strip()]",
                "assert len(rows) == len(jrows) == len(gaps), (len(rows), len(jrows))",
                "for i, (c, j) in enumerate(zip(rows, jrows)):",
                "    assert list(c.keys()) == list(j.keys()), (list(c.keys()), list(j.keys()))",
                "    for k in ('user_objective', 'user_latency_seconds', 'user_energy_joules'):",
                "        v = json.loads(c[k])",
                "        assert v == j[k] and len(v) == users, (k, v, j[k])",
                "    assert math.isclose(sum(j['user_latency_seconds']), j['latency_seconds'], rel_tol=1e-12)",
                "    assert math.isclose(max(j['user_latency_seconds']), j['max_latency_seconds'], rel_tol=0)",
                "    assert math.isclose(sum(j['user_objective']), j['objective'], rel_tol=1e-12)",
                "    assert float(c['gap']) == j['gap'] and abs(j['gap'] - gaps[i]) <= 1e-9, (c['gap'], gaps[i])",
                "print('ok', len(rows), 'rows')", ""));
        Process proc = new ProcessBuilder(python, script.toString(), csv.toString(), jsonl.toString(),
                String.valueOf(users), JSON.writeValueAsString(gaps)).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, proc.exitValue(), out);
        assertTrue(out.startsWith("ok 3 rows"), out);
    }

    @Test
    void aBadPlanIsOneLineWithExitTwoAndKeepsTheOutput() throws Exception {
        MultiUserUploadProblem p = RandomUploadInstances.multiUser(12, 3, 4, 3, UploadMode.SERIAL);
        Path instance = dir.resolve("mu.json");
        Files.writeString(instance, InstanceJson.write(Instance.of("mu", p)));
        CliTest.Run exact = CliTest.run("solve", instance.toString(), "--json", "--solver", "multiuser-dp");
        assertEquals(0, exact.status(), exact.err());
        ObjectNode solved = (ObjectNode) JSON.readTree(exact.out());
        Path plans = dir.resolve("plans.jsonl");
        Files.writeString(plans, solved + "\n");
        Path out = dir.resolve("scores.csv");
        assertEquals(0, CliTest.run("evaluate", instance.toString(), "--plans", plans.toString(), "-o",
                out.toString()).status());
        String kept = Files.readString(out);

        ObjectNode bad = solved.deepCopy();
        ((ObjectNode) bad.get("plan").get("users").get(1)).put("computeUnits", -2);
        Files.writeString(plans, solved + "\n" + bad + "\n");
        String err = CliTest.badInput("evaluate", instance.toString(), "--plans", plans.toString(), "-o",
                out.toString(), "--force");
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("plans.jsonl line 2: plan.users[1].computeUnits: must be >= 0, got -2"), err);
        assertEquals(kept, Files.readString(out));

        ObjectNode fewer = solved.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) fewer.get("plan").get("users")).remove(0);
        Files.writeString(plans, fewer + "\n");
        err = CliTest.badInput("evaluate", instance.toString(), "--plans", plans.toString(), "-o", out.toString(),
                "--force");
        assertTrue(err.contains("plans.jsonl line 1: plan.users: " + (p.users().size() - 1)
                + " entries, the instance has " + p.users().size() + " users"), err);
        assertEquals(kept, Files.readString(out));

        // a single-user optimum is refused for a multi-user instance, in one line
        Files.writeString(plans, solved + "\n");
        err = CliTest.badInput("evaluate", instance.toString(), "--plans", plans.toString(), "--solver",
                "branch-and-bound");
        assertTrue(err.contains("--solver") && err.contains("MultiUserUploadProblem"), err);
        assertFalse(err.contains("\n"), err);

        // labels and actions: multi-user P5 has no ground-truth scenario, refused in one line
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"state_index\":0,\"objective\":1.0}\n");
        Path actions = dir.resolve("actions.jsonl");
        Files.writeString(actions, "{\"state_index\":0,\"plan\":" + solved.get("plan") + "}\n");
        err = CliTest.badInput("evaluate", instance.toString(), "--labels", labels.toString(), "--actions",
                actions.toString());
        assertTrue(err.contains("labels.jsonl line 1: state: instance: multi-user P5 (upload) instances have no"
                + " ground-truth scenario"), err);
    }
}
