package org.cleave.choco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalDouble;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.algorithms.throughput.EnumerationThroughputSolver;
import org.cleave.choco.exits.ChocoExitsSolver;
import org.cleave.choco.throughput.ChocoThroughputSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputProblem;
import org.junit.jupiter.api.Test;

/**
 * The P2 and P3 Choco solvers are registered, honour threads (a seeded portfolio that stays
 * exact), seed and time limit and record them with the scaling, and report an unsustainable frame
 * rate with the least period as bound.
 */
class ChocoEarlyExitLimitsTest {
    private static final SolveLimits PORTFOLIO = SolveLimits.none().withThreads(2).withSeed(42)
            .withTimeLimit(Duration.ofSeconds(60));

    @Test
    void bothAreRegisteredAsChoco() {
        assertTrue(Solvers.find(Family.EXITS, "choco").isPresent());
        assertTrue(Solvers.find(Family.THROUGHPUT, "choco").isPresent());
    }

    /** Seeds 24 and 39: variant (a) with a latency bound and 3 exits, variant (b) with 2 exits. */
    @Test
    void aPortfolioOfTwoSeededCopiesIsStillExactOnBothP2Variants() {
        for (ExitsProblem p : new ExitsProblem[] {RandomExitsInstances.exits(24, RandomGraphs.Shape.INCEPTION, 16, 3),
            RandomExitsInstances.exits(39, RandomGraphs.Shape.INCEPTION, 16, 3)}) {
            Result<ExitPlan> reference = new MinCutExitsSolver().solve(p);
            Result<ExitPlan> r = new ChocoExitsSolver().solve(p, PORTFOLIO);
            assertEquals(reference.status(), r.status(), p.variant() + " " + r.message());
            assertTrue(Verifier.verify(p, r).ok(), Verifier.verify(p, r).defects().toString());
            if (r.hasPlan()) {
                assertTrue(Verifier.close(reference.objective(), r.objective(), 1e-9), p.variant() + ": "
                        + reference.objective() + " vs " + r.objective());
            }
            assertEquals("2", r.parameters().get("threads"));
            assertEquals("42", r.parameters().get("seed"));
            assertTrue(r.parameters().get("scaling").startsWith("scale="), r.parameters().toString());
            assertTrue(Double.parseDouble(r.parameters().get("optimalityError")) > 0);
        }
    }

    /** Seed 25: 3 exits, a search of a few nodes and a rounding band of 2 plans. */
    @Test
    void aPortfolioOfTwoSeededCopiesIsStillExactOnP3() {
        ThroughputProblem p = RandomThroughputInstances.throughput(25, RandomGraphs.Shape.INCEPTION, 16, 3);
        Result<ExitPlan> r = new ChocoThroughputSolver().solve(p, PORTFOLIO);
        Result<ExitPlan> reference = new EnumerationThroughputSolver().solve(p);
        assertEquals(reference.status(), r.status(), r.message());
        assertTrue(Verifier.verify(p, r).ok(), Verifier.verify(p, r).defects().toString());
        if (r.hasPlan()) {
            assertTrue(Verifier.close(reference.objective(), r.objective(), 1e-9));
        }
        assertEquals("2", r.parameters().get("threads"));
        assertTrue(r.parameters().get("scaling").startsWith("scale="), r.parameters().toString());
    }

    @Test
    void anUnsustainableFrameRateGivesTheLeastPeriodAsBound() {
        ThroughputProblem free = RandomThroughputInstances.throughput(4, RandomGraphs.Shape.CHAIN, 10, 2)
                .withFrameRate(OptionalDouble.empty());
        double least = new EnumerationThroughputSolver().solve(free).objective();
        ThroughputProblem p = free.withFrameRate(OptionalDouble.of(2 / least));
        Result<ExitPlan> r = new ChocoThroughputSolver().solve(p);
        assertEquals(Status.INFEASIBLE, r.status(), r.message());
        assertFalse(r.hasPlan());
        assertTrue(Verifier.close(least, r.bound(), 1e-9), least + " vs " + r.bound());
        assertTrue(r.message().contains("cannot be sustained"), r.message());
    }
}
