package org.cleave.core.partition;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement of exact P1 solvers with a reference (enumeration) on {@value #INSTANCES} seeded
 * instances: chains and the three DAG shapes, 1–20 layers after the input, latency, energy and
 * mixed weights. Each solver must be OPTIMAL, pass the verifier (objective and bound) and equal
 * the reference to {@value #RELATIVE_TOLERANCE} relative. Subclasses name the solvers.
 */
public abstract class PartitionAgreementContract {
    /** Number of instances. */
    public static final int INSTANCES = 500;

    /** Relative tolerance against the reference. */
    public static final double RELATIVE_TOLERANCE = ContractChecks.AGREEMENT_TOLERANCE;

    /** The exact solvers under test. */
    protected abstract List<Solver<PartitionProblem, Placement>> solvers();

    /** The reference, e.g. enumeration. */
    protected abstract Solver<PartitionProblem, Placement> reference();

    static LongStream seeds() {
        return Seeds.of(5005, INSTANCES);
    }

    /** Instance {@code seed}: shape, size and weight mode cycle with the seed so every mix is covered. */
    public static PartitionProblem instance(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        int layers = 1 + (int) ((seed / 4) % 20);
        RandomPartitionInstances.WeightMode mode = RandomPartitionInstances.WeightMode.values()[(int) ((seed / 80) % 3)];
        return RandomPartitionInstances.partition(seed, shape, layers, mode);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheReference(long seed) {
        PartitionProblem p = instance(seed);
        ContractChecks.agree(p, reference(), solvers(), Set.of(Status.OPTIMAL), "seed " + seed + " (" + p.graph() + ")");
    }
}
