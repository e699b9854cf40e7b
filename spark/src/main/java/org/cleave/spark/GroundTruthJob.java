package org.cleave.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cleave.core.solve.Solvers;
import org.cleave.instances.Examples;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.BandwidthTrace;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.cleave.workflows.options.OptionErrors;
import org.cleave.workflows.report.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cleave groundtruth} on Spark ({@link SparkGroundTruth}). The options mirror
 * {@code cleave groundtruth}'s (same names, syntax and defaults, {@code --per-user} (random draws
 * and trace columns), {@code --trace} and {@code --certify} included; parsed here with picocli,
 * because this module does not depend on the cli) plus {@code --master} and
 * {@code --states-per-partition}. Trace files are read on the driver; their rows travel to the
 * executors, which never open them.
 * {@code --format} is {@code parquet} (the default) or {@code jsonl} (Parquet and JSON Lines);
 * {@code csv} is refused, since a CSV column cannot hold the array columns.
 * {@code --threads N} sets the embedded master {@code local[N]} (default all cores); under
 * {@code spark-submit} the executors' cores decide.
 *
 * <pre>
 *   spark-submit --class org.cleave.spark.GroundTruthJob cleave-spark-submit.jar FILE --axis … -o OUT
 *   java -jar spark/target/cleave-spark.jar groundtruth FILE --axis … -o OUT [--master local[*]]
 * </pre>
 */
@Command(name = "groundtruth", mixinStandardHelpOptions = true,
        description = "Label a state space with optimal decisions on Spark (Parquet, one file per state range);"
                + " resumable.")
public final class GroundTruthJob implements Callable<Integer> {
    /** Library fields reported under this job's options (the mapping of {@code cleave groundtruth}). */
    private static final Map<String, String> ERROR_FIELDS = Map.of("solver", "--solver", "certify", "--certify",
            "axis", "--axis", "threads", "--threads", "randomStates", "--random", "axes", "--axis",
            "per-user", "--per-user", "trace", "--trace", "out", "-o");

    @Spec
    CommandSpec spec;

    /** The instance: a file or a built-in example. */
    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE", description = "Instance file (JSON).")
        Path file;

        @Option(names = "--example", paramLabel = "NAME", description = "A built-in instance.")
        String example;

        Instance load() {
            return file != null ? InstanceJson.read(file) : Examples.load(example);
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--solver", paramLabel = "ID", description = "Solver id (default: the family's default exact"
            + " solver, as cleave groundtruth's: mincut for P1 and P2, dp for P4).")
    String solver;

    @Option(names = "--axis", paramLabel = "NAME=FROM:TO[:POINTS[:log|lin]]",
            description = "A state axis, e.g. uplink=0.1Mbps:1000Mbps:200 or load=0:0.8:9:lin (repeatable).")
    List<String> axes = new ArrayList<>();

    @Option(names = "--random", paramLabel = "N", defaultValue = "0",
            description = "N seeded random states drawn from the axis ranges instead of the grid.")
    int random;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--format", defaultValue = "parquet",
            description = "parquet, or jsonl for Parquet and JSON Lines (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--time-limit", converter = Launcher.DurationConverter.class, paramLabel = "DURATION")
    Duration timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Cores of the embedded master local[N] (default:"
            + " all cores).")
    Integer threads;

