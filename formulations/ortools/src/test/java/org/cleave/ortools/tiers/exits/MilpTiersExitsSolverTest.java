package org.cleave.ortools.tiers.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.algorithms.tiers.exits.EnumerationTiersExitsSolver;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.tiers.exits.RandomTiersExitsInstances;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.core.tiers.exits.TiersExitsSolverContract;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The P2-3T contract for {@code ortools-milp:scip}, and agreement with {@code enumerate} to 1e-6 (same
 * status) on 300 seeded instances (all four shapes, 1–10 layers, 0–3 exits, a latency bound on about
 * a third). Skipped (not passed) without OR-Tools natives.
 */
class MilpTiersExitsSolverTest extends TiersExitsSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected Solver<TiersExitsProblem, TierExitPlan> createSolver() {
        return new MilpTiersExitsSolver();
    }

    @Test
    void agreesWithEnumerationOn300Instances() {
        MilpTiersExitsSolver milp = new MilpTiersExitsSolver();
        EnumerationTiersExitsSolver enumerate = new EnumerationTiersExitsSolver();
        for (int i = 0; i < 300; i++) {
            long seed = 4243L * 1_000_003L + i;
            TiersExitsProblem p = RandomTiersExitsInstances.exitsTiers(seed, RandomGraphs.Shape.values()[i % 4],
                    1 + (i / 4) % 10, 3);
            Result<TierExitPlan> r = milp.solve(p);
            Result<TierExitPlan> ref = enumerate.solve(p);
            assertEquals(ref.status(), r.status(), "seed " + seed + ": " + r.message());
            assertTrue(Verifier.verify(p, r).ok(), "seed " + seed + ": " + Verifier.verify(p, r).defects());
            if (ref.hasPlan()) {
                assertTrue(Verifier.close(ref.objective(), r.objective(), 1e-6),
                        "seed " + seed + ": enumerate " + ref.objective() + " but MILP " + r.objective());
            }
        }
    }
}
