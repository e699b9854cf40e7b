package org.cleave.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every solver of P7's offline problem meets: verified by the evaluator; an exact
 * solver is OPTIMAL and its split's total reward equals the best total computed directly from
 * the paper's formula over every split (small random traces, 1–60 samples, 1–8 exits); nothing
 * exceeds the direct per-sample oracle.
 */
public abstract class OnlineSolverContract {
    /** The solver under test. */
    protected abstract Solver<OnlineProblem, FixedSplit> createSolver();

    static LongStream seeds() {
        return Seeds.of(97, 200);
    }

    @Test
    void declaresTheOnlineFamily() {
        ContractChecks.declares(createSolver(), Family.ONLINE, OnlineProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesTheDirectComputation(long seed) {
        Trace trace = RandomOnlineInstances.uniformTrace(seed, 1 + (int) (seed % 60), 1 + (int) ((seed / 3) % 8), seed % 3 == 0);
        OnlineProblem p = new OnlineProblem(trace, RandomOnlineInstances.rewardModel(seed));
        Solver<OnlineProblem, FixedSplit> solver = createSolver();
        Result<FixedSplit> r = solver.solve(p);
        String label = "seed " + seed;
        assertTrue(r.hasPlan(), label + ": " + r.status() + " " + r.message());
        ContractChecks.verified(p, r, label);
        double best = ReferenceOnline.directBestTotal(p);
        double mine = ReferenceOnline.directTotals(p)[r.planOrThrow().exit()];
        double oracle = ReferenceOnline.directOracleTotal(p);
        if (solver.kind() == SolverKind.EXACT) {
            assertEquals(Status.OPTIMAL, r.status(), label);
            assertTrue(ReferenceOnline.close(best, mine), label + ": best " + best + " but split " + r.plan() + " has "
                    + mine);
            assertTrue(ReferenceOnline.close(best / trace.size(), r.objective()), label);
        }
        assertTrue(mine <= oracle + 1e-9 * trace.size(), label + ": above the oracle");
    }

    @Test
    void rejectsANullProblem() {
        assertEquals(Status.INVALID_INPUT, createSolver().solve(null).status());
    }
}