    @Option(names = "--per-user", paramLabel = "QUANTITY=DIST",
            description = "P4: draw each user's uplink, downlink or load per state, e.g."
                    + " uplink=lognormal:median=5Mbps,sigma=0.8, load=uniform:from=0,to=0.8 or"
                    + " uplink=trace:FILE[,column=NAME] (user u in state i reads row (i + s_u) mod rows, s_u a seeded"
                    + " start row per user; default column uplink_bps, downlink_bps or load) (repeatable). A trace"
                    + " file is read here, on the driver, and its column travels to the executors.")
    List<String> perUser = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "FILE",
            description = "A bandwidth trace: CSV with header columns time_s (s), uplink_bps, downlink_bps (bit/s);"
                    + " one state per row (columns state_trace_row, state_time_s, state_uplink_bps,"
                    + " state_downlink_bps). With --axis (not uplink/downlink): rows x grid; with --random N: state i"
                    + " takes row i mod rows and draws the axes. Single-user families with link axes (P1, P2, P3, P5)."
                    + " Read here, on the driver; its rows travel to the executors.")
    Path trace;

    @Option(names = "--certify", paramLabel = "SOLVER2",
            description = "Solve every state again with this second exact solver (column certified).")
    String certify;

    @Option(names = "--states-per-partition", paramLabel = "N",
            defaultValue = "" + SparkGroundTruth.Options.DEFAULT_STATES_PER_PARTITION,
            description = "States per Spark task and per output file (default: ${DEFAULT-VALUE}).")
    int statesPerPartition;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not given by spark-submit (default: local[--threads], else local[*]).")
    String master;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR")
    String out;

    @Option(names = "--quiet", description = "No progress output (as cleave groundtruth's; the summary line stays).")
    boolean quiet;

    /** Entry point of {@code spark-submit --class org.cleave.spark.GroundTruthJob}. */
    public static void main(String[] args) {
        int status = Launcher.execute(new GroundTruthJob(), args,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The ground-truth spec of these options, read and checked on the driver as {@code cleave
     * groundtruth} reads and checks it (instance, axes, per-user draws and trace columns, bandwidth
     * trace, solver and certifier); errors name the option.
     */
    GroundTruth.Spec groundTruthSpec() {
        Instance base = source.load();
        String solverId = solver != null ? solver : Solvers.defaultExact(base.problem().family());
        List<Axis> parsed = OptionErrors.named("--axis", "axis", () -> axes.stream().map(Axis::parse).toList());
        List<PerUser> draws = OptionErrors.named("--per-user", "per-user",
                () -> perUser.stream().map(PerUser::parse).toList());
        Optional<BandwidthTrace> bandwidth = trace == null ? Optional.empty()
                : Optional.of(OptionErrors.named("--trace", "trace", () -> BandwidthTrace.read(trace)));
        // the table format is fixed so the fingerprint depends on the labels only; formats are in _meta
        var gt = OptionErrors.under(Map.of("axes", "--axis", "randomStates", "--random"),
                () -> new GroundTruth.Spec(base, solverId, parsed, random, seed, Table.JSONL,
                        Optional.ofNullable(timeLimit), Optional.ofNullable(certify), draws, bandwidth));
        // an unknown axis, solver or per-user quantity is refused before Spark starts
        OptionErrors.under(ERROR_FIELDS, () -> {
            GroundTruth.columns(gt);
            return GroundTruth.labeller(gt);
        });
        return gt;
    }

    @Override
    public Integer call() throws Exception {
        GroundTruth.Spec gt = groundTruthSpec();
        boolean jsonl = switch (format.toLowerCase(Locale.ROOT)) {
            case "parquet" -> false;
            case "jsonl", "json" -> true;
            default -> throw new IllegalArgumentException("--format: expected parquet or jsonl (CSV cannot hold the"
                    + " array columns), got '" + format + "'");
        };
        if (threads != null && (threads < 1 || threads > GroundTruth.MAX_THREADS)) {
            throw new IllegalArgumentException("--threads: must be in [1, " + GroundTruth.MAX_THREADS + "], got "
                    + threads);
        }
        var options = OptionErrors.under(Map.of("statesPerPartition", "--states-per-partition"),
                () -> new SparkGroundTruth.Options(statesPerPartition, jsonl));
        String local = "local[" + (threads == null ? "*" : threads) + "]";
        SparkGroundTruth.Summary s;
        try (SparkSession session = Sessions.open("cleave groundtruth", master, local)) {
            s = OptionErrors.under(ERROR_FIELDS, () -> SparkGroundTruth.run(session, gt, out, options));
        }
        if (spec != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "%d states in %d partitions (%d resumed, %d states labelled"
                            + " now) -> %s, %.1f states/s%n", s.states(), s.partitions(), s.resumed(), s.labelled(),
                    out, s.statesPerSecond());
        }
        return 0;
    }
}
