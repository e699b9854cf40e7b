package org.cleave.ortools.tiers.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalDouble;
import org.cleave.algorithms.tiers.throughput.EnumerationTiersThroughputSolver;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;
import org.cleave.core.tiers.throughput.TiersThroughputSolverContract;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The P3-3T contract for {@code ortools-milp:scip}, and agreement with {@code enumerate} to 1e-6 on
 * 500 seeded instances (all four shapes, 1–12 layers after the input; every fifth with a frame rate
 * between 0.7 and 1.3 times the enumerated optimum's throughput, so both sustainable and not).
 * Skipped (not passed) without OR-Tools natives.
 */
class MilpTiersThroughputSolverTest extends TiersThroughputSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected Solver<TiersThroughputProblem, TierPlacement> createSolver() {
        return new MilpTiersThroughputSolver();
    }

    @Test
    void agreesWithEnumerationOn500Instances() {
        MilpTiersThroughputSolver milp = new MilpTiersThroughputSolver();
        EnumerationTiersThroughputSolver enumerate = new EnumerationTiersThroughputSolver();
        int infeasible = 0;
        for (int i = 0; i < 500; i++) {
            long seed = 4343L * 1_000_003L + i;
            TiersThroughputProblem p = TiersThroughputProblem.of(RandomTiersInstances.tiers(seed,
                    RandomGraphs.Shape.values()[i % 4], 1 + (i / 4) % 12, RandomPartitionInstances.WeightMode.ANY),
                    OptionalDouble.empty());
            if (i % 5 == 4) {
                double least = enumerate.solve(p).objective();
                p = p.withFrameRate(OptionalDouble.of((0.7 + 0.6 * ((i / 5) % 7) / 6.0) / least));
            }
            Result<TierPlacement> ref = enumerate.solve(p);
            Result<TierPlacement> r = milp.solve(p);
            String label = "seed " + seed + " (instance " + i + ")";
            assertEquals(ref.status(), r.status(), label + ": " + r.message());
            assertTrue(Verifier.verify(p, r).ok(), label + ": " + Verifier.verify(p, r).defects());
            if (ref.status() == Status.OPTIMAL) {
                assertTrue(Verifier.close(ref.objective(), r.objective(), 1e-6),
                        label + ": enumerate " + ref.objective() + " but MILP " + r.objective());
            } else {
                infeasible++;
                assertTrue(Verifier.close(ref.bound(), r.bound(), 1e-6),
                        label + ": least period " + ref.bound() + " but MILP " + r.bound());
            }
        }
        assertTrue(infeasible >= 20, "only " + infeasible + " infeasible frame rates");
    }

    @Test
    void honoursTheTimeLimit() {
        TiersThroughputProblem p = TiersThroughputProblem.of(RandomTiersInstances.tiers(9, RandomGraphs.Shape.LAYERED,
                60, RandomPartitionInstances.WeightMode.ANY), OptionalDouble.empty());
        Result<TierPlacement> r = new MilpTiersThroughputSolver().solve(p,
                SolveLimits.none().withTimeLimit(Duration.ofMillis(300)));
        assertTrue(Verifier.verify(p, r).ok(), Verifier.verify(p, r).defects().toString());
        assertTrue(r.status() == Status.OPTIMAL || r.status() == Status.FEASIBLE
                || r.status() == Status.NO_SOLUTION_IN_LIMIT, r.status() + " " + r.message());
    }
}
