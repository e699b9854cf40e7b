package org.cleave.cli.online;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleave.algorithms.online.BestFixedSplitSolver;
import org.cleave.algorithms.online.PerSampleOracle;
import org.cleave.algorithms.online.SplitPolicies;
import org.cleave.workflows.options.OptionErrors;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineEvaluation;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.PolicyRun;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Simulation;
import org.cleave.core.online.SplitPolicy;
import org.cleave.core.online.Trace;
import org.cleave.instances.online.TraceCsv;
import org.cleave.workflows.evaluate.ScheduleFiles;
import org.cleave.workflows.io.OutputFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cleave online TRACE --policy splitee --alpha 0.7 --lambda 0.1 --offload 0.5 --seed 1}:
 * runs one P7 policy over a trace (a CSV file, or {@code --generate N} samples of the synthetic
 * generator) and prints its cumulative regret against the best fixed split in hindsight, its
 * mean reward, mean cost, offload rate and accuracy (where the trace has correctness), beside
 * the best fixed split, the per-sample oracle and final-layer inference, and the cost reduction
 * and accuracy drop against final-layer inference. {@code --regret-csv FILE} writes the regret
 * curve; {@code --sweep-csv FILE} runs policies over an (alpha, offload) grid on the same trace;
 * {@code --generator} sets the synthetic generator's parameters and {@code --cost-convention} how
 * the reported cost charges device layers ({@link RewardModel.CostConvention});
 * {@code --write-schedule FILE} writes the policy's schedule for {@code cleave evaluate --online}.
 */
@Command(name = "online", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an online split policy (P7, SplitEE) over a trace and report regret, cost and"
                + " accuracy.",
            "Reward per sample at split i (0-based exit): C_i - lambda*(i+1) if C_i >= alpha (exit on the"
                + " device), C_final - offload - lambda*(i+1) otherwise (offloaded); the final exit never"
                + " offloads. Cost: lambda*(i+1) + offload if offloaded (--cost-convention splitee-code:"
                + " lambda*(1 + 0.8*i) + offload)."})
