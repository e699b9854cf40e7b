package org.cleave.benchmarks.stopping;

import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.stopping.BackwardInductionStoppingSolver;
import org.cleave.algorithms.stopping.StoppingPolicies;
import org.cleave.core.stopping.RandomStoppingInstances;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P6 backward induction on random chains of {@code layers} layers (seeded
 * {@link RandomStoppingInstances#random}): {@code thresholds} computes the optimal stopping rule for the
 * full placement m = L (one backward pass: L integrals plus the deferral roots where waiting is
 * optimal; the goal is <= 100 µs at L = 100, issue 22); {@code placementSearch} runs the whole
 * {@code backward-induction} solver, i.e. the pass for every m = 0..L and m* (O(L²) integrals).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BackwardInductionBenchmark {
    @Param({"100"})
    int layers;

    @Param({"1"})
    long seed;

    private StoppingProblem problem;
    private final BackwardInductionStoppingSolver solver = new BackwardInductionStoppingSolver();

    @Setup
    public void setUp() {
        problem = RandomStoppingInstances.random(seed, layers);
    }

    @Benchmark
    public StoppingPlan thresholds() {
        return StoppingPolicies.backwardInduction(problem, layers);
    }

    @Benchmark
    public Object placementSearch() {
        return solver.solve(problem).plan();
    }
}
