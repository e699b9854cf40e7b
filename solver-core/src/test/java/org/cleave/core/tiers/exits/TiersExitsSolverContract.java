package org.cleave.core.tiers.exits;

import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.cleave.core.tiers.CloudServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P2-3T solver meets: results pass the verifier; an exact solver is OPTIMAL
 * with the brute-force optimum over all (exit set, monotone three-tier plan) pairs to 1e-9, or
 * INFEASIBLE exactly when brute force finds no feasible plan; a heuristic or baseline is never
 * better than the optimum and claims INFEASIBLE only when it is true; determinism.
 */
public abstract class TiersExitsSolverContract {
    /** The solver under test. */
    protected abstract Solver<TiersExitsProblem, TierExitPlan> createSolver();

    static LongStream seeds() {
        return Seeds.of(29, 150);
    }

    @Test
    void declaresTheExitsTiersFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.EXITS_TIERS, TiersExitsProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        TiersExitsProblem p = RandomTiersExitsInstances.exitsTiers(seed, shape, 1 + (int) (seed % 9), 3);
        check(p, createSolver(), "seed " + seed + " " + shape + " " + p.variant());
    }

    @Test
    void handlesAFixedChainWithABindingLatencyBound() {
        TiersExitsProblem p = fixedChain(new ExitsProblem.MinCost(new CostWeights(1, 0.1), 0.8,
                OptionalDouble.of(0.25)));
        check(p, createSolver(), "fixed chain, bound");
        check(p.withVariant(new ExitsProblem.MinCost(CostWeights.LATENCY, 0, OptionalDouble.empty())), createSolver(),
                "fixed chain, no bound");
    }

    @Test
    void reportsAnImpossibleAccuracyFloorWithoutAPlan() {
        TiersExitsProblem p = fixedChain(new ExitsProblem.MinCost(CostWeights.LATENCY, 0.95, OptionalDouble.empty()));
        ContractChecks.noPlanWhenInfeasible(createSolver().solve(p), createSolver().kind());
    }

    @Test
    void isDeterministic() {
        ContractChecks.deterministic(createSolver(),
                RandomTiersExitsInstances.exitsTiers(99, RandomGraphs.Shape.RESIDUAL, 9, 3));
    }

    /** A four-layer chain with two exits; final accuracy 0.9. */
    static TiersExitsProblem fixedChain(ExitsProblem.MinCost variant) {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 4000)).addLayer(new Layer("a", 2e8, 8000, 0))
                .addLayer(new Layer("b", 4e8, 1000, 0)).addLayer(new Layer("c", 4e8, 40, 0))
                .addArc("in", "a").addArc("a", "b").addArc("b", "c")
                .addExit(new Exit("x1", "a", 1e6, 0.5, 0.7)).addExit(new Exit("x2", "b", 1e6, 0.8, 0.8)).build();
        return new TiersExitsProblem(g, new Device(1e9, 2, 1, 0.3), new EdgeServer(4e9), new CloudServer(1e11),
                new Link(1e7, 1e7, 0.005), new Link(1e8, 1e8, 0.02), 0.2, 0.9, variant);
    }

    /** The checks shared by all cases. */
    protected static void check(TiersExitsProblem p, Solver<TiersExitsProblem, TierExitPlan> solver, String label) {
        Result<TierExitPlan> r = solver.solve(p);
        ContractChecks.verified(p, r, label);
        TiersExitsBruteForce.Optimum opt = TiersExitsBruteForce.solve(p);
        ContractChecks.againstOptimum(r, solver.kind(), new ContractChecks.Optimum(opt.feasible(), opt.objective()),
                ContractChecks.Sense.MINIMISE, label);
    }
}
