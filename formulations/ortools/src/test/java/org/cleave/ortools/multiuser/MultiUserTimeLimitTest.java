package org.cleave.ortools.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The P4 formulations' time limit counts from the start of the solve and a stopped solve says so
 * with a valid bound: on 26 zoo users over 5G with K = 64 (32,188 table entries) and a 1 ms limit,
 * each of {@code ortools-milp:scip|cbc} and {@code ortools-cpsat} returns NO_SOLUTION_IN_LIMIT or
 * FEASIBLE with a finite bound no larger than dp's optimum (or, should it finish, dp's optimum),
 * records the solve's limit as {@code timeLimit}, and splits its wall time into phases.
 */
class MultiUserTimeLimitTest {
    private static final List<String> IDS = List.of("ortools-milp:scip", "ortools-milp:cbc", "ortools-cpsat");

    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Test
    void aStoppedSolveReportsAValidBoundAndItsPhases() {
        MultiUserProblem problem = LargeMultiUserAgreementTest.instance(3);
        double optimum = Solvers.<MultiUserProblem, MultiUserPlan>require(Family.MULTIUSER, "dp").solve(problem)
                .objective();
        Duration limit = Duration.ofMillis(1);
        for (String id : IDS) {
            Result<MultiUserPlan> r = Solvers.<MultiUserProblem, MultiUserPlan>require(Family.MULTIUSER, id)
                    .solve(problem, SolveLimits.none().withTimeLimit(limit));
            String where = id + ": " + r.status() + " " + r.message() + " " + r.statistics();
            assertEquals(limit.toString(), r.parameters().get("timeLimit"), where);
            for (String phase : List.of("nativesSeconds", "buildSeconds", "solveSeconds", "solveCalls")) {
                assertTrue(r.statistics().containsKey(phase) && r.statistics().get(phase).doubleValue() >= 0,
                        where + " " + phase);
            }
            if (r.status() == Status.OPTIMAL) {
                assertEquals(optimum, r.objective(), 1e-6 * optimum, where);
                continue;
            }
            assertTrue(r.status() == Status.NO_SOLUTION_IN_LIMIT || r.status() == Status.FEASIBLE, where);
            assertTrue(Double.isFinite(r.bound()) && r.bound() > 0 && r.bound() <= optimum * (1 + 1e-9),
                    where + " bound " + r.bound() + ", optimum " + optimum);
            assertTrue(r.message().contains("time limit"), where);
            if (r.status() == Status.FEASIBLE) {
                assertTrue(Verifier.verify(problem, r).ok(), where);
            }
        }
    }

    @Test
    void withoutALimitTheBackendsProveTheDpOptimumAndCountTheirRounds() {
        MultiUserProblem problem = LargeMultiUserAgreementTest.instance(3);
        double optimum = Solvers.<MultiUserProblem, MultiUserPlan>require(Family.MULTIUSER, "dp").solve(problem)
                .objective();
        for (String id : IDS) {
            Result<MultiUserPlan> r = Solvers.<MultiUserProblem, MultiUserPlan>require(Family.MULTIUSER, id)
                    .solve(problem, SolveLimits.none());
            String where = id + ": " + r.status() + " " + r.message() + " " + r.statistics();
            assertEquals(Status.OPTIMAL, r.status(), where);
            assertEquals(optimum, r.objective(), 1e-6 * optimum, where);
            assertTrue(Verifier.verify(problem, r).ok(), where);
            int rounds = r.statistics().get("rounds").intValue();
            assertTrue(rounds >= 1 && r.statistics().get("solveCalls").intValue() == rounds, where);
            // the filter keeps a small part of the table: the backend never saw all 32,188 entries
            assertTrue(r.statistics().get("keptEntries").intValue() < r.statistics().get(
                    id.equals("ortools-cpsat") ? "booleans" : "variables").intValue(), where);
        }
    }
}
