package org.cleave.benchmarks.online;

import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.online.BestFixedSplitSolver;
import org.cleave.algorithms.online.SplitPolicies;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.PolicyRun;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one P7 policy run (choose, score, feedback, regret curve and the evaluator's pass) over
 * a generated trace of {@code samples} samples with 12 exits, α = 0.7, λ = 0.1, o = 0.5.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SplitPolicyBenchmark {
    @Param({"100000"})
    public int samples;

    @Param({"splitee", "splitee-s", "epsilon-greedy", "final-only"})
    public String policy;

    private OnlineProblem problem;
    private FixedSplit best;

    @Setup
    public void setUp() {
        problem = new OnlineProblem(RandomOnlineInstances.DEFAULT.generate(samples, 1), RewardModel.SPLITEE_DEFAULT);
        best = BestFixedSplitSolver.bestSplit(problem);
    }

    @Benchmark
    public PolicyRun run() {
        return Simulation.run(problem, SplitPolicies.create(policy, 1.0, 0.1), 1, best);
    }
}
