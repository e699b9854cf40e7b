package org.cleave.core.tiers.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.cleave.core.tiers.RandomTiersInstances;
import org.cleave.core.tiers.TierPlacement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P3-3T solver meets: results pass the verifier; an exact solver is OPTIMAL and
 * equals brute force over all monotone three-tier plans (priced by the evaluator) to 1e-9, or
 * INFEASIBLE exactly when no plan sustains the frame rate; a heuristic or baseline is never below the
 * optimum; the hand-checked instance; determinism.
 */
public abstract class TiersThroughputSolverContract {
    /** The solver under test. */
    protected abstract Solver<TiersThroughputProblem, TierPlacement> createSolver();

    static LongStream seeds() {
        return Seeds.of(30, 150);
    }

    /** A random P3-3T instance: P1-3T's random instance read as throughput, every third with a frame rate. */
    public static TiersThroughputProblem instance(long seed, RandomGraphs.Shape shape, int layers) {
        TiersThroughputProblem p = TiersThroughputProblem.of(RandomTiersInstances.tiers(seed, shape, layers,
                RandomPartitionInstances.WeightMode.ANY), OptionalDouble.empty());
        if (seed % 3 == 0) {
            // a frame rate near the single-tier periods: sometimes sustainable, sometimes not
            double devicePeriod = p.evaluate(TierPlacement.allButInputOn(p.graph().size(),
                    org.cleave.core.tiers.Tier.DEVICE)).periodSeconds();
            p = p.withFrameRate(OptionalDouble.of(1 / (devicePeriod * (0.05 + 0.5 * ((seed / 3) % 5) / 4.0))));
        }
        return p;
    }

    @Test
    void declaresTheFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.THROUGHPUT_TIERS, TiersThroughputProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        TiersThroughputProblem p = instance(seed, shape, 1 + (int) (seed % 10));
        check(p, createSolver(), "seed " + seed + " " + shape);
    }

    @Test
    void solvesTheHandCheckedInstance() {
        TiersThroughputProblem p = ThroughputHandChecked.problem();
        Result<TierPlacement> r = createSolver().solve(p);
        ContractChecks.verified(p, r, "hand-checked");
        if (createSolver().kind() == SolverKind.EXACT) {
            assertEquals(ThroughputHandChecked.OPTIMAL_PLAN, r.planOrThrow());
            assertEquals(ThroughputHandChecked.OPTIMUM, r.objective(), 1e-12);
        } else {
            assertTrue(r.objective() >= ThroughputHandChecked.OPTIMUM - 1e-12);
        }
    }

    @Test
    void refusesAFrameRateNoPlanSustains() {
        // least period 1 s: 1.25 frames/s (period ≤ 0.8 s) is out of reach, 1 frame/s is just met
        TiersThroughputProblem p = ThroughputHandChecked.problem().withFrameRate(OptionalDouble.of(1.25));
        Result<TierPlacement> r = createSolver().solve(p);
        ContractChecks.noPlanWhenInfeasible(r, createSolver().kind());
        ContractChecks.verified(p, r, "Q = 1.25");
        if (createSolver().kind() == SolverKind.EXACT) {
            assertTrue(r.message().contains("cannot be sustained"), r.message());
            Result<TierPlacement> met = createSolver().solve(p.withFrameRate(OptionalDouble.of(1.0)));
            assertEquals(Status.OPTIMAL, met.status(), met.message());
            assertEquals(ThroughputHandChecked.OPTIMUM, met.objective(), 1e-12);
        }
    }

    @Test
    void isDeterministic() {
        TiersThroughputProblem p = instance(101, RandomGraphs.Shape.INCEPTION, 10);
        ContractChecks.deterministic(createSolver(), p);
    }

    /** The checks shared by all cases. */
    protected static void check(TiersThroughputProblem p, Solver<TiersThroughputProblem, TierPlacement> solver,
                                String label) {
        Result<TierPlacement> r = solver.solve(p);
        ContractChecks.verified(p, r, label);
        TiersThroughputBruteForce.Optimum opt = TiersThroughputBruteForce.of(p);
        ContractChecks.againstOptimum(r, solver.kind(), new ContractChecks.Optimum(opt.feasible(), opt.period()),
                ContractChecks.Sense.MINIMISE, label);
    }
}
