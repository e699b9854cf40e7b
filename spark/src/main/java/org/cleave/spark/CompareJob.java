package org.cleave.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.cleave.core.solve.Sense;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.compare.Comparison;
import org.cleave.workflows.compare.ComparisonReport;
import org.cleave.workflows.compare.InstanceSources;
import org.cleave.workflows.io.OutputFiles;
import org.cleave.workflows.options.OptionErrors;
import org.cleave.workflows.report.RunHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import scala.Tuple2;

/**
 * {@code cleave compare} on Spark: the instance × solver × repetition cells
 * ({@link Comparison#cells}) run as Spark tasks, one cell per task, each with the comparison's time
 * limit and seed ({@link Comparison#runCell}, re-verified on the executor); the driver collects the
 * rows in cell order, fills in the gaps ({@link Comparison#withGaps}) and writes the same results
 * table, summary and plots as {@code cleave compare} ({@link ComparisonReport#write}).
 *
 * <p>Options are those of {@code cleave compare} (same names, same defaults) plus {@code --master}.
 * {@code --threads} sets the embedded master {@code local[N]}; under {@code spark-submit} the
 * executors' cores decide how many cells run at once. A cell's instance travels as its JSON text,
 * so executors need no access to the driver's files.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare solvers on a set of instances on Spark: results.csv, results.jsonl, summary.md, plots.")
public final class CompareJob implements Callable<Integer> {
    /** As {@code cleave compare}: more threads than this is refused. */
    static final int MAX_THREADS = 1024;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Instance files or directories of *.json.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--example", paramLabel = "NAME", description = "A built-in instance (repeatable).")
    List<String> examples = new ArrayList<>();

    @Option(names = "--generate", paramLabel = "SPEC",
            description = "Generated instances, e.g. partition:shape=residual,layers=12,count=20,seed=1 (repeatable).")
    List<String> generators = new ArrayList<>();

    @Option(names = "--zoo", split = ",", paramLabel = "MODEL", description = "Zoo models, crossed with --network.")
    List<String> zoo = new ArrayList<>();

    @Option(names = "--network", split = ",", defaultValue = "4g", paramLabel = "NAME")
    List<String> networks = new ArrayList<>();

    @Option(names = "--device", defaultValue = "rpi4")
    String device;

    @Option(names = "--edge", defaultValue = "gpu")
    String edge;

    @Option(names = "--view", defaultValue = "blocks")
    String view;

    @Option(names = "--family", defaultValue = "partition")
    String family;

    @Option(names = "--solvers", split = ",", paramLabel = "ID", description = "Solver ids.")
    List<String> solvers = new ArrayList<>();

    @Option(names = "--all-exact", description = "Every exact solver of each instance's family.")
    boolean allExact;

    @Option(names = "--all", description = "Every solver of each instance's family.")
    boolean all;

    @Option(names = "--time-limit", converter = Launcher.DurationConverter.class, paramLabel = "DURATION")
    Duration timeLimit;

    @Option(names = "--repetitions", defaultValue = "1")
    int repetitions;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--threads", defaultValue = "1",
            description = "Cells at once on the embedded master local[N] (default 1: timings stay clean).")
    int threads;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--quiet", description = "No summary lines.")
    boolean quiet;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not given by spark-submit (default: local[--threads]).")
    String master;

    @Option(names = "--force", description = "Replace the report files of an earlier run in DIR (as cleave"
            + " compare's --force; without it existing files are kept and the run refused).")
    boolean force;

    /** Entry point of {@code spark-submit --class org.cleave.spark.CompareJob}. */
    public static void main(String[] args) {
        int status = Launcher.execute(new CompareJob(), args,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            System.exit(status);
        }
    }

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
        instances.addAll(OptionErrors.under(() -> InstanceSources.zoo(zoo, networks, device, edge, view, family),
                "--family"));
        var comparison = new Comparison.Spec(instances, selection, solvers, repetitions, seed,
                Optional.ofNullable(timeLimit));
        List<Comparison.Row> rows;
        try (SparkSession session = Sessions.open("cleave compare", master, "local[" + threads + "]")) {
            rows = run(session, comparison);
        }
        var summaries = OptionErrors.under(Map.of("out", "-o"), () -> ComparisonReport.write(rows,
                RunHeader.collect("base seed " + seed + ", repetition r uses seed + r"), out));
        if (!quiet) {
            var o = spec.commandLine().getOut();
            o.printf("%d runs on %d instances -> %s%n", rows.size(), instances.size(), out);
            for (var s : summaries) {
                o.printf("  %-22s %-9s wins %d/%d  mean %.3g s%n", s.solver(), s.kind(), s.wins(), s.runs(),
                        s.meanSeconds());
            }
        }
        return 0;
    }

    /**
     * Runs every cell of {@code comparison} as its own Spark task and returns the rows in
     * (instance, solver, repetition) order with gaps filled in: the rows of
     * {@link Comparison#run} but for wall times.
     */
    public static List<Comparison.Row> run(SparkSession session, Comparison.Spec comparison) {
        List<Comparison.Cell> cells = Comparison.cells(comparison);
        List<String> instanceJson = comparison.instances().stream().map(InstanceJson::write).toList();
        List<CellTask> tasks = new ArrayList<>(cells.size());
        for (int k = 0; k < cells.size(); k++) {
            Comparison.Cell c = cells.get(k);
            tasks.add(new CellTask(k, instanceJson.get(c.instance()), comparison.instances().get(c.instance()).name(),
                    c.solverId(), c.repetition()));
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        final long seed = comparison.seed();
        final int reps = comparison.repetitions();
        final long limitNanos = comparison.timeLimit().map(Duration::toNanos).orElse(-1L);
        final int hook = Sessions.failFirstAttemptOf(session);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        List<Tuple2<Integer, WireRow>> collected = jsc.parallelize(tasks, tasks.size())
                .mapToPair(t -> {
                    Sessions.maybeFail(hook, t.index());
                    Instance instance = InstanceJson.read(t.instanceJson(), t.instanceName());
                    var one = new Comparison.Spec(List.of(instance), Comparison.Selection.LISTED,
                            List.of(t.solverId()), reps, seed,
                            limitNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(limitNanos)));
                    Comparison.Row row = Comparison.runCell(one, new Comparison.Cell(0, t.solverId(), t.repetition()));
                    return new Tuple2<>(t.index(), WireRow.of(row));
                }).collect();
        WireRow[] ordered = new WireRow[tasks.size()];
        for (Tuple2<Integer, WireRow> t : collected) {
            ordered[t._1()] = t._2();
        }
        List<Comparison.Row> rows = new ArrayList<>(ordered.length);
        for (WireRow w : ordered) {
            rows.add(w.row());
        }
        return Comparison.withGaps(rows);
    }

    /** One cell as a task: its instance as JSON text. */
    record CellTask(int index, String instanceJson, String instanceName, String solverId, int repetition)
            implements Serializable {
    }

    /** A {@link Comparison.Row} on the wire (the row record is not {@link Serializable}). */
    record WireRow(String instance, String family, String solver, String kind, int repetition, long seed,
                   String status, double objective, double bound, double wallSeconds, boolean verified,
                   LinkedHashMap<String, Number> statistics, String message, Sense sense) implements Serializable {
        static WireRow of(Comparison.Row r) {
            return new WireRow(r.instance(), r.family(), r.solver(), r.kind(), r.repetition(), r.seed(), r.status(),
                    r.objective(), r.bound(), r.wallSeconds(), r.verified(), new LinkedHashMap<>(r.statistics()),
                    r.message(), r.sense());
        }

        Comparison.Row row() {
            Map<String, Number> stats = statistics;
            return new Comparison.Row(instance, family, solver, kind, repetition, seed, status, objective, bound,
                    Double.NaN, Double.NaN, wallSeconds, verified, stats, message, sense);
        }
    }
}
