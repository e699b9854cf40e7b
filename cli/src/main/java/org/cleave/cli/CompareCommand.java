package org.cleave.cli;

import org.cleave.workflows.options.OptionErrors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cleave.core.upload.UploadMode;
import org.cleave.instances.zoo.DataType;
import org.cleave.workflows.compare.Comparison;
import org.cleave.workflows.compare.ComparisonReport;
import org.cleave.workflows.compare.InstanceSources;
import org.cleave.workflows.io.OutputFiles;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.RunHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cleave compare}: solvers × instances × repetitions, with CSV, JSONL, Markdown and plots. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare solvers on a set of instances: results.csv, results.jsonl, summary.md and plots.")
final class CompareCommand implements Callable<Integer> {
    /** Most runs in parallel. */
    static final int MAX_THREADS = 1024;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Instance files or directories of *.json.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--example", paramLabel = "NAME", description = "A built-in instance (repeatable).")
    List<String> examples = new ArrayList<>();

    @Option(names = "--generate", paramLabel = "SPEC",
            description = "Generated instances, FAMILY[:key=value,...], e.g. partition:shape=residual,layers=12,count=20,"
                    + "seed=1 (repeatable). Families: partition, tiers (shape, layers, weights), exits, throughput"
                    + " (shape, layers, exits), upload (shape, layers, weights, mode), multiuser (users, units,"
                    + " options, constraints), stopping (layers); every one also count and seed.")
    List<String> generators = new ArrayList<>();

    @Option(names = "--zoo", split = ",", paramLabel = "MODEL",
            description = "Zoo models (see 'cleave zoo list'), crossed with --network, under --device and --edge.")
    List<String> zoo = new ArrayList<>();

    @Option(names = "--network", split = ",", defaultValue = "4g", paramLabel = "NAME",
            description = "Network profiles for --zoo (default: ${DEFAULT-VALUE}).")
    List<String> networks = new ArrayList<>();

    @Option(names = "--device", defaultValue = "rpi4", description = "Device profile for --zoo (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--edge", defaultValue = "gpu", description = "Edge profile for --zoo (default: ${DEFAULT-VALUE}).")
    String edge;

    @Option(names = "--view", defaultValue = "blocks", description = "layers or blocks, for --zoo (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--family", defaultValue = "partition",
            description = "Family of the --zoo instances: partition, exits, throughput or upload (default:"
                    + " ${DEFAULT-VALUE}).")
    String family;

    @Option(names = "--dtype", defaultValue = "float32",
            description = "Tensor and weight type of the --zoo models: float32, float16 or int8 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--upload-mode", split = ",", paramLabel = "MODE",
            description = "With --family upload: one --zoo instance per mode (parallel, serial, preloaded), named"
                    + " MODEL-VIEW-NETWORK-DEVICE-EDGE-MODE (default: parallel only, no suffix).")
    List<String> uploadModes = new ArrayList<>();

    @Option(names = "--solvers", split = ",", paramLabel = "ID", description = "Solver ids.")
    List<String> solvers = new ArrayList<>();

    @Option(names = "--all-exact", description = "Every exact solver of each instance's family.")
    boolean allExact;

    @Option(names = "--all", description = "Every solver of each instance's family.")
    boolean all;

    @Option(names = "--time-limit", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Wall-clock limit per run, e.g. 10s, 500ms, 2m (default: none).")
    Duration timeLimit;

    @Option(names = "--repetitions", defaultValue = "1", paramLabel = "N",
            description = "Runs of every solver on every instance; repetition r uses seed + r (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Base seed of randomised solvers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "Runs in parallel (default 1: timings stay clean).")
    int threads;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing; its parent must exist).")
    Path out;

    @Option(names = "--force", description = "Replace results.csv, results.jsonl, summary.md and the plots if "
            + "DIR already has them (without it an existing file is never overwritten).")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Comparison.Selection selection = all ? Comparison.Selection.ALL
                : allExact ? Comparison.Selection.ALL_EXACT : Comparison.Selection.LISTED;
        if ((all || allExact) && !solvers.isEmpty() || all && allExact) {
            throw new IllegalArgumentException("--solvers, --all-exact and --all exclude each other");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repetitions: must be >= 1, got " + repetitions);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("--threads: must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        OptionErrors.under(Map.of("out", "-o"), () -> {
            OutputFiles.checkDirectory("out", out, force, files, ComparisonReport.FILES);
            return null;
        });
        var instances = new ArrayList<>(OptionErrors.under(() -> InstanceSources.load(files, examples, List.of()),
                "--example"));
        for (String g : generators) {
            instances.addAll(OptionErrors.named("--generate", "", () -> InstanceSources.generate(g)));
        }
        DataType dataType = OptionErrors.named("--dtype", "data type", () -> DataType.fromKey(dtype));
        List<UploadMode> modes = new ArrayList<>();
        for (String m : uploadModes) {
            modes.add(OptionErrors.named("--upload-mode", "mode", () -> UploadMode.fromKey(m)));
        }
        if (!modes.isEmpty() && zoo.isEmpty()) {
            throw new IllegalArgumentException("--upload-mode: applies to --zoo instances, and there are none");
        }
        instances.addAll(OptionErrors.under(() -> InstanceSources.zoo(zoo, networks, device, edge, view, family,
                dataType, modes), "--family"));
        var comparison = new Comparison.Spec(instances, selection, solvers, repetitions, seed,
                Optional.ofNullable(timeLimit));
        var err = spec.commandLine().getErr();
        var rows = Comparison.run(comparison, threads, quiet ? Progress.none() : Progress.bar(err, "compare"));
        var summaries = OptionErrors.under(Map.of("out", "-o"), () -> ComparisonReport.write(rows, RunHeader.collect("base seed " + seed + ", repetition r uses "
                + "seed + r"), out));
        var o = spec.commandLine().getOut();
        o.printf("%d runs on %d instances -> %s%n", rows.size(), instances.size(), out);
        for (var s : summaries) {
            o.printf("  %-22s %-9s wins %d/%d  mean %s%s%n", s.solver(), s.kind(), s.wins(), s.runs(),
                    org.cleave.workflows.units.Engineering.seconds(s.meanSeconds()),
                    s.notApplicable() == 0 ? "" : "  not applicable to " + s.notApplicable() + " runs");
        }
        return 0;
    }
}
