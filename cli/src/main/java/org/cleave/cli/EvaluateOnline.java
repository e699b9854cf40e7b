package org.cleave.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.cleave.cli.online.RewardModelOptions;
import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Trace;
import org.cleave.instances.online.TraceCsv;
import org.cleave.workflows.evaluate.ScheduleEvaluator;
import org.cleave.workflows.evaluate.ScheduleFiles;
import org.cleave.workflows.evaluate.ScheduleScore;
import org.cleave.workflows.evaluate.ScoreSummary;
import org.cleave.workflows.options.OptionErrors;
import org.cleave.workflows.report.Table;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cleave evaluate TRACE.csv --online --plans SCHEDULE.jsonl [--alpha A --lambda L --offload O
 * --cost-convention C] [-o OUT.csv]}: scores a P7 schedule on a trace (library:
 * {@link ScheduleEvaluator}, {@link ScheduleFiles}); prints the summary and writes the per-sample
 * table. The reward model options are {@code cleave online}'s ({@link RewardModelOptions}).
 */
final class EvaluateOnline {
    private EvaluateOnline() {
    }

    /** The {@code --online} mode of {@code command}; the output file has been checked already. */
    static int run(EvaluateCommand c) {
        if (c.source.file == null) {
            throw new IllegalArgumentException("--example: --online needs a trace CSV file as FILE (built-in examples"
                    + " are not traces)");
        }
        if (c.plans == null) {
            throw new IllegalArgumentException("--plans: required with --online (the schedule, one line per sample)");
        }
        String[][] refused = {
            {"--labels", c.labels == null ? null : "x"}, {"--actions", c.actions == null ? null : "x"},
            {"--solver", c.solver}, {"--recheck", c.recheck ? "x" : null},
            {"--time-limit", c.timeLimit == null ? null : "x"}};
        for (String[] r : refused) {
            if (r[1] != null) {
                throw new IllegalArgumentException(r[0] + ": not with --online (a schedule is compared with the best"
                        + " fixed split in hindsight and the per-sample oracle, both exact in O(n*L))");
            }
        }
        Table table = OptionErrors.named("--format", "format", () -> Table.parse(c.format != null ? c.format
                : c.out != null && c.out.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") ? "jsonl" : "csv"));
        RewardModel model = c.reward.rewardModel();
        Trace trace = TraceCsv.read(c.source.file);
        int[] splits = ScheduleFiles.read(trace, c.plans);
        ScheduleScore score = ScheduleEvaluator.score(new OnlineProblem(trace, model), splits);
        if (c.out != null) {
            OptionErrors.under(() -> {
                ScheduleFiles.write(score, table, c.out);
                return null;
            }, "--out");
        }
        print(c.spec.commandLine().getOut(), name(c.source.file), name(c.plans), trace, model, score);
        if (c.out != null) {
            c.spec.commandLine().getOut().printf("-> %s%n", c.out);
        }
        return 0;
    }

    /** Refuses the P7 reward options outside {@code --online}. */
    static void refuseRewardOptions(CommandSpec spec) {
        var parsed = spec.commandLine().getParseResult();
        for (String option : RewardModelOptions.NAMES) {
            if (parsed != null && parsed.hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + ": only with --online (a P7 trace)");
            }
        }
    }

    private static void print(PrintWriter o, String traceName, String scheduleName, Trace trace, RewardModel model,
                              ScheduleScore s) {
        int n = trace.size();
        o.printf("%s (P7): schedule %s of %d samples scored (%d exits, %s)%n", traceName, scheduleName, n,
                trace.exits(), trace.hasCorrectness() ? "with correctness" : "correctness unknown");
        o.printf(Locale.ROOT, "reward     alpha %s, lambda %s, offload %s; cost convention %s%n",
                model.threshold(), model.costPerLayer(), model.offloadCost(), model.costConvention().key());
        o.printf("%-26s %13s %12s %10s %10s %10s%n", "", "total reward", "mean reward", "mean cost", "offloaded",
                "accuracy");
        row(o, "schedule", s.evaluation());
        row(o, "best fixed split (exit " + s.bestFixed().exit() + ")", s.bestFixedEvaluation());
        row(o, "per-sample oracle", s.oracleEvaluation());
        o.printf(Locale.ROOT, "regret     %s against the best fixed split, %s against the per-sample oracle%n",
                num(s.regretBestFixed()), num(s.regretOracle()));
        o.printf(Locale.ROOT, "gap        %s against the best fixed split, %s against the oracle (relative, of the"
                + " total reward)%n", num(s.gapBestFixed()), num(s.gapOracle()));
        double[] d = s.shortfallStatistics();
        o.printf(Locale.ROOT, "optimal    %d samples (%.1f %%, reward within %.0e of the oracle's)%n",
                s.optimalSamples(), 100 * s.optimalShare(), ScoreSummary.OPTIMAL_GAP);
        o.printf("shortfall  mean %s  median %s  p95 %s  max %s  (per sample, oracle reward - reward)%n",
                num(d[0]), num(d[1]), num(d[2]), num(d[3]));
    }

    private static void row(PrintWriter o, String label, OnlineEvaluation e) {
        o.printf(Locale.ROOT, "%-26s %13.6f %12.6f %10.6f %9.2f%% %10s%n", label, e.totalReward(), e.objective(),
                e.meanCost(), 100 * e.offloadRate(), e.accuracy().isPresent()
                        ? String.format(Locale.ROOT, "%.2f%%", 100 * e.accuracy().getAsDouble()) : "n/a");
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6g", v);
    }
}
