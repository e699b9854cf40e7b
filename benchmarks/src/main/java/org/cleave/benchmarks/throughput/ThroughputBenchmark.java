package org.cleave.benchmarks.throughput;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.throughput.DadsModeSwitchThroughputSolver;
import org.cleave.algorithms.throughput.DshThroughputSolver;
import org.cleave.algorithms.throughput.EnumerationThroughputSolver;
import org.cleave.algorithms.throughput.InverseSearchThroughputSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Result;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputProblem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P3 solve times: exact enumeration, DSH, inverse search (heavy mode) and DADS' mode switch on a
 * seeded random instance (no frame rate) with up to two exits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThroughputBenchmark {
    @Param({"CHAIN", "INCEPTION"})
    public RandomGraphs.Shape shape;

    @Param({"12"})
    public int layers;

    private ThroughputProblem problem;
    private final EnumerationThroughputSolver enumerate = new EnumerationThroughputSolver();
    private final DshThroughputSolver dsh = new DshThroughputSolver();
    private final InverseSearchThroughputSolver inverse = new InverseSearchThroughputSolver();
    private final DadsModeSwitchThroughputSolver modeSwitch = new DadsModeSwitchThroughputSolver();

    @Setup
    public void setUp() {
        problem = RandomThroughputInstances.throughput(17, shape, layers, 2).withFrameRate(OptionalDouble.empty());
    }

    @Benchmark
    public Result<ExitPlan> enumerate() {
        return enumerate.solve(problem);
    }

    @Benchmark
    public Result<ExitPlan> dsh() {
        return dsh.solve(problem);
    }

    @Benchmark
    public Result<ExitPlan> inverseSearch() {
        return inverse.solve(problem);
    }

    @Benchmark
    public Result<ExitPlan> modeSwitch() {
        return modeSwitch.solve(problem);
    }
}
