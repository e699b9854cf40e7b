package org.cleave.benchmarks.throughput;

import java.util.concurrent.TimeUnit;
import org.cleave.benchmarks.CheckedBackend;
import org.cleave.benchmarks.ZooProblems;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.throughput.ThroughputProblem;
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
 * Time per solve of each exact P3 backend on the block-level chain of every multi-exit zoo model
 * under 4G ({@link ZooProblems}: minimum period, no frame rate, accuracy floor 0.97 × the final
 * classifier's). Each trial first checks that the backend answers OPTIMAL with {@code enumerate}'s
 * objective.
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ExactThroughputBackendsBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ExactThroughputBackendsBenchmark {
    /** The solver id. */
    @Param({"enumerate", "ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs", "ortools-cpsat", "choco"})
    public String solver;

    /** The multi-exit zoo model (its block view). */
    @Param({"b-alexnet", "resnet18-exits", "resnet50-exits", "vgg16-exits", "mobilenetv2-exits"})
    public String model;

    private Solver<ThroughputProblem, ExitPlan> backend;
    private ThroughputProblem problem;

    @Setup(Level.Trial)
    public void setUp() {
        problem = ZooProblems.throughput(model);
        backend = CheckedBackend.require(Family.THROUGHPUT, solver, "enumerate", problem, model);
    }

    @Benchmark
    public Result<ExitPlan> solve() {
        return backend.solve(problem);
    }
}
