package org.cleave.benchmarks.groundtruth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Family;
import org.cleave.instances.io.Instance;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Labelled P2 states per second of {@code cleave groundtruth}, the early-exit twin of
 * {@link GroundTruthBenchmark}: the zoo {@code resnet18-exits} layer DAG with its exits
 * ({@code cleave zoo export resnet18-exits --family exits --view layers --network 4g --device rpi4
 * --edge gpu}: variant (a), latency objective), {@value #STATES} random states with uplink
 * log-uniform in 0.1 Mbit/s – 1 Gbit/s, downlink log-uniform in 1 Mbit/s – 1 Gbit/s, device load
 * uniform in [0, 0.9] and accuracy floor uniform in [0, final classifier's accuracy], solver
 * {@code mincut-compiled}, 2 threads, JSON Lines written to a temporary file (verified labels, all
 * columns). One operation is one labelled state, so the score is states per second. {@code engine}
 * ({@link GroundTruth.Engine}; P2 has no plan map, so {@code MAPPED}, the default, is {@code WARM}):
 * {@code WARM} re-solves one warm solver per worker thread (its compiled network and exit-set
 * catalogue kept) for every state; {@code SOLVER} calls the solver for every state (compile, exit
 * sets, profiles and solve), the baseline. Every invocation uses a new seed. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar GroundTruthExitsBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GroundTruthExitsBenchmark {
    /** States labelled per invocation. */
    public static final int STATES = 2_000;

    @Param({"WARM", "SOLVER"})
    public GroundTruth.Engine engine;

    @Param({"2"})
    public int threads;

    @Param({"resnet18-exits"})
    public String model;

    private GroundTruth.Spec spec;
    private Path dir;
    private Path out;
    private long seed;

    @Setup
    public void setUp() throws IOException {
        spec = spec(model, STATES, 1);
        dir = Files.createTempDirectory("groundtruth-exits-bench");
        out = dir.resolve("labels.jsonl");
    }

    /**
     * The benchmark's spec: zoo {@code model} as a P2 instance (layers, 4g, rpi4, gpu), {@code states}
     * random states of uplink, downlink, load and accuracy floor, {@code mincut-compiled}, JSON Lines.
     */
    static GroundTruth.Spec spec(String model, int states, long seed) {
        Instance base = ZooInstances.of(Family.EXITS, Zoo.get(model), ZooInstances.View.LAYERS, "4g", "rpi4", "gpu");
        double finalAccuracy = ((ExitsProblem) base.problem()).finalAccuracy();
        return new GroundTruth.Spec(base, "mincut-compiled", List.of(Axis.parse("uplink=0.1Mbps:1000Mbps"),
                Axis.parse("downlink=1Mbps:1000Mbps"), Axis.parse("load=0:0.9"),
                Axis.parse(String.format(Locale.ROOT, "accuracy=0:%s", finalAccuracy))), states, seed, Table.JSONL,
                Optional.empty());
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public long label() throws IOException {
        Files.deleteIfExists(out);
        Files.deleteIfExists(out.resolveSibling("labels.jsonl.meta"));
        GroundTruth.Spec s = new GroundTruth.Spec(spec.base(), spec.solverId(), spec.axes(), STATES, ++seed,
                spec.format(), spec.timeLimit());
        return GroundTruth.run(s, out, threads, Progress.none(), engine).plans().distinct();
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(out);
        Files.deleteIfExists(out.resolveSibling("labels.jsonl.meta"));
        Files.deleteIfExists(dir);
    }
}
