package org.cleave.cli;

import org.cleave.workflows.options.OptionErrors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solvers;
import org.cleave.cli.online.RewardModelOptions;
import org.cleave.instances.io.Instance;
import org.cleave.workflows.evaluate.PlanEvaluator;
import org.cleave.workflows.evaluate.PlanFiles;
import org.cleave.workflows.evaluate.PlanScore;
import org.cleave.workflows.evaluate.ScoreSummary;
import org.cleave.workflows.io.OutputFiles;
import org.cleave.workflows.report.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cleave evaluate INSTANCE --plans PLANS.jsonl} and {@code cleave evaluate INSTANCE --labels
 * LABELS.jsonl --actions ACTIONS.jsonl}: scores plans with the family's evaluator against the
 * optimum (library: {@link PlanEvaluator}, {@link PlanFiles}); prints the summary and writes the
 * score table. {@code cleave evaluate TRACE.csv --online --plans SCHEDULE.jsonl} scores a P7
 * schedule ({@link EvaluateOnline}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score plans (or a policy's actions on labelled states) against the optimum: feasibility,"
                + " violated constraints, cost breakdown, gap.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    InstanceArgument source;

    @Option(names = "--plans", paramLabel = "PLANS.jsonl",
            description = "One plan per line: the plan object of 'solve --json', or that whole output. With --online:"
                    + " a P7 schedule, {\"sample\": t, \"split\": i} per trace sample in order.")
    Path plans;

    @Option(names = "--online", description = "P7: FILE is a trace CSV (as for 'cleave online') and --plans a schedule;"
            + " scored per sample against the best fixed split in hindsight and the per-sample oracle.")
    boolean online;

    @Mixin
    RewardModelOptions reward = new RewardModelOptions();

    @Option(names = "--labels", paramLabel = "LABELS.jsonl", description = "Ground-truth labels (cleave groundtruth).")
    Path labels;

    @Option(names = "--actions", paramLabel = "ACTIONS.jsonl",
            description = "A policy's actions: {\"state_index\": N, \"plan\": {...}} per line.")
    Path actions;

    @Option(names = "--solver", paramLabel = "ID",
            description = "Exact solver for the optimum (default: the family's, e.g. mincut for P1).")
    String solver;

    @Option(names = "--recheck", description = "With --labels: solve every acted-on state again and require the"
            + " label's objective.")
    boolean recheck;

    @Option(names = "--time-limit", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Time limit per optimum solve.")
    Duration timeLimit;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "Table format (default: jsonl when -o ends in .jsonl, else csv).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the score table here; its folder must"
            + " exist and an existing FILE is kept unless --force is given.")
    Path out;

    @Option(names = "--force", description = "Replace an existing output file (never an input of the run).")
    boolean force;

    @Override
    public Integer call() {
        if (out != null) {
            List<Path> inputs = new java.util.ArrayList<>(source.inputs());
            java.util.stream.Stream.of(plans, labels, actions).filter(java.util.Objects::nonNull).forEach(inputs::add);
            OptionErrors.under(Map.of("out", "-o"), () -> {
                OutputFiles.check("out", out, force, inputs);
                return null;
            });
        }
        if (online) {
            return EvaluateOnline.run(this);
        }
        EvaluateOnline.refuseRewardOptions(spec);
        Instance instance = source.load();
        Problem<?> problem = instance.problem();
        boolean labelMode = labels != null || actions != null;
        if (labelMode == (plans != null)) {
            throw new IllegalArgumentException("--plans: give either --plans or both --labels and --actions");
        }
        if (labelMode && (labels == null || actions == null)) {
            throw new IllegalArgumentException(labels == null ? "--labels: required with --actions"
                    : "--actions: required with --labels");
        }
        if (labelMode && !recheck && solver != null) {
            throw new IllegalArgumentException("--solver: with --labels the optimum is the labels' objective; add"
                    + " --recheck to solve the states again with " + solver);
        }
        if (recheck && !labelMode) {
            throw new IllegalArgumentException("--recheck: only with --labels (with --plans the optimum is always solved)");
        }
        Table table = OptionErrors.named("--format", "format", () -> Table.parse(format != null ? format
                : out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") ? "jsonl" : "csv"));
        String solverId = solver != null ? solver : Solvers.defaultExact(problem);
        SolveLimits limits = timeLimit == null ? SolveLimits.none() : SolveLimits.none().withTimeLimit(timeLimit);
        PrintWriter o = spec.commandLine().getOut();

        List<PlanScore> scores;
        String indexColumn;
        String optimumNote;
        if (labelMode) {
            Map<Long, PlanFiles.LabelledState> states = PlanFiles.readLabels(problem, labels);
            var pairs = PlanFiles.readActions(states, actions);
            scores = OptionErrors.under(() -> PlanFiles.scoreActions(pairs, recheck ? solverId : null, limits,
                    name(labels)), "--solver");
            indexColumn = "state_index";
            optimumNote = "the labels' objective" + (recheck ? ", re-checked by " + solverId : "") + " ("
                    + states.size() + " labelled states)";
        } else {
            List<PlanFiles.IndexedPlan> read = PlanFiles.readPlans(problem, plans);
            PlanEvaluator evaluator = new PlanEvaluator();
            PlanEvaluator.Optimum optimum = OptionErrors.under(() -> evaluator.optimum(problem, solverId, limits),
                    "--solver");
            scores = read.stream().map(p -> evaluator.score(p.index(), problem, p.plan(), optimum.objective())).toList();
            indexColumn = "index";
            optimumNote = Double.isNaN(optimum.objective()) ? solverId + ": the instance has no feasible plan"
                    : solverId + ", objective " + num(optimum.objective());
        }
        if (out != null) {
            OptionErrors.under(() -> {
                PlanFiles.write(problem, indexColumn, scores, table, out);
                return null;
            }, "--out");
        }
        ScoreSummary s = ScoreSummary.of(scores);
        o.printf("%s (%s): %d %s scored%n", instance.name(), problem.family().code(), s.count(),
                labelMode ? "actions" : "plans");
        o.printf("optimum    %s%n", optimumNote);
        o.printf(Locale.ROOT, "feasible   %d (%s)%n", s.feasible(), pct(s.feasibleShare()));
        o.printf(Locale.ROOT, "optimal    %d (%s, gap <= %.0e)%n", s.optimal(), pct(s.optimalShare()),
                ScoreSummary.OPTIMAL_GAP);
        o.printf("gap        mean %s  median %s  p95 %s  max %s  (over feasible plans, relative)%n",
                num(s.meanGap()), num(s.medianGap()), num(s.p95Gap()), num(s.maxGap()));
        if (s.betterThanOptimum() > 0) {
            o.printf("warning    %d feasible plans beat the optimum they were compared with: check the labels"
                    + " (--recheck)%n", s.betterThanOptimum());
        }
        if (out != null) {
            o.printf("-> %s%n", out);
        }
        return 0;
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6g", v);
    }
}
