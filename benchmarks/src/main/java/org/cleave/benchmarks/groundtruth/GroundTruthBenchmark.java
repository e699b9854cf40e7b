package org.cleave.benchmarks.groundtruth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * Labelled P1 states per second of {@code cleave groundtruth}: the zoo ResNet-50 layer DAG (177
 * layers; {@code cleave zoo export resnet50 --view layers --network 4g --device rpi4 --edge gpu}),
 * {@value #STATES} random states with uplink log-uniform in 0.1 Mbit/s – 1 Gbit/s, downlink
 * log-uniform in 1 Mbit/s – 1 Gbit/s and device load uniform in [0, 0.9], solver
 * {@code mincut-compiled}, 2 threads, JSON Lines written to a temporary file (verified labels, all
 * columns). One operation is one labelled state, so the score is states per second. {@code engine}
 * ({@link GroundTruth.Engine}): {@code MAPPED} (the default of {@code cleave groundtruth}) reads the
 * plans from an exact plan map shared by the workers, built during the run (its corner solves are
 * counted in the score); {@code WARM} re-solves one compiled network per worker thread for every
 * state; {@code SOLVER} calls the solver for every state (compile + solve), the baseline. Every
 * invocation uses a new seed, so no state (and no map) is reused. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar GroundTruthBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GroundTruthBenchmark {
    /** States labelled per invocation. */
    public static final int STATES = 20_000;

    @Param({"MAPPED", "WARM", "SOLVER"})
    public GroundTruth.Engine engine;

    @Param({"2"})
    public int threads;

    private GroundTruth.Spec spec;
    private Path dir;
    private Path out;
    private long seed;

    @Setup
    public void setUp() throws IOException {
        Instance resnet50 = ZooInstances.of(Family.PARTITION, Zoo.get("resnet50"), ZooInstances.View.LAYERS, "4g",
                "rpi4", "gpu");
        spec = new GroundTruth.Spec(resnet50, "mincut-compiled", List.of(Axis.parse("uplink=0.1Mbps:1000Mbps"),
                Axis.parse("downlink=1Mbps:1000Mbps"), Axis.parse("load=0:0.9")), STATES, 1, Table.JSONL,
                Optional.empty());
        dir = Files.createTempDirectory("groundtruth-bench");
        out = dir.resolve("labels.jsonl");
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
