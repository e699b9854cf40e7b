package org.cleave.benchmarks;

import java.util.concurrent.TimeUnit;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per solve of one exact backend on one instance, the common part of the backend suites
 * (one concrete subclass per family names its {@code solver} and {@code model} parameters, JMH
 * needs the lists per class). Each trial first checks the backend on the instance it will be
 * timed on: it must answer OPTIMAL with the objective of the family's reference exact solver
 * (1e-6 relative), so that a broken or non-converging backend fails the trial instead of being
 * timed.
 *
 * @param <P> the problem class
 * @param <S> the plan type
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public abstract class BackendBenchmark<P extends Problem<S>, S> {
    private Solver<P, S> backend;
    private P problem;

    /** The family. */
    protected abstract Family family();

    /** The id of the exact solver whose objective every backend must reach. */
    protected abstract String referenceId();

    /** The solver id under test (the subclass's {@code solver} parameter). */
    protected abstract String solverId();

    /** The instance's name (the subclass's {@code model} parameter). */
    protected abstract String model();

    /** The instance named {@link #model()}. */
    protected abstract P problem(String model);

    @Setup(Level.Trial)
    public void setUp() {
        P p = problem(model());
        Solver<P, S> b = Solvers.require(family(), solverId());
        Result<S> r = b.solve(p);
        Result<S> ref = Solvers.<P, S>require(family(), referenceId()).solve(p);
        if (r.status() != Status.OPTIMAL || ref.status() != Status.OPTIMAL) {
            throw new IllegalStateException(solverId() + " on " + model() + ": " + r.status() + " " + r.message()
                    + " (reference " + referenceId() + ": " + ref.status() + ")");
        }
        double gap = Math.abs(r.objective() - ref.objective()) / Math.max(1e-300, Math.abs(ref.objective()));
        if (gap > 1e-6) {
            throw new IllegalStateException(solverId() + " on " + model() + ": objective " + r.objective()
                    + " but " + referenceId() + " proves " + ref.objective());
        }
        problem = p;
        backend = b;
    }

    @Benchmark
    public Object solve() {
        return backend.solve(problem);
    }
}
