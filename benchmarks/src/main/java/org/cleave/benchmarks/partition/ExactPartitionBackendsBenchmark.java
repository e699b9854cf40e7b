package org.cleave.benchmarks.partition;

import java.util.concurrent.TimeUnit;
import org.cleave.benchmarks.CheckedBackend;
import org.cleave.benchmarks.ZooProblems;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per solve of each exact P1 backend on the block-level chain of every zoo model under 4G
 * ({@link ZooProblems}: 5.85 Mbit/s up, rpi4 device, gpu edge, latency objective). Each trial
 * first checks that the backend answers OPTIMAL with {@code mincut}'s objective.
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ExactPartitionBackendsBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ExactPartitionBackendsBenchmark {
    /** The solver id. */
    @Param({"mincut", "mincut-compiled", "enumerate", "ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs",
            "ortools-cpsat", "choco"})
    public String solver;

    /** The zoo model (its block view). */
    @Param({"alexnet", "vgg16", "resnet18", "resnet50", "googlenet", "inception-v3", "mobilenetv2", "nin",
            "tiny-yolov2"})
    public String model;

    private Solver<PartitionProblem, Placement> backend;
    private PartitionProblem problem;

    @Setup(Level.Trial)
    public void setUp() {
        problem = ZooProblems.partition(model);
        backend = CheckedBackend.require(Family.PARTITION, solver, "mincut", problem, model);
    }

    @Benchmark
    public Result<Placement> solve() {
        return backend.solve(problem);
    }
}
