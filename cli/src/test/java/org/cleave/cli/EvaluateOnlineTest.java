package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cleave.algorithms.online.SplitPolicies;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.PolicyRun;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Trace;
import org.cleave.instances.online.TraceCsv;
import org.cleave.workflows.evaluate.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleave evaluate TRACE --online --plans SCHEDULE} and {@code cleave online --write-schedule}. */
class EvaluateOnlineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String[] args(String... a) {
        return a;
    }

    @Test
    void aPolicyRunsScheduleIsScoredWithTheRunsRegret() throws IOException {
        String[][] settings = {{"0.7", "0.5", "reward"}, {"0.9", "0.3", "splitee-code"}};
        for (String[] s : settings) {
            for (String policy : List.of("splitee", "splitee-s", "epsilon-greedy", "final-only", "fixed:4")) {
                String where = policy + " " + Arrays.toString(s);
                Path trace = dir.resolve("t.csv");
                Path schedule = dir.resolve("s.jsonl");
                Path out = dir.resolve("scores.csv");
                CliTest.Run online = CliTest.run("online", "--generate", "500", "--seed", "3", "--policy", policy,
                        "--alpha", s[0], "--offload", s[1], "--cost-convention", s[2], "--shuffle",
                        "--write-trace", trace.toString(), "--write-schedule", schedule.toString(), "--force");
                assertEquals(0, online.status(), online.err());
                assertTrue(online.out().contains("schedule written to " + schedule), online.out());
                CliTest.Run r = CliTest.run("evaluate", trace.toString(), "--online", "--plans", schedule.toString(),
                        "--alpha", s[0], "--offload", s[1], "--cost-convention", s[2], "-o", out.toString(), "--force");
                assertEquals(0, r.status(), r.err());
                assertTrue(r.out().startsWith("t.csv (P7): schedule s.jsonl of 500 samples scored"), r.out());

                // the same run in-process on the trace read back
                Trace t = TraceCsv.read(trace);
                RewardModel model = new RewardModel(Double.parseDouble(s[0]), 0.1, Double.parseDouble(s[1]),
                        RewardModel.CostConvention.fromKey(s[2]));
                OnlineProblem problem = new OnlineProblem(t, model);
                PolicyRun run = SplitPolicies.run(problem, SplitPolicies.create(policy, 1.0, 0.1), 3);
                assertTrue(Arrays.equals(run.schedule(), ScheduleFiles.read(t, schedule)), where);

                List<String> lines = Files.readAllLines(out);
                assertEquals(String.join(",", ScheduleFiles.COLUMNS), lines.get(0));
                assertEquals(501, lines.size(), where);
                List<String> header = ScheduleFiles.COLUMNS;
                double reward = 0;
                double cost = 0;
                for (int i = 1; i < lines.size(); i++) {
                    String[] row = lines.get(i).split(",", -1);
                    assertEquals(t.sampleId(i - 1), row[header.indexOf("id")], where);
                    reward += Double.parseDouble(row[header.indexOf("reward")]);
                    cost += Double.parseDouble(row[header.indexOf("cost")]);
                }
                String[] last = lines.get(lines.size() - 1).split(",", -1);
                assertEquals(run.finalRegret(), Double.parseDouble(last[header.indexOf("regret_best_fixed")]), 1e-9,
                        where);
                assertEquals(run.evaluation().totalReward(), reward, 1e-9, where);
                assertEquals(run.evaluation().totalCost(), cost, 1e-9, where);
                assertTrue(r.out().contains("best fixed split (exit " + run.comparator().exit() + ")"), r.out());
                assertTrue(r.out().contains(String.format(java.util.Locale.ROOT,
                        "regret     %.6g against the best fixed split", run.finalRegret())), r.out());
            }
        }
    }

    @Test
    void writesJsonLinesWhenTheOutputEndsInJsonl() throws IOException {
        Path trace = dir.resolve("t.csv");
        Path schedule = dir.resolve("s.jsonl");
        assertEquals(0, CliTest.run("online", "--generate", "50", "--seed", "1", "--write-trace", trace.toString(),
                "--write-schedule", schedule.toString()).status());
        Path out = dir.resolve("scores.jsonl");
        CliTest.Run r = CliTest.run("evaluate", trace.toString(), "--online", "--plans", schedule.toString(), "-o",
                out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(50, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(ScheduleFiles.COLUMNS, iterable(first.fieldNames()));
        assertEquals(0, first.get("sample").intValue());
        assertTrue(first.get("correct").isBoolean());
        assertTrue(r.out().contains("-> " + out), r.out());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void badInputIsOneLineExitTwoAndTheOutputIsKept() throws IOException {
        Path trace = dir.resolve("t.csv");
        Path schedule = dir.resolve("s.jsonl");
        assertEquals(0, CliTest.run("online", "--generate", "20", "--seed", "1", "--write-trace", trace.toString(),
                "--write-schedule", schedule.toString()).status());
        Path out = dir.resolve("scores.csv");
        Files.writeString(out, "keep me\n");
        List<String> lines = Files.readAllLines(schedule);
        Path shorter = Files.write(dir.resolve("short.jsonl"), lines.subList(0, 17));
        Path badSplit = Files.writeString(dir.resolve("split.jsonl"), String.join("\n", lines)
                .replace("\"sample\":5,\"id\":\"s5\",\"split\":" + JSON.readTree(lines.get(5)).get("split"),
                        "\"sample\":5,\"id\":\"s5\",\"split\":12"));
        Path notJson = Files.writeString(dir.resolve("nj.jsonl"), "sample 0 split 3\n");
        String[] common = {"evaluate", trace.toString(), "--online", "-o", out.toString(), "--force", "--plans"};
        assertEquals("cleave: short.jsonl: 17 schedule lines for a trace of 20 samples; sample 17 … 19 missing",
                CliTest.badInput(concat(common, shorter.toString())));
        assertEquals("cleave: split.jsonl line 6: split: 12, expected an exit in [0, 11]",
                CliTest.badInput(concat(common, badSplit.toString())));
        assertTrue(CliTest.badInput(concat(common, notJson.toString()))
                .startsWith("cleave: nj.jsonl line 1: malformed JSON"));
        assertTrue(CliTest.badInput(concat(common, schedule.toString(), "--alpha", "1.5"))
                .startsWith("cleave: --alpha: "));
        assertTrue(CliTest.badInput(concat(common, schedule.toString(), "--cost-convention", "x"))
                .startsWith("cleave: --cost-convention: "));
        assertTrue(CliTest.badInput(concat(common, schedule.toString(), "--solver", "best-fixed"))
                .startsWith("cleave: --solver: not with --online"));
        assertTrue(CliTest.badInput(concat(common, schedule.toString(), "--format", "xml"))
                .startsWith("cleave: --format: "));
        assertTrue(CliTest.badInput("evaluate", "--example", "resnet18-two-stages", "--online", "--plans",
                schedule.toString()).startsWith("cleave: --example: --online needs a trace CSV"));
        assertTrue(CliTest.badInput("evaluate", "--example", "resnet18-two-stages", "--plans", schedule.toString(),
                "--alpha", "0.5").startsWith("cleave: --alpha: only with --online"));
        assertTrue(CliTest.badInput("evaluate", dir.resolve("missing.csv").toString(), "--online", "--plans",
                schedule.toString()).contains("missing.csv"));
        assertTrue(CliTest.badInput("evaluate", trace.toString(), "--online", "--plans", schedule.toString(), "-o",
                out.toString()).contains("already exists"));
        assertEquals("keep me\n", Files.readString(out));
        // online refuses to overwrite a schedule without --force
        assertTrue(CliTest.badInput("online", "--generate", "20", "--write-schedule", schedule.toString())
                .startsWith("cleave: --write-schedule: "));
        assertEquals(lines, Files.readAllLines(schedule));
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
