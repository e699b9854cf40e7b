package org.cleave.benchmarks.multiuser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.instances.multiuser.RandomZooMultiUserInstances;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.Zoo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P4's MILP and CP-SAT formulations at the issue 22 size: 50 zoo users alternating
 * {@code resnet18-exits} and {@code mobilenetv2-exits}, K_F = K_B = 32, made exactly as
 * {@code cleave generate multiuser --users 50 --units 32 --models resnet18-exits,mobilenetv2-exits
 * --network NET --seed 1} makes them (goal ≤ 10 s per solve). Times one solve from the problem,
 * allocation table and model building included (single shot, one thread, seed 1, a 60 s limit;
 * anything but OPTIMAL fails the run). At the end of each trial it prints the median
 * {@code buildSeconds} and {@code solveSeconds} of the measured solves (the statistics every
 * OR-Tools result carries), so the two phases are reported separately.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class MultiUserBackendsBenchmark {
    @Param({"ortools-milp:scip", "ortools-milp:cbc", "ortools-cpsat"})
    public String solver;

    @Param({"4g", "wifi", "5g"})
    public String network;

    @Param({"50"})
    public int users;

    @Param({"32"})
    public int units;

    private MultiUserProblem problem;
    private Solver<MultiUserProblem, MultiUserPlan> exact;
    private final List<Double> build = new ArrayList<>();
    private final List<Double> solve = new ArrayList<>();
    private final SolveLimits limits = SolveLimits.none().withTimeLimit(Duration.ofSeconds(60)).withSeed(1);

    @Setup(Level.Trial)
    public void setUp() {
        problem = new RandomZooMultiUserInstances(name -> Zoo.get(name).blockGraph(), Profiles::network)
                .generate(users, units, 1, MultiUserScaleBenchmark.MODELS, network,
                        RandomZooMultiUserInstances.DEFAULT_EDGE_FLOPS_PER_SECOND);
        exact = Solvers.require(Family.MULTIUSER, solver);
    }

    @Benchmark
    public double solveOnce() {
        Result<MultiUserPlan> r = exact.solve(problem, limits);
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException(r.solverId() + " returned " + r.status() + ": " + r.message());
        }
        build.add(r.statistics().get("buildSeconds").doubleValue());
        solve.add(r.statistics().get("solveSeconds").doubleValue());
        return r.objective();
    }

    @TearDown(Level.Trial)
    public void report() {
        // the warm-up solves are included; the median is over all of them
        System.out.printf(Locale.ROOT, "%n[%s %s, %d users, K = %d] median buildSeconds %.4f, solveSeconds %.4f over %d"
                + " solves%n", solver, network, users, units, median(build), median(solve), build.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}
