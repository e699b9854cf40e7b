package org.cleave.algorithms.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dynamic program against exhaustive enumeration on small instances, and the ordering
 * lower bound ≤ dp ≤ every heuristic on larger ones.
 */
class MultiUserDifferentialTest {
    private static final List<Solver<MultiUserProblem, MultiUserPlan>> HEURISTICS = List.of(new AraMultiUserSolver(),
            new GreedyMarginalMultiUserSolver(), new RelaxRoundMultiUserSolver(), new DeviceOnlyMultiUserSolver(),
            new EdgeOnlyMultiUserSolver());

    static LongStream seeds() {
        return Seeds.of(77, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void dynamicProgramEqualsEnumeration(long seed) {
        int n = 2 + (int) (seed % 3);
        MultiUserProblem p = RandomMultiUserInstances.random(seed, n, 2 + (int) (seed % 3), 2 + (int) ((seed / 3) % 3), 2,
                seed % 4 == 0 ? RandomMultiUserInstances.Source.CHAIN : RandomMultiUserInstances.Source.DRAWN,
                RandomMultiUserInstances.Constraints.SOME);
        Result<MultiUserPlan> dp = new DynamicProgrammingMultiUserSolver().solve(p);
        Result<MultiUserPlan> en = new EnumerationMultiUserSolver().solve(p);
        assertEquals(en.status(), dp.status(), "seed " + seed + ": " + dp.message() + " / " + en.message());
        if (dp.hasPlan()) {
            assertTrue(Verifier.close(en.objective(), dp.objective(), 1e-9), en.objective() + " vs " + dp.objective());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void boundOptimumAndHeuristicsAreOrdered(long seed) {
        MultiUserProblem p = RandomMultiUserInstances.random(seed, 4 + (int) (seed % 5), 4 + (int) (seed % 13),
                4 + (int) ((seed / 7) % 13), 5, seed % 3 == 0 ? RandomMultiUserInstances.Source.CHAIN
                        : RandomMultiUserInstances.Source.DRAWN, RandomMultiUserInstances.Constraints.SOME);
        Result<MultiUserPlan> dp = new DynamicProgrammingMultiUserSolver().solve(p);
        assertTrue(Verifier.verify(p, dp).ok(), Verifier.verify(p, dp).defects().toString());
        double lb = RelaxRoundMultiUserSolver.lowerBound(p);
        if (dp.status() == Status.INFEASIBLE) {
            for (Solver<MultiUserProblem, MultiUserPlan> h : HEURISTICS) {
                assertTrue(!h.solve(p).hasPlan(), h.id() + " found a plan on an infeasible instance");
            }
            return;
        }
        assertEquals(Status.OPTIMAL, dp.status());
        assertTrue(lb <= dp.objective() * (1 + 1e-12), "bound " + lb + " above optimum " + dp.objective());
        for (Solver<MultiUserProblem, MultiUserPlan> h : HEURISTICS) {
            Result<MultiUserPlan> r = h.solve(p);
            assertTrue(Verifier.verify(p, r).ok(), h.id() + ": " + Verifier.verify(p, r).defects());
            if (r.hasPlan()) {
                assertTrue(r.objective() >= dp.objective() * (1 - 1e-12), h.id() + " " + r.objective()
                        + " below the optimum " + dp.objective());
            }
        }
    }
}
