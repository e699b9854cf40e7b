package org.cleave.benchmarks.online;

import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.online.BestFixedSplitSolver;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.RewardModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Time of the exact best-fixed-split solver (one pass, all L splits) over a generated trace. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BestFixedSplitBenchmark {
    @Param({"100000"})
    public int samples;

    private OnlineProblem problem;

    @Setup
    public void setUp() {
        problem = new OnlineProblem(RandomOnlineInstances.DEFAULT.generate(samples, 1), RewardModel.SPLITEE_DEFAULT);
    }

    @Benchmark
    public FixedSplit solve() {
        return BestFixedSplitSolver.bestSplit(problem);
    }
}
