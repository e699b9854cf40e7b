package org.cleave.ortools.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Limits are honoured and recorded, the ids are registered, and CP results record their scaling. */
class OrToolsPartitionLimitsTest {
    private final PartitionProblem problem = RandomPartitionInstances.partition(77, RandomGraphs.Shape.INCEPTION, 18,
            RandomPartitionInstances.WeightMode.MIXED);

    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Test
    void everyBackendIsRegisteredUnderItsId() {
        for (String id : List.of("ortools-milp:scip", "ortools-milp:cbc", "ortools-milp:highs", "ortools-cpsat")) {
            Solver<?, ?> s = Solvers.find(Family.PARTITION, id).orElseThrow(() -> new AssertionError(id));
            assertTrue(s.honours().containsAll(List.of(Capability.TIME_LIMIT, Capability.THREADS)), id);
        }
        assertTrue(Solvers.find(Family.PARTITION, "ortools-milp:scip").orElseThrow().honours()
                .contains(Capability.SEED));
    }

    @Test
    void limitsAreRecordedAndTheAnswerStaysExact() {
        SolveLimits limits = SolveLimits.none().withThreads(2).withSeed(7).withTimeLimit(Duration.ofSeconds(30));
        double optimum = new MilpPartitionSolver.Scip().solve(problem).objective();
        for (Solver<PartitionProblem, Placement> s : List.of(new MilpPartitionSolver.Scip(),
                new MilpPartitionSolver.Cbc(), new MilpPartitionSolver.Highs(), new CpSatPartitionSolver())) {
            Result<Placement> r = s.solve(problem, limits);
            assertEquals(Status.OPTIMAL, r.status(), s.id() + ": " + r.message());
            assertTrue(Verifier.verify(problem, r).ok(), s.id() + ": " + Verifier.verify(problem, r).defects());
            assertTrue(Verifier.close(optimum, r.objective(), 1e-9), s.id());
            assertTrue(r.hasBound() && r.bound() <= r.objective() * (1 + 1e-9), s.id() + " bound " + r.bound());
            assertTrue(r.parameters().containsKey("timeLimit"), s.id() + " " + r.parameters());
            assertTrue(r.parameters().containsKey("threads"), s.id() + " " + r.parameters());
        }
        Result<Placement> scip = new MilpPartitionSolver.Scip().solve(problem, limits);
        assertEquals("7", scip.parameters().get("seed"));
        Result<Placement> cpsat = new CpSatPartitionSolver().solve(problem, limits);
        assertEquals("7", cpsat.parameters().get("seed"));
        assertTrue(cpsat.parameters().get("scaling").startsWith("scale="), cpsat.parameters().toString());
    }
}