public final class OnlineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(index = "0", paramLabel = "TRACE",
                description = "Trace CSV: sample,exit,confidence[,correct], one row per sample and exit.")
        Path trace;

        @Option(names = "--generate", paramLabel = "N",
                description = "Use N samples of the seeded synthetic generator instead of a file.")
        Integer generate;
    }

    @Option(names = "--policy", paramLabel = "ID", defaultValue = "splitee",
            description = "splitee, splitee-s, epsilon-greedy, final-only or fixed:i (default: ${DEFAULT-VALUE}).")
    String policyId;

    @Mixin
    RewardModelOptions reward = new RewardModelOptions();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the policy, the generator and --shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--exploration", paramLabel = "C", defaultValue = "1.0",
            description = "UCB exploration constant of splitee/splitee-s (default: ${DEFAULT-VALUE}).")
    double exploration;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.1",
            description = "Exploration probability of epsilon-greedy (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--exits", paramLabel = "L", defaultValue = "12",
            description = "Exits of a generated trace (default: ${DEFAULT-VALUE}).")
    int exits;

    @Option(names = "--generator", paramLabel = "K=V,...", split = ",",
            description = "Generator parameters for --generate: classes=K, mu=M (difficulty location), tau=T"
                    + " (spread), kappa=S (steepness), sigma=N (noise); unset ones keep the defaults"
                    + " (classes=2, mu=-1, tau=1, kappa=8, sigma=0.5).")
    java.util.Map<String, String> generator = new java.util.LinkedHashMap<>();

    @Option(names = "--sweep-csv", paramLabel = "FILE",
            description = "Also run --sweep-policies over the --sweep-alpha x --sweep-offload grid on the same"
                    + " trace and write one row per (alpha, offload, policy): mean cost, cost reduction and"
                    + " accuracy drop against final-layer inference, offload rate, regret; the best fixed split"
                    + " in hindsight is always a row.")
    Path sweepCsv;

    @Option(names = "--sweep-alpha", split = ",", paramLabel = "A", description = "Thresholds of the sweep.")
    java.util.List<Double> sweepAlpha = new java.util.ArrayList<>();

    @Option(names = "--sweep-offload", split = ",", paramLabel = "O", description = "Offload costs of the sweep.")
    java.util.List<Double> sweepOffload = new java.util.ArrayList<>();

    @Option(names = "--sweep-policies", split = ",", paramLabel = "ID", defaultValue = "splitee,splitee-s",
            description = "Policies of the sweep (default: ${DEFAULT-VALUE}).")
    java.util.List<String> sweepPolicies = new java.util.ArrayList<>();

    @Option(names = "--shuffle", description = "Permute the samples with the seed before the run.")
    boolean shuffle;

    @Option(names = "--regret-csv", paramLabel = "FILE",
            description = "Write the regret curve: round,split,cumulativeRegret,regretPerRound.")
    Path regretCsv;

    @Option(names = "--curve-step", paramLabel = "K", defaultValue = "1",
            description = "Write every K-th round to --regret-csv (and the last) (default: ${DEFAULT-VALUE}).")
    int curveStep;

    @Option(names = "--write-trace", paramLabel = "FILE", description = "Also write the trace used as CSV.")
    Path writeTrace;

    @Option(names = "--write-schedule", paramLabel = "FILE",
            description = "Also write the policy's schedule (JSON Lines, {\"sample\": t, \"id\": ..., \"split\": i}"
                    + " per sample in trace order), for 'cleave evaluate TRACE --online --plans FILE'.")
    Path writeSchedule;

    @Option(names = "--force", description = "Replace an existing --regret-csv, --sweep-csv, --write-trace or"
            + " --write-schedule file (without it an existing file is never overwritten).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (curveStep < 1) {
            throw new IllegalArgumentException("--curve-step: must be >= 1, got " + curveStep);
        }
        java.util.List<Path> inputs = source.trace == null ? java.util.List.of() : java.util.List.of(source.trace);
        if (regretCsv != null) {
            OutputFiles.check("--regret-csv", regretCsv, force, inputs);
        }
        if (writeTrace != null) {
            OutputFiles.check("--write-trace", writeTrace, force, inputs);
        }
        if (sweepCsv != null) {
            OutputFiles.check("--sweep-csv", sweepCsv, force, inputs);
            if (sweepAlpha.isEmpty() || sweepOffload.isEmpty()) {
                throw new IllegalArgumentException("--sweep-csv: needs --sweep-alpha and --sweep-offload");
            }
            for (Path other : new Path[] {regretCsv, writeTrace}) {
                if (other != null && other.toAbsolutePath().normalize().equals(sweepCsv.toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException("--sweep-csv: " + sweepCsv + " is also another output file");
                }
            }
        }
        if (regretCsv != null && writeTrace != null
                && regretCsv.toAbsolutePath().normalize().equals(writeTrace.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--write-trace: " + writeTrace + " is also the --regret-csv file");
        }
        if (writeSchedule != null) {
            OutputFiles.check("--write-schedule", writeSchedule, force, inputs);
            for (Path other : new Path[] {regretCsv, writeTrace, sweepCsv}) {
                if (other != null
                        && other.toAbsolutePath().normalize().equals(writeSchedule.toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException("--write-schedule: " + writeSchedule
                            + " is also another output file");
                }
            }
        }
        RewardModel model = reward.rewardModel();
        SplitPolicy policy = OptionErrors.under(() -> SplitPolicies.create(policyId, exploration, epsilon), "--policy");
        Trace trace = loadTrace();
        String origin = source.trace != null ? source.trace.toString()
                : "generated, " + RandomOnlineInstances.class.getSimpleName() + " " + generatorSettings()
                        + ", seed " + seed;
        if (shuffle) {
            trace = trace.shuffled(seed);
            origin += ", shuffled with seed " + seed;
        }
        OnlineProblem problem = new OnlineProblem(trace, model);
        FixedSplit best = BestFixedSplitSolver.bestSplit(problem);
        PolicyRun run;
        try {
            run = Simulation.run(problem, policy, seed, best);
        } catch (InvalidModelException e) {
            throw new IllegalArgumentException("--policy " + policyId + ": " + e.getMessage());
        }
        OnlineEvaluation finalOnly = problem.evaluate(problem.finalOnly());
        if (writeTrace != null) {
            java.io.StringWriter text = new java.io.StringWriter();
            TraceCsv.write(trace, text);
            OutputFiles.writeString("--write-trace", writeTrace, text.toString());
        }
        if (writeSchedule != null) {
            OutputFiles.writeString("--write-schedule", writeSchedule, ScheduleFiles.text(trace, run.schedule()));
        }
        print(out, trace, origin, model, policy, run, PerSampleOracle.evaluate(problem), finalOnly);
        if (sweepCsv != null) {
            writeSweep(trace, model);
            out.printf("sweep written to %s%n", sweepCsv);
        }
        if (writeSchedule != null) {
            out.printf("schedule written to %s%n", writeSchedule);
        }
        if (regretCsv != null) {
            writeCurve(run);
            out.printf("regret curve written to %s%n", regretCsv);
        }
        return 0;
    }

    private Trace loadTrace() {
        if (source.trace != null) {
            return TraceCsv.read(source.trace);
        }
        try {
            return generatorModel().generate(source.generate, seed);
        } catch (InvalidModelException e) {
            throw new IllegalArgumentException(switch (e.field()) {
                case "samples" -> "--generate: " + e.detail();
                case "exits" -> "--exits: " + e.detail();
                default -> "--generator: " + e.field() + " " + e.detail();
            });
        }
    }

    /** The generator: the defaults with --exits and the --generator overrides. */
    private RandomOnlineInstances generatorModel() {
        RandomOnlineInstances d = RandomOnlineInstances.DEFAULT;
        int classes = d.classes();
        double mu = d.difficultyLocation();
        double tau = d.difficultySpread();
        double kappa = d.steepness();
        double sigma = d.noise();
        for (java.util.Map.Entry<String, String> e : generator.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "classes" -> classes = Integer.parseInt(v);
                    case "mu" -> mu = Double.parseDouble(v);
                    case "tau" -> tau = Double.parseDouble(v);
                    case "kappa" -> kappa = Double.parseDouble(v);
                    case "sigma" -> sigma = Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("--generator: unknown parameter \"" + e.getKey()
                            + "\"; known: classes, mu, tau, kappa, sigma");
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--generator: " + e.getKey() + " must be a number, got \"" + v
                        + "\"");
            }
        }
        return new RandomOnlineInstances(exits, classes, mu, tau, kappa, sigma);
    }

    private String generatorSettings() {
        RandomOnlineInstances g = generatorModel();
        return String.format(Locale.ROOT, "classes=%d, mu=%s, tau=%s, kappa=%s, sigma=%s", g.classes(),
                num(g.difficultyLocation()), num(g.difficultySpread()), num(g.steepness()), num(g.noise()));
    }

    /**
     * Every --sweep-policies policy (seeded with --seed) and the best fixed split in hindsight,
     * for every (alpha, offload) of the grid, on the same trace; the figures are the evaluator's.
     */
    private void writeSweep(Trace trace, RewardModel base) {
        StringBuilder w = new StringBuilder("alpha,offload,policy,split,meanReward,meanCost,costReductionPercent,"
                + "offloadedPercent,accuracyPercent,accuracyDropPoints,regret\n");
        for (double a : sweepAlpha) {
            for (double o : sweepOffload) {
                RewardModel m = reward.rewardModel(a, o);
                OnlineProblem problem = new OnlineProblem(trace, m);
                FixedSplit best = BestFixedSplitSolver.bestSplit(problem);
                OnlineEvaluation fin = problem.evaluate(problem.finalOnly());
                sweepRow(w, a, o, "best-fixed", String.valueOf(best.exit()), problem.evaluate(best), fin, 0);
                for (String id : sweepPolicies) {
                    SplitPolicy policy = OptionErrors.under(() -> SplitPolicies.create(id, exploration, epsilon),
                            "--sweep-policies");
                    PolicyRun run;
                    try {
                        run = Simulation.run(problem, policy, seed, best);
                    } catch (InvalidModelException e) {
                        throw new IllegalArgumentException("--sweep-policies " + id + ": " + e.getMessage());
                    }
                    long[] counts = run.splitCounts(trace.exits());
                    int most = 0;
                    for (int i = 1; i < counts.length; i++) {
                        if (counts[i] > counts[most]) {
                            most = i;
                        }
                    }
                    sweepRow(w, a, o, id, String.valueOf(most), run.evaluation(), fin, run.finalRegret());
                }
            }
        }
        OutputFiles.writeString("--sweep-csv", sweepCsv, w);
    }

    private static void sweepRow(StringBuilder w, double a, double o, String id, String split, OnlineEvaluation e,
                                 OnlineEvaluation fin, double regret) {
        String reduction = fin.meanCost() > 0 ? fmt(100 * (1 - e.meanCost() / fin.meanCost())) : "";
        String acc = e.accuracy().isPresent() ? fmt(100 * e.accuracy().getAsDouble()) : "";
        String drop = e.accuracy().isPresent() && fin.accuracy().isPresent()
                ? fmt(100 * (fin.accuracy().getAsDouble() - e.accuracy().getAsDouble())) : "";
        w.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", num(a), num(o), id, split,
                fmt(e.objective()), fmt(e.meanCost()), reduction, fmt(100 * e.offloadRate()), acc, drop,
                fmt(regret)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static void print(PrintWriter out, Trace trace, String origin, RewardModel model, SplitPolicy policy,
                              PolicyRun run, OnlineEvaluation oracle, OnlineEvaluation finalOnly) {
        int n = trace.size();
        out.printf("trace      %d samples, %d exits, %s (%s)%n", n, trace.exits(),
                trace.hasCorrectness() ? "with correctness" : "correctness unknown", origin);
        out.printf(Locale.ROOT, "reward     alpha %s, lambda %s, offload %s; cost convention %s%n",
                num(model.threshold()), num(model.costPerLayer()), num(model.offloadCost()),
                model.costConvention().key());
        out.printf("policy     %s %s, seed %d%n", policy.id(), run.parameters(), run.seed());
        out.println();
        out.printf("%-26s %12s %10s %10s %10s%n", "", "mean reward", "mean cost", "offloaded", "accuracy");
        row(out, policy.id(), run.evaluation());
        row(out, "best fixed split (exit " + run.comparator().exit() + ")", run.comparatorEvaluation());
        row(out, "per-sample oracle", oracle);
        row(out, "final-layer (exit " + (trace.exits() - 1) + ")", finalOnly);
        out.println();
        out.printf(Locale.ROOT, "regret     %.6g cumulative against the best fixed split after %d rounds"
                + " (%.6g per round)%n", run.finalRegret(), n, run.regretPerRound(n));
        if (n >= 1000) {
            out.printf(Locale.ROOT, "           %.6g per round after 1000 rounds%n", run.regretPerRound(1000));
        }
        long[] counts = run.splitCounts(trace.exits());
        int most = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[most]) {
                most = i;
            }
        }
        out.printf(Locale.ROOT, "splits     most played: exit %d in %.2f %% of rounds%n", most, 100.0 * counts[most] / n);
        if (finalOnly.meanCost() > 0) {
            double reduction = 1 - run.evaluation().meanCost() / finalOnly.meanCost();
            out.printf(Locale.ROOT, "vs final   cost reduction %.2f %%", 100 * reduction);
        } else {
            out.print("vs final   cost reduction n/a (the final-layer policy costs 0, so no relative reduction)");
        }
        if (trace.hasCorrectness()) {
            double a = run.evaluation().accuracy().orElseThrow();
            double f = finalOnly.accuracy().orElseThrow();
            out.printf(Locale.ROOT, ", accuracy drop %.2f points (%.2f %% vs %.2f %%)", 100 * (f - a), 100 * a,
                    100 * f);
        }
        out.println();
    }

    private static void row(PrintWriter out, String label, OnlineEvaluation e) {
        out.printf(Locale.ROOT, "%-26s %12.6f %10.6f %9.2f%% %10s%n", label, e.objective(), e.meanCost(),
                100 * e.offloadRate(), e.accuracy().isPresent()
                        ? String.format(Locale.ROOT, "%.2f%%", 100 * e.accuracy().getAsDouble()) : "n/a");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private void writeCurve(PolicyRun run) {
        StringBuilder w = new StringBuilder("round,split,cumulativeRegret,regretPerRound\n");
        for (int t = 1; t <= run.rounds(); t++) {
            if (t % curveStep == 0 || t == run.rounds() || t == 1) {
                w.append(t).append(',').append(run.split(t)).append(',').append(run.cumulativeRegret(t)).append(',')
                        .append(run.regretPerRound(t)).append('\n');
            }
        }
        OutputFiles.writeString("--regret-csv", regretCsv, w);
    }
}
