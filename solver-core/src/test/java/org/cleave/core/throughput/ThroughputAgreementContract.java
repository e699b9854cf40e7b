package org.cleave.core.throughput;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement of exact P3 solvers with a reference (enumeration) on {@value #INSTANCES} seeded
 * instances: the four graph shapes, 1–10 layers after the input, up
 * to 3 exits, accuracy floors and frame rates as {@link RandomThroughputInstances} draws them.
 * Each solver must reach the reference's status (OPTIMAL or INFEASIBLE), pass the verifier
 * (objective, feasibility and bound) and equal the reference's period to
 * {@value #RELATIVE_TOLERANCE} relative. Subclasses name the solvers and the reference.
 */
public abstract class ThroughputAgreementContract {
    /** Number of instances. */
    public static final int INSTANCES = 500;

    /** Relative tolerance against the reference. */
    public static final double RELATIVE_TOLERANCE = ContractChecks.AGREEMENT_TOLERANCE;

    /** The exact solvers under test. */
    protected abstract List<Solver<ThroughputProblem, ExitPlan>> solvers();

    /** The reference, e.g. enumeration. */
    protected abstract Solver<ThroughputProblem, ExitPlan> reference();

    static LongStream seeds() {
        return Seeds.of(7003, INSTANCES);
    }

    /** Instance {@code seed}: shape and size cycle with the seed. */
    public static ThroughputProblem instance(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        return RandomThroughputInstances.throughput(seed, shape, 1 + (int) ((seed / 4) % 10), 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheReference(long seed) {
        ThroughputProblem p = instance(seed);
        ContractChecks.agree(p, reference(), solvers(), Set.of(Status.OPTIMAL, Status.INFEASIBLE),
                "seed " + seed + " (" + p.graph() + ")");
    }
}
