package org.cleave.core.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P1-3T solver meets: results pass the verifier; an exact solver is OPTIMAL and
 * equals brute force over all monotone three-tier plans (evaluated by the evaluator) to 1e-9; a
 * heuristic or baseline is never below it; the hand-checked instance; determinism.
 */
public abstract class TiersSolverContract {
    /** The solver under test. */
    protected abstract Solver<TiersProblem, TierPlacement> createSolver();

    static LongStream seeds() {
        return Seeds.of(20, 150);
    }

    @Test
    void declaresTheTiersFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.TIERS, TiersProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        TiersProblem p = RandomTiersInstances.tiers(seed, shape, 1 + (int) (seed % 12),
                RandomPartitionInstances.WeightMode.ANY);
        check(p, createSolver(), "seed " + seed + " " + shape);
    }

    @Test
    void handlesASingleLayerAfterTheInput() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("fc", 1e9, 40, 4e5))
                .addArc("in", "fc").build();
        TiersProblem p = new TiersProblem(g, new Device(1e9, 2, 1, 0.5), new EdgeServer(1e10),
                new CloudServer(1e12), new Link(1e6, 1e7, 0.01), new Link(1e8, 1e8, 0.02));
        check(p, createSolver(), "single layer");
    }

    @Test
    void solvesTheHandCheckedInstance() {
        TiersProblem p = HandChecked.problem();
        Result<TierPlacement> r = createSolver().solve(p);
        ContractChecks.verified(p, r, "hand-checked");
        if (createSolver().kind() == SolverKind.EXACT) {
            assertEquals(HandChecked.OPTIMAL_PLAN, r.planOrThrow());
            assertEquals(HandChecked.OPTIMUM, r.objective(), 1e-12);
        } else {
            assertTrue(r.objective() >= HandChecked.OPTIMUM - 1e-12);
        }
    }

    @Test
    void isDeterministic() {
        TiersProblem p = RandomTiersInstances.tiers(99, RandomGraphs.Shape.INCEPTION, 12,
                RandomPartitionInstances.WeightMode.MIXED);
        ContractChecks.deterministic(createSolver(), p);
    }

    /** The checks shared by all cases. */
    protected static void check(TiersProblem p, Solver<TiersProblem, TierPlacement> solver, String label) {
        Result<TierPlacement> r = solver.solve(p);
        ContractChecks.verified(p, r, label);
        TiersBruteForce.Optimum opt = TiersBruteForce.of(p);
        ContractChecks.againstOptimum(r, solver.kind(), new ContractChecks.Optimum(true, opt.objective()),
                ContractChecks.Sense.MINIMISE, label);
    }
}
