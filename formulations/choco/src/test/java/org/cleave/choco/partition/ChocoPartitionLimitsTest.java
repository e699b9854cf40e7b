package org.cleave.choco.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.cleave.algorithms.partition.MinCutPartitionSolver;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.junit.jupiter.api.Test;

/** Threads (portfolio), seed and time limit are honoured and recorded; the scaling is recorded. */
class ChocoPartitionLimitsTest {
    private final PartitionProblem problem = RandomPartitionInstances.partition(77, RandomGraphs.Shape.INCEPTION, 18,
            RandomPartitionInstances.WeightMode.MIXED);

    @Test
    void aPortfolioOfTwoSeededCopiesIsStillExact() {
        Result<Placement> r = new ChocoPartitionSolver().solve(problem,
                SolveLimits.none().withThreads(2).withSeed(42).withTimeLimit(Duration.ofSeconds(30)));
        assertEquals(Status.OPTIMAL, r.status(), r.message());
        assertTrue(Verifier.verify(problem, r).ok(), Verifier.verify(problem, r).defects().toString());
        assertTrue(Verifier.close(new MinCutPartitionSolver().solve(problem).objective(), r.objective(), 1e-9));
        assertEquals("2", r.parameters().get("threads"));
        assertEquals("42", r.parameters().get("seed"));
        assertTrue(r.parameters().get("scaling").startsWith("scale="), r.parameters().toString());
        assertTrue(Double.parseDouble(r.parameters().get("optimalityError")) > 0);
    }

    @Test
    void isRegisteredAsChoco() {
        assertTrue(Solvers.find(Family.PARTITION, "choco").isPresent());
    }
}
