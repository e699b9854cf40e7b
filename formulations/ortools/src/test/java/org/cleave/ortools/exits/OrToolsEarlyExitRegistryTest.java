package org.cleave.ortools.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsAgreementContract;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.throughput.ThroughputAgreementContract;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.ortools.OrToolsNatives;
import org.cleave.ortools.throughput.CpSatThroughputSolver;
import org.cleave.ortools.throughput.MilpThroughputSolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The P2 and P3 MILP and CP-SAT ids are registered under their families, and limits are recorded in results. */
class OrToolsEarlyExitRegistryTest {
    private static final List<String> IDS = List.of("ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs",
            "ortools-cpsat");

    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Test
    void everyBackendIsRegisteredForP2AndP3() {
        for (String id : IDS) {
            assertTrue(Solvers.find(Family.EXITS, id).isPresent(), "P2 " + id);
            assertTrue(Solvers.find(Family.THROUGHPUT, id).isPresent(), "P3 " + id);
        }
    }

    @Test
    void limitsAreRecorded() {
        SolveLimits limits = SolveLimits.none().withThreads(1).withSeed(7).withTimeLimit(Duration.ofSeconds(30));
        ExitsProblem p2 = ExitsAgreementContract.instance(8009000041L);
        ThroughputProblem p3 = ThroughputAgreementContract.instance(7003000041L);
        Result<ExitPlan> a = new MilpExitsSolver.Scip().solve(p2, limits);
        Result<ExitPlan> b = new MilpThroughputSolver.Scip().solve(p3, limits);
        for (Result<ExitPlan> r : List.of(a, b)) {
            assertTrue(r.status() == Status.OPTIMAL || r.status() == Status.INFEASIBLE, r.message());
            assertTrue(r.parameters().containsKey("timeLimit"), r.parameters().toString());
            assertEquals("7", r.parameters().get("seed"), r.parameters().toString());
            assertEquals("SCIP", r.parameters().get("backend"));
        }
    }

    @Test
    void cpSatRecordsItsLimitsAndScaling() {
        SolveLimits limits = SolveLimits.none().withThreads(2).withSeed(7).withTimeLimit(Duration.ofSeconds(30));
        Result<ExitPlan> a = new CpSatExitsSolver().solve(ExitsAgreementContract.instance(8009000041L), limits);
        Result<ExitPlan> b = new CpSatThroughputSolver().solve(ThroughputAgreementContract.instance(7003000041L),
                limits);
        for (Result<ExitPlan> r : List.of(a, b)) {
            assertTrue(r.status() == Status.OPTIMAL || r.status() == Status.INFEASIBLE, r.message());
            assertTrue(r.parameters().containsKey("timeLimit"), r.parameters().toString());
            assertEquals("7", r.parameters().get("seed"), r.parameters().toString());
            assertEquals("2", r.parameters().get("threads"), r.parameters().toString());
            assertTrue(r.parameters().keySet().stream().anyMatch(k -> k.toLowerCase().contains("scaling")),
                    r.parameters().toString());
        }
    }
}
