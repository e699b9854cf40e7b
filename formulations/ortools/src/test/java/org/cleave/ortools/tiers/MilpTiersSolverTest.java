package org.cleave.ortools.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.algorithms.tiers.EnumerationTiersSolver;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.core.tiers.TiersSolverContract;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The P1-3T contract for {@code ortools-milp:scip}, and agreement with {@code enumerate} to 1e-6 on
 * 400 seeded instances (all four shapes, 1–14 layers). Skipped (not passed) without OR-Tools natives.
 */
class MilpTiersSolverTest extends TiersSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected Solver<TiersProblem, TierPlacement> createSolver() {
        return new MilpTiersSolver();
    }

    @Test
    void agreesWithEnumerationOn400Instances() {
        MilpTiersSolver milp = new MilpTiersSolver();
        EnumerationTiersSolver enumerate = new EnumerationTiersSolver();
        for (int i = 0; i < 400; i++) {
            long seed = 4242L * 1_000_003L + i;
            TiersProblem p = RandomTiersInstances.tiers(seed, RandomGraphs.Shape.values()[i % 4], 1 + (i / 4) % 14,
                    RandomPartitionInstances.WeightMode.ANY);
            Result<TierPlacement> r = milp.solve(p);
            Result<TierPlacement> ref = enumerate.solve(p);
            assertEquals(Status.OPTIMAL, r.status(), "seed " + seed + ": " + r.message());
            assertTrue(Verifier.verify(p, r).ok(), "seed " + seed + ": " + Verifier.verify(p, r).defects());
            assertTrue(Verifier.close(ref.objective(), r.objective(), 1e-6),
                    "seed " + seed + ": enumerate " + ref.objective() + " but MILP " + r.objective());
        }
    }
}
