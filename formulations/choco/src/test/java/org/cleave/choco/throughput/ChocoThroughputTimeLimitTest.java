package org.cleave.choco.throughput;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.generate.GraphGenerator;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputProblem;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's time-limit requirement for {@code choco}, on the instance the OR-Tools backends use: a
 * generated {@value #LAYERS}-layer inception-style DAG with {@value #EXITS} exits, seed 3, without
 * a frame rate. Given a 1 s limit, the solver returns within {@value #WALL_LIMIT_MILLIS} ms of wall
 * time with FEASIBLE (and a verified plan) or NO_SOLUTION_IN_LIMIT, and reports its bound. The only
 * timed assertion in this module: the issue fixes the figure. The measured figures are printed.
 */
class ChocoThroughputTimeLimitTest {
    static final int LAYERS = 500;
    static final int EXITS = 8;
    static final long WALL_LIMIT_MILLIS = 1500;

    @Test
    void stopsWithinOneAndAHalfSecondsWithItsBound() {
        ThroughputProblem p = RandomThroughputInstances.throughput(3, GraphGenerator.Shape.INCEPTION, LAYERS, EXITS)
                .withFrameRate(OptionalDouble.empty());
        SolveLimits limits = SolveLimits.none().withTimeLimit(Duration.ofSeconds(1)).withThreads(1).withSeed(1);
        ChocoThroughputSolver solver = new ChocoThroughputSolver();
        long start = System.nanoTime();
        Result<ExitPlan> r = solver.solve(p, limits);
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "P3 time limit 1 s, %s on %s, %d exits: %s in %d ms, objective %.6g,"
                + " bound %.6g (%s)%n", solver.id(), p.graph(), p.graph().exits().size(), r.status(), wallMillis,
                r.objective(), r.bound(), r.statistics());
        assertTrue(r.status() == Status.FEASIBLE || r.status() == Status.NO_SOLUTION_IN_LIMIT,
                r.status() + " " + r.message());
        assertTrue(wallMillis <= WALL_LIMIT_MILLIS, "took " + wallMillis + " ms");
        assertTrue(r.hasBound(), "no bound");
        assertTrue(Verifier.verify(p, r).ok(), Verifier.verify(p, r).defects().toString());
    }
}
