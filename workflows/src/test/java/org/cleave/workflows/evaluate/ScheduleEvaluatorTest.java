package org.cleave.workflows.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.online.SplitPolicies;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.PolicyRun;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Trace;
import org.cleave.workflows.report.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleEvaluatorTest {
    private static final double TOL = 1e-9;

    @TempDir
    Path dir;

    /** The reward models of the round trip: SplitEE's default, a tuned one reporting splitee.py's cost. */
    private static final List<RewardModel> MODELS = List.of(RewardModel.SPLITEE_DEFAULT,
            new RewardModel(0.9, 0.05, 0.3, RewardModel.CostConvention.SPLITEE_CODE));

    private static Trace trace(long seed, int samples, int exits) {
        return RandomOnlineInstances.DEFAULT.withExits(exits).generate(samples, seed);
    }

    private int[] roundTrip(Trace trace, int[] splits, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, ScheduleFiles.text(trace, splits));
        return ScheduleFiles.read(trace, file);
    }

    @Test
    void everyPolicysScheduleReproducesItsRunsTotalsAndRegret() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            int exits = seed == 3 ? 5 : 12;
            Trace trace = trace(seed, 600, exits);
            for (RewardModel model : MODELS) {
                OnlineProblem problem = new OnlineProblem(trace, model);
                for (String id : List.of("splitee", "splitee-s", "epsilon-greedy", "final-only", "fixed:0",
                        "fixed:2", "fixed:" + (exits - 1))) {
                    String where = id + ", seed " + seed + ", " + model;
                    PolicyRun run = SplitPolicies.run(problem, SplitPolicies.create(id, 1.0, 0.1), seed);
                    int[] read = roundTrip(trace, run.schedule(), "s.jsonl");
                    assertTrue(Arrays.equals(run.schedule(), read), where);
                    ScheduleScore s = ScheduleEvaluator.score(problem, read);
                    OnlineEvaluation e = run.evaluation();
                    assertEquals(e.totalReward(), s.evaluation().totalReward(), TOL, where);
                    assertEquals(e.totalCost(), s.evaluation().totalCost(), TOL, where);
                    assertEquals(e.offloaded(), s.evaluation().offloaded(), where);
                    assertEquals(e.correct(), s.evaluation().correct(), where);
                    assertEquals(run.comparator(), s.bestFixed(), where);
                    assertEquals(run.finalRegret(), s.regretBestFixed(), TOL, where);
                    double reward = 0;
                    double cost = 0;
                    long correct = 0;
                    for (int t = 0; t < trace.size(); t++) {
                        SampleScore row = s.samples().get(t);
                        assertEquals(run.cumulativeRegret(t + 1), row.regretBestFixed(), TOL, where + ", sample " + t);
                        assertEquals(run.split(t + 1), row.split(), where);
                        reward += row.reward();
                        cost += row.cost();
                        correct += row.correct().orElseThrow() ? 1 : 0;
                    }
                    assertEquals(e.totalReward(), reward, TOL, where);
                    assertEquals(e.totalCost(), cost, TOL, where);
                    assertEquals(e.correct(), correct, where);
                }
            }
        }
    }

    @Test
    void theBestFixedSplitHasGapZeroAndTheOracleRegretZero() {
        for (long seed = 1; seed <= 5; seed++) {
            Trace trace = RandomOnlineInstances.uniformTrace(seed, 300, 7, seed % 2 == 0);
            OnlineProblem problem = new OnlineProblem(trace, RandomOnlineInstances.rewardModel(seed));
            ScheduleScore any = ScheduleEvaluator.score(problem, new int[trace.size()]);
            int[] fixed = new int[trace.size()];
            Arrays.fill(fixed, any.bestFixed().exit());
            ScheduleScore best = ScheduleEvaluator.score(problem, fixed);
            assertEquals(0.0, best.gapBestFixed(), 0.0, "seed " + seed);
            assertEquals(0.0, best.regretBestFixed(), TOL, "seed " + seed);
            assertTrue(best.gapOracle() >= 0, "seed " + seed);
            int[] oracle = new int[trace.size()];
            for (int t = 0; t < oracle.length; t++) {
                oracle[t] = any.samples().get(t).oracleSplit();
            }
            ScheduleScore o = ScheduleEvaluator.score(problem, oracle);
            assertEquals(0.0, o.regretOracle(), TOL, "seed " + seed);
            assertEquals(0.0, o.gapOracle(), TOL, "seed " + seed);
            assertEquals(1.0, o.optimalShare(), 0.0, "seed " + seed);
            assertEquals(0.0, o.shortfallStatistics()[3], TOL, "seed " + seed);
            assertTrue(o.regretBestFixed() <= TOL, "the oracle never loses to a fixed split, seed " + seed);
        }
    }

    /**
     * Recomputes every figure from the trace with the reward of DESIGN.md written out here (a
     * check of the library, not a second model): exit at i when C_i ≥ α (or i is the final exit),
     * reward C_i − λ(i+1); else offloaded, reward C_final − o − λ(i+1).
     */
    @Test
    void figuresMatchADirectRecomputationFromTheTrace() {
        for (long seed = 11; seed <= 16; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int exits = 2 + rng.nextInt(10);
            Trace trace = seed % 2 == 0 ? trace(seed, 250, exits)
                    : RandomOnlineInstances.uniformTrace(seed, 250, exits, true);
            double alpha = rng.nextInt(11) / 10.0;
            double lambda = rng.nextDouble() * 0.2;
            double o = rng.nextDouble();
            boolean code = rng.nextBoolean();
            RewardModel model = new RewardModel(alpha, lambda, o,
                    code ? RewardModel.CostConvention.SPLITEE_CODE : RewardModel.CostConvention.REWARD);
            int n = trace.size();
            int last = exits - 1;
            double[][] r = new double[n][exits];
            double[] fixedTotals = new double[exits];
            double oracleTotal = 0;
            for (int t = 0; t < n; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < exits; i++) {
                    double c = trace.confidence(t, i);
                    r[t][i] = i == last || c >= alpha ? c - lambda * (i + 1)
                            : trace.confidence(t, last) - o - lambda * (i + 1);
                    fixedTotals[i] += r[t][i];
                    max = Math.max(max, r[t][i]);
                }
                oracleTotal += max;
            }
            int best = 0;
            for (int i = 1; i < exits; i++) {
                if (fixedTotals[i] > fixedTotals[best]) {
                    best = i;
                }
            }
            int[] splits = new int[n];
            double total = 0;
            double cost = 0;
            for (int t = 0; t < n; t++) {
                splits[t] = rng.nextInt(exits);
                int i = splits[t];
                total += r[t][i];
                boolean off = i < last && trace.confidence(t, i) < alpha;
                cost += (code ? lambda * (1 + 0.8 * i) : lambda * (i + 1)) + (off ? o : 0);
            }
            String where = "seed " + seed + ", " + model;
            ScheduleScore s = ScheduleEvaluator.score(new OnlineProblem(trace, model), splits);
            assertEquals(best, s.bestFixed().exit(), where);
            assertEquals(total, s.evaluation().totalReward(), TOL, where);
            assertEquals(cost, s.evaluation().totalCost(), TOL, where);
            assertEquals(fixedTotals[best] - total, s.regretBestFixed(), TOL, where);
            assertEquals(oracleTotal - total, s.regretOracle(), TOL, where);
            assertEquals((fixedTotals[best] - total) / Math.abs(fixedTotals[best]), s.gapBestFixed(), TOL, where);
            assertEquals((oracleTotal - total) / Math.abs(oracleTotal), s.gapOracle(), TOL, where);
            for (int t = 0; t < n; t++) {
                SampleScore row = s.samples().get(t);
                int i = splits[t];
                boolean off = i < last && trace.confidence(t, i) < alpha;
                assertEquals(off, row.offloaded(), where + ", sample " + t);
                assertEquals(off ? last : i, row.answeringExit(), where);
                assertEquals(trace.correct(t, off ? last : i), row.correct().orElseThrow(), where);
                assertEquals(r[t][i], row.reward(), TOL, where);
                assertEquals(r[t][best], row.bestFixedReward(), TOL, where);
                assertEquals(Arrays.stream(r[t]).max().orElseThrow(), row.oracleReward(), TOL, where);
                assertEquals(trace.sampleId(t), row.sampleId(), where);
            }
        }
    }

    @Test
    void aTraceWithoutCorrectnessLeavesCorrectEmpty() {
        Trace trace = RandomOnlineInstances.uniformTrace(4, 50, 4, false);
        ScheduleScore s = ScheduleEvaluator.score(new OnlineProblem(trace, RewardModel.SPLITEE_DEFAULT), new int[50]);
        assertTrue(s.samples().stream().allMatch(r -> r.correct().isEmpty()));
        assertTrue(s.evaluation().accuracy().isEmpty());
        String csv = ScheduleFiles.table(s, Table.CSV);
        assertEquals(51, csv.lines().count());
        assertEquals(String.join(",", ScheduleFiles.COLUMNS), csv.lines().findFirst().orElseThrow());
        String[] row = csv.lines().skip(1).findFirst().orElseThrow().split(",", -1);
        assertEquals("", row[ScheduleFiles.COLUMNS.indexOf("correct")]);
        assertTrue(ScheduleFiles.table(s, Table.JSONL).lines().findFirst().orElseThrow().contains("\"correct\":null"));
    }

    private String readError(Trace trace, String text) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleFiles.read(trace, file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badSchedulesNameTheLineTheFieldAndTheValue() throws IOException {
        Trace trace = trace(5, 20, 12);
        StringBuilder ok = new StringBuilder();
        for (int t = 0; t < 20; t++) {
            ok.append("{\"sample\": ").append(t).append(", \"split\": 3}\n");
        }
        assertEquals(20, ScheduleFiles.read(trace, Files.writeString(dir.resolve("ok.jsonl"), "\n" + ok)).length);
        String skip = ok.toString().replace("{\"sample\": 16, \"split\": 3}\n", "");
        assertEquals("bad.jsonl line 17: sample: 17, expected 16 (one line per sample, in trace order)",
                readError(trace, skip));
        assertEquals("bad.jsonl: 15 schedule lines for a trace of 20 samples; sample 15 … 19 missing",
                readError(trace, ok.substring(0, ok.indexOf("{\"sample\": 15"))));
        assertEquals("bad.jsonl: 19 schedule lines for a trace of 20 samples; sample 19 missing",
                readError(trace, ok.substring(0, ok.indexOf("{\"sample\": 19"))));
        assertEquals("bad.jsonl: 0 schedule lines for a trace of 20 samples; sample 0 … 19 missing",
                readError(trace, "\n"));
        assertEquals("bad.jsonl line 21: sample: 20, but the trace has only 20 samples (0 … 19)",
                readError(trace, ok + "{\"sample\": 20, \"split\": 3}\n"));
        assertEquals("bad.jsonl line 22: sample: 5, but the trace has only 20 samples (0 … 19)",
                readError(trace, ok + "\n{\"sample\": 5, \"split\": 3}\n"));
        assertEquals("bad.jsonl line 4: split: 12, expected an exit in [0, 11]",
                readError(trace, ok.toString().replace("{\"sample\": 3, \"split\": 3}", "{\"sample\": 3, \"split\": 12}")));
        assertEquals("bad.jsonl line 1: split: -1, expected an exit in [0, 11]",
                readError(trace, ok.toString().replaceFirst("\"split\": 3", "\"split\": -1")));
        assertEquals("bad.jsonl line 1: split: must be an integer, got 2.5",
                readError(trace, ok.toString().replaceFirst("\"split\": 3", "\"split\": 2.5")));
        assertEquals("bad.jsonl line 1: split: required integer is missing",
                readError(trace, ok.toString().replaceFirst(", \"split\": 3", "")));
        assertEquals("bad.jsonl line 1: sample: required integer is missing",
                readError(trace, ok.toString().replaceFirst("\"sample\": 0, ", "")));
        assertTrue(readError(trace, "{\"sample\": 0, \"split\": \n").startsWith("bad.jsonl line 1: malformed JSON"));
        assertTrue(readError(trace, "[3]\n").startsWith("bad.jsonl line 1: must be a JSON object"));
        assertEquals("bad.jsonl line 2: id: \"s7\" but sample 1 of the trace is \"s1\"",
                readError(trace, ok.toString().replaceFirst("\"sample\": 1,", "\"sample\": 1, \"id\": \"s7\",")));
        assertTrue(readError(trace, ok.toString().replaceFirst("\"sample\": 1,", "\"sample\": 1, \"id\": 1,"))
                .startsWith("bad.jsonl line 2: id: must be a string"));
        assertEquals("schedule.jsonl: no such file: " + dir.resolve("schedule.jsonl"), assertThrows(
                IllegalArgumentException.class, () -> ScheduleFiles.read(trace, dir.resolve("schedule.jsonl")))
                .getMessage());
    }

    @Test
    void pythonReadsTheTableWithCsvAndJsonModules() throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "python3 is not on the PATH: the Python reading check is skipped");
        Trace trace = trace(9, 200, 12);
        OnlineProblem problem = new OnlineProblem(trace, RewardModel.SPLITEE_DEFAULT);
        PolicyRun run = SplitPolicies.run(problem, SplitPolicies.create("splitee", 1.0, 0.1), 9);
        ScheduleScore s = ScheduleEvaluator.score(problem, run.schedule());
        Path csv = dir.resolve("p7.csv");
        Path jsonl = dir.resolve("p7.jsonl");
        ScheduleFiles.write(s, Table.CSV, csv);
        ScheduleFiles.write(s, Table.JSONL, jsonl);
        String script = String.join("\n",
                "import csv, json, sys",
                "cols = sys.argv[3].split(',')",
                "with open(sys.argv[1], newline='') as f:",
                "    rows = list(csv.DictReader(f))",
                "assert list(rows[0].keys()) == cols, rows[0].keys()",
                "with open(sys.argv[2]) as f:",
                "    objs = [json.loads(l) for l in f if l.strip()]",
                "assert len(rows) == len(objs)",
                "total = 0.0",
                "for i, (r, o) in enumerate(zip(rows, objs)):",
                "    assert list(o.keys()) == cols, o.keys()",
                "    assert int(r['sample']) == o['sample'] == i",
                "    assert r['offloaded'] in ('true', 'false') and isinstance(o['offloaded'], bool)",
                "    assert r['correct'] in ('true', 'false') and isinstance(o['correct'], bool)",
                "    assert float(r['reward']) == o['reward'] and isinstance(o['split'], int)",
                "    assert float(r['regret_oracle']) >= -1e-12",
                "    total += o['reward']",
                "print('ok %d rows total %.9f regret %.9f' % (len(rows), total, float(rows[-1]['regret_best_fixed'])))",
                "");
        Path py = dir.resolve("read.py");
        Files.writeString(py, script);
        Process p = new ProcessBuilder(python, py.toString(), csv.toString(), jsonl.toString(),
                String.join(",", ScheduleFiles.COLUMNS)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), out);
        String[] words = out.strip().split(" ");
        assertEquals("ok", words[0], out);
        assertEquals(200, Integer.parseInt(words[1]), out);
        assertEquals(s.evaluation().totalReward(), Double.parseDouble(words[4]), 1e-6, out);
        assertEquals(run.finalRegret(), Double.parseDouble(words[6]), 1e-6, out);
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

    @Test
    void lengthAndRangeAreCheckedByTheEvaluator() {
        Trace trace = trace(2, 10, 4);
        OnlineProblem problem = new OnlineProblem(trace, RewardModel.SPLITEE_DEFAULT);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleEvaluator.score(problem, new int[9]))
                .getMessage().contains("schedule"));
        int[] bad = new int[10];
        bad[4] = 4;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleEvaluator.score(problem, bad))
                .getMessage().contains("schedule[4]"));
        assertEquals(new FixedSplit(ScheduleEvaluator.score(problem, new int[10]).bestFixed().exit()),
                org.cleave.algorithms.online.BestFixedSplitSolver.bestSplit(problem));
    }
}
