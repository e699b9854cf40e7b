package org.cleave.cli;

import org.cleave.workflows.options.OptionErrors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cleave.instances.io.Instance;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.BandwidthTrace;
import org.cleave.workflows.groundtruth.CertificationException;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.cleave.workflows.io.OutputFiles;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cleave groundtruth}: a deterministic, resumable data set of optimal decisions over a state space. */
@Command(name = "groundtruth", mixinStandardHelpOptions = true,
        description = "Label a state space with optimal decisions (one row per state); resumable after a crash.")
final class GroundTruthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    InstanceArgument source;

    @Option(names = "--solver", paramLabel = "ID", description = "Solver id (default: the family's default exact"
            + " solver: mincut for P1 and P2, dp for P4).")
    String solver;

    @Option(names = "--axis", paramLabel = "NAME=FROM:TO[:POINTS[:log|lin]]",
            description = "A state axis, e.g. uplink=0.1Mbps:1000Mbps:200 or load=0:0.8:9:lin (repeatable).")
    List<String> axes = new ArrayList<>();

    @Option(names = "--random", paramLabel = "N", defaultValue = "0",
            description = "N seeded random states drawn from the axis ranges instead of the grid.")
    int random;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the random states and of randomised solvers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv.")
    String format;

    @Option(names = "--time-limit", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Wall-clock limit per state, e.g. 10s, 500ms (default: none).")
    Duration timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, 1 to "
            + GroundTruth.MAX_THREADS + " (default: all cores).")
    Integer threads;

    @Option(names = "--per-user", paramLabel = "QUANTITY=DIST",
            description = "P4: draw each user's uplink, downlink or load per state, e.g."
                    + " uplink=lognormal:median=5Mbps,sigma=0.8, load=uniform:from=0,to=0.8 or"
                    + " uplink=trace:FILE[,column=NAME] (user u in state i reads row (i + s_u) mod rows, s_u a seeded"
                    + " start row per user; default column uplink_bps, downlink_bps or load) (repeatable).")
    List<String> perUser = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "FILE",
            description = "A bandwidth trace: CSV with header columns time_s (s), uplink_bps, downlink_bps (bit/s);"
                    + " one state per row (columns state_trace_row, state_time_s, state_uplink_bps,"
                    + " state_downlink_bps). With --axis (not uplink/downlink): rows x grid; with --random N: state i"
                    + " takes row i mod rows and draws the axes. Single-user families with link axes (P1, P2, P3, P5).")
    Path trace;

    @Option(names = "--certify", paramLabel = "SOLVER2",
            description = "Solve every state again with this second exact solver; the objectives must agree to 1e-6"
                    + " relative (column certified), a disagreement stops the run.")
    String certify;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output file; its folder must exist. An existing FILE is resumed only if its FILE.meta "
                    + "shows the same arguments, and is otherwise never overwritten.")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** The help footer: the axis names each family understands, from its scenario. */
    static String[] axesFooter() {
        List<String> lines = new ArrayList<>();
        lines.add("Axes per family (NAME of --axis):");
        for (org.cleave.core.solve.Family f : org.cleave.core.solve.Family.values()) {
            org.cleave.workflows.groundtruth.Scenario scenario;
            try {
                scenario = org.cleave.workflows.groundtruth.Scenarios.of(f);
            } catch (IllegalArgumentException e) {
                continue;
            }
            lines.add("  " + f.key() + " (" + f.code() + "):");
            scenario.axes().forEach((name, what) -> lines.add(String.format("    %-16s %s", name, what)));
        }
        return lines.toArray(String[]::new);
    }

    @Override
    public Integer call() throws Exception {
        OptionErrors.under(Map.of("out", "-o"), () -> {
            List<Path> inputs = new ArrayList<>(source.inputs());
            inputs.add(trace); // null when absent: skipped
            OutputFiles.check("out", out, true, inputs);
            return null;
        });
        Instance base = source.load();
        String solverId = solver != null ? solver
                : org.cleave.core.solve.Solvers.defaultExact(base.problem().family());
        List<Axis> parsed = OptionErrors.named("--axis", "axis", () -> axes.stream().map(Axis::parse).toList());
        Table table = OptionErrors.named("--format", "format", () -> Table.parse(format));
        List<PerUser> draws = OptionErrors.named("--per-user", "per-user",
                () -> perUser.stream().map(PerUser::parse).toList());
        Optional<BandwidthTrace> bandwidth = trace == null ? Optional.empty()
                : Optional.of(OptionErrors.named("--trace", "trace", () -> BandwidthTrace.read(trace)));
        var gt = OptionErrors.under(Map.of("axes", "--axis", "randomStates", "--random"),
                () -> new GroundTruth.Spec(base, solverId, parsed, random, seed, table,
                        Optional.ofNullable(timeLimit), Optional.ofNullable(certify), draws, bandwidth));
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        var err = spec.commandLine().getErr();
        GroundTruth.Summary s;
        try {
            s = OptionErrors.under(Map.of("solver", "--solver", "certify", "--certify", "axis", "--axis",
                            "threads", "--threads", "randomStates", "--random", "axes", "--axis", "per-user", "--per-user",
                            "trace", "--trace", "out", "-o"),
                    () -> GroundTruth.run(gt, out, t, quiet ? Progress.none() : Progress.bar(err, "groundtruth")));
        } catch (CertificationException e) {
            err.println("cleave: " + e.getMessage());
            return Cleave.BAD_INPUT;
        }
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d states (%d resumed, %d labelled now) -> %s, %.1f states/s on %d threads%n",
                s.states(), s.resumedFrom(), s.labelled(), out, s.statesPerSecond(), t);
        GroundTruth.PlanSignal p = s.plans();
        if (p.withPlan() > 0) {
            o.printf(Locale.ROOT, "%s%d distinct optimal plans over the %d states with a plan labelled now;"
                            + " the most frequent covers %.1f%%%n", p.capped() ? "at least " : "", p.distinct(),
                    p.withPlan(), 100 * p.mostFrequentShare());
        }
        return 0;
    }
}
