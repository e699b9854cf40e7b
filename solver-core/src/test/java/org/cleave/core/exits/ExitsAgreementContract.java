package org.cleave.core.exits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement of exact P2 solvers with a reference (e.g. {@code mincut}) on {@value #INSTANCES}
 * seeded instances of {@link RandomExitsInstances}: the four graph shapes, 1–10 layers after the
 * input, up to 3 exits, both variants (half each), accuracy floors and latency bounds as drawn
 * there. Each solver must reach the reference's status (OPTIMAL or INFEASIBLE), pass the verifier
 * and equal the reference's objective to {@value #RELATIVE_TOLERANCE} relative; for right-sizing
 * also its latency (the tie-break). Subclasses name the solvers.
 */
public abstract class ExitsAgreementContract {
    /** Number of instances. */
    public static final int INSTANCES = 500;

    /** Relative tolerance against the reference. */
    public static final double RELATIVE_TOLERANCE = ContractChecks.AGREEMENT_TOLERANCE;

    /** The exact solvers under test. */
    protected abstract List<Solver<ExitsProblem, ExitPlan>> solvers();

    /** The reference. */
    protected abstract Solver<ExitsProblem, ExitPlan> reference();

    static LongStream seeds() {
        return Seeds.of(8009, INSTANCES);
    }

    /** Instance {@code seed}: shape and size cycle with the seed. */
    public static ExitsProblem instance(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        return RandomExitsInstances.exits(seed, shape, 1 + (int) ((seed / 4) % 10), 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheReference(long seed) {
        ExitsProblem p = instance(seed);
        ContractChecks.agree(p, reference(), solvers(), Set.of(Status.OPTIMAL, Status.INFEASIBLE),
                "seed " + seed + " " + p.variant() + " (" + p.graph() + ")", (ref, r, label) -> {
                    if (p.variant() instanceof ExitsProblem.RightSizing) {
                        double want = p.evaluate(ref.planOrThrow()).latencySeconds();
                        double got = p.evaluate(r.planOrThrow()).latencySeconds();
                        assertTrue(Verifier.close(want, got, RELATIVE_TOLERANCE), label + ": tie-break latency "
                                + want + " vs " + got);
                    }
                });
    }
}
