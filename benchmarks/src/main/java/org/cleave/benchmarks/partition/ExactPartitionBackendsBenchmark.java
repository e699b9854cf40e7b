package org.cleave.benchmarks.partition;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cleave.core.generate.GraphGenerator;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
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
 * Solve time of each exact P1 backend — {@code mincut} (reference), {@code ortools-milp:scip},
 * {@code ortools-milp:cbc}, {@code ortools-milp:highs}, {@code ortools-cpsat}, {@code choco} — on
 * generated chains and residual DAGs of about 20 and 60 layers (seed 2026) under a 4G-like link:
 * uplink 5.85 Mbit/s, downlink 20 Mbit/s, 20 ms one-way latency; device 10 GFLOP/s (2 W compute,
 * 1.5 W transmit, 0.3 W idle), edge 1 TFLOP/s, latency-only objective. Every solve must be
 * OPTIMAL (checked in {@link #setUp()} once per trial, so a broken backend fails instead of
 * being timed). The model-zoo block views belong here once the zoo is on main.
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
    @Param({"mincut", "ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs", "ortools-cpsat", "choco"})
    public String solver;

    /** Shape and number of layers after the input. */
    @Param({"chain-20", "chain-60", "residual-20", "residual-60"})
    public String graph;

    private Solver<PartitionProblem, Placement> backend;
    private PartitionProblem problem;

    /** The instance named by {@code graph}, under the 4G link. */
    static PartitionProblem instance(String graph) {
        String[] parts = graph.split("-");
        GraphGenerator.Shape shape = GraphGenerator.Shape.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        DnnGraph g = GraphGenerator.generate(shape, Integer.parseInt(parts[1]), new SplittableRandom(2026));
        return new PartitionProblem(g, new Device(1e10, 2, 1.5, 0.3), new EdgeServer(1e12),
                new Link(5.85e6, 20e6, 0.02));
    }

    @Setup(Level.Trial)
    public void setUp() {
        problem = instance(graph);
        backend = Solvers.<PartitionProblem, Placement>require(Family.PARTITION, solver);
        Result<Placement> r = backend.solve(problem);
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException(solver + " on " + graph + ": " + r.status() + " " + r.message());
        }
    }

    @Benchmark
    public Result<Placement> solve() {
        return backend.solve(problem);
    }
}
