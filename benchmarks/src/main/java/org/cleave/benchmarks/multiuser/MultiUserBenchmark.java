package org.cleave.benchmarks.multiuser;

import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.multiuser.DynamicProgrammingMultiUserSolver;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.ortools.multiuser.CpSatMultiUserSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P4 exact solvers on N = 50 users, K_F = K_B = 32 units and 20 drawn options per user
 * ({@link RandomMultiUserInstances#random}, seed {@code seed}, no deadlines or floors): the dynamic
 * program ({@code dp}, goal ≤ 1 s) and CP-SAT ({@code ortools-cpsat}, one worker). Each benchmark
 * fails if the solver does not prove optimality. Time per solve, including building the allocation
 * table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MultiUserBenchmark {
    @Param({"42"})
    public long seed;

    private MultiUserProblem problem;
    private final DynamicProgrammingMultiUserSolver dp = new DynamicProgrammingMultiUserSolver();
    private final CpSatMultiUserSolver cpsat = new CpSatMultiUserSolver();

    @Setup
    public void setUp() {
        problem = RandomMultiUserInstances.random(seed, 50, 32, 32, 20, RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.NONE);
    }

    @Benchmark
    public double dynamicProgram() {
        return optimal(dp.solve(problem));
    }

    @Benchmark
    public double cpSat() {
        return optimal(cpsat.solve(problem));
    }

    private static double optimal(Result<MultiUserPlan> r) {
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException(r.solverId() + " returned " + r.status() + ": " + r.message());
        }
        return r.objective();
    }
}
