package org.cleave.benchmarks.multiuser;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.multiuser.AraMultiUserSolver;
import org.cleave.algorithms.multiuser.DynamicProgrammingMultiUserSolver;
import org.cleave.algorithms.multiuser.ReferenceDynamicProgram;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.instances.multiuser.RandomZooMultiUserInstances;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.Zoo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P4 at scale (issue 22): {@code users} zoo users alternating {@code resnet18-exits} and
 * {@code mobilenetv2-exits} (block view, every cut vertex × exit subset), K_F = K_B = 64, the
 * {@code network} profile (4G, the CLI's default, where most users are best served on their device;
 * 5G, where offloading pays and each user's staircase has about 2,000 entries), made by
 * {@link RandomZooMultiUserInstances} exactly as {@code cleave generate multiuser --users N --units 64
 * --models resnet18-exits,mobilenetv2-exits --network NET --seed S} makes them. Times one
 * solve from the problem (the allocation table included): the bounded {@code dp} (goal ≤ 1 s at 100
 * users), the plain recursion it replaced ({@link ReferenceDynamicProgram}, the baseline) and the
 * {@code ara} heuristic. The setup prints ara's gap to the optimum. Single-shot: one solve per
 * iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MultiUserScaleBenchmark {
    /** The models users cycle through. */
    public static final List<String> MODELS = List.of("resnet18-exits", "mobilenetv2-exits");

    @Param({"20", "60", "100"})
    public int users;

    @Param({"1"})
    public long seed;

    @Param({"4g", "5g"})
    public String network;

    private MultiUserProblem problem;
    private final DynamicProgrammingMultiUserSolver dp = new DynamicProgrammingMultiUserSolver();
    private final AraMultiUserSolver ara = new AraMultiUserSolver();

    /** The instance {@code cleave generate multiuser} writes for these parameters. */
    public static MultiUserProblem instance(int users, long seed, String network) {
        return new RandomZooMultiUserInstances(name -> Zoo.get(name).blockGraph(), Profiles::network)
                .generate(users, 64, seed, MODELS, network, RandomZooMultiUserInstances.DEFAULT_EDGE_FLOPS_PER_SECOND);
    }

    @Setup
    public void setUp() {
        problem = instance(users, seed, network);
        double optimum = optimal(dp.solve(problem));
        Result<MultiUserPlan> heuristic = ara.solve(problem);
        System.out.printf("%n[%d users, seed %d, %s] dp optimum %.9g; ara %s %.9g, gap %.3f %%%n", users, seed, network, optimum,
                heuristic.status(), heuristic.objective(), 100 * (heuristic.objective() / optimum - 1));
    }

    @Benchmark
    public double dynamicProgram() {
        return optimal(dp.solve(problem));
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public double legacyDynamicProgram() {
        return problem.evaluate(ReferenceDynamicProgram.solve(problem)).objective();
    }

    @Benchmark
    public double ara() {
        return ara.solve(problem).objective();
    }

    private static double optimal(Result<MultiUserPlan> r) {
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException(r.solverId() + " returned " + r.status() + ": " + r.message());
        }
        return r.objective();
    }
}
