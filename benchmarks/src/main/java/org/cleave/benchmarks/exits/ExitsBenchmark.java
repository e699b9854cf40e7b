package org.cleave.benchmarks.exits;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.exits.InverseSearchExitsSolver;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Result;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P2 solve times: exit-set enumeration × min-cut ({@code mincut}) and inverse search on a seeded
 * random instance of the given shape and size with exactly as many exits as the graph's cut
 * vertices allow up to {@code maxExits}; variant (a) without latency bound (min-cut only) or
 * right-sizing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExitsBenchmark {
    @Param({"CHAIN", "RESIDUAL"})
    public RandomGraphs.Shape shape;

    @Param({"30"})
    public int layers;

    @Param({"4"})
    public int maxExits;

    @Param({"minCost", "rightSizing"})
    public String variant;

    private ExitsProblem problem;
    private final MinCutExitsSolver mincut = new MinCutExitsSolver();
    private final InverseSearchExitsSolver inverse = new InverseSearchExitsSolver();

    @Setup
    public void setUp() {
        ExitsProblem p = null;
        for (long seed = 1; p == null || p.graph().exits().size() < Math.min(maxExits, 2); seed++) {
            p = RandomExitsInstances.exits(seed, shape, layers, maxExits);
        }
        double bound = p.maxLatencySeconds().orElse(1.0);
        problem = p.withVariant(variant.equals("minCost")
                ? new ExitsProblem.MinCost(CostWeights.LATENCY, 0, OptionalDouble.empty())
                : new ExitsProblem.RightSizing(bound));
    }

    @Benchmark
    public Result<ExitPlan> mincut() {
        return mincut.solve(problem);
    }

    @Benchmark
    public Result<ExitPlan> inverseSearch() {
        return inverse.solve(problem);
    }
}
