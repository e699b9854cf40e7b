package org.cleave.ortools.throughput;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.testing.TimeLimitCheck;
import org.cleave.core.throughput.RandomThroughputInstances;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5's time-limit requirement, stated there with its figure: on a P3 instance too large to
 * finish (a generated {@value #LAYERS}-layer inception-style DAG with {@value #EXITS} exits, seed 3), every
 * OR-Tools backend (the three MILP backends and CP-SAT) given a 1 s limit returns within {@value #WALL_LIMIT_MILLIS} ms of wall time
 * with FEASIBLE (and a verified plan), NO_SOLUTION_IN_LIMIT, or OPTIMAL when it proves the optimum
 * within the limit, and reports its bound (an attempt whose process CPU time stays within the figure
 * counts too: see {@link TimeLimitCheck}). The only
 * timed assertion in this module: the issue fixes the figure. The measured times are printed.
 *
 * <p>On a shared machine other processes can stall the solve for longer than the half second of
 * slack, which says nothing about whether the backend honours its limit. A backend that overruns is
 * therefore tried again ({@link TimeLimitCheck}: up to three attempts, the fastest must be within
 * the figure; every attempt's status, bound and plan are checked and every time is printed).
 */
class OrToolsThroughputTimeLimitTest {
    static final int LAYERS = 500;
    static final int EXITS = 8;
    static final long WALL_LIMIT_MILLIS = 1500;

    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    static ThroughputProblem large() {
        return RandomThroughputInstances.throughput(3, RandomGraphs.Shape.INCEPTION, LAYERS, EXITS)
                .withFrameRate(OptionalDouble.empty());
    }

    static List<Solver<ThroughputProblem, ExitPlan>> solvers() {
        return List.of(new MilpThroughputSolver.Scip(), new MilpThroughputSolver.Cbc(),
                new MilpThroughputSolver.Highs(), new CpSatThroughputSolver());
    }

    static Stream<Arguments> backends() {
        return solvers().stream().map(s -> Arguments.of(s.id(), s));
    }

    /** One case per backend, so that every backend's figure is measured and printed even when another fails. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyBackendStopsWithinOneAndAHalfSecondsWithItsBound(String id, Solver<ThroughputProblem, ExitPlan> s) {
        ThroughputProblem p = large();
        SolveLimits limits = SolveLimits.none().withTimeLimit(Duration.ofSeconds(1)).withThreads(1).withSeed(1);
        TimeLimitCheck.assertStopsWithin(s, p, limits, WALL_LIMIT_MILLIS, p.graph() + " (P3, seed 3)");
    }
}
