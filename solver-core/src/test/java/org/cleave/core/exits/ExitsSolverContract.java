package org.cleave.core.exits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P2 solver meets, on both variants: results are verified by the evaluator
 * (objective and feasibility); an exact solver returns OPTIMAL with the brute-force optimum over
 * all (exit set, order ideal) pairs (for right-sizing also the least latency among the most
 * accurate plans), or INFEASIBLE exactly when brute force finds no feasible plan; a heuristic is
 * never better than the optimum and claims INFEASIBLE only when it is true.
 */
public abstract class ExitsSolverContract {
    /** The solver under test. */
    protected abstract Solver<ExitsProblem, ExitPlan> createSolver();

    static LongStream seeds() {
        return Seeds.of(23, 150);
    }

    @Test
    void declaresTheExitsFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.EXITS, ExitsProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        ExitsProblem p = RandomExitsInstances.exits(seed, shape, 1 + (int) (seed % 12), 3);
        Solver<ExitsProblem, ExitPlan> solver = createSolver();
        check(p, solver.solve(p), solver.kind(), "seed " + seed + " " + p.variant());
    }

    @Test
    void handlesBothVariantsOnAFixedChain() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 4000)).addLayer(new Layer("a", 2e8, 8000, 0))
                .addLayer(new Layer("b", 4e8, 1000, 0)).addLayer(new Layer("c", 4e8, 40, 0))
                .addArc("in", "a").addArc("a", "b").addArc("b", "c")
                .addExit(new Exit("x1", "a", 1e6, 0.5, 0.7)).addExit(new Exit("x2", "b", 1e6, 0.8, 0.8)).build();
        Device d = new Device(1e9, 2, 1, 0.3);
        ExitsProblem a = new ExitsProblem(g, d, new EdgeServer(1e11), new Link(1e6, 1e7, 0.005), 0.2, 0.9,
                new ExitsProblem.MinCost(new CostWeights(1, 0.1), 0.8, OptionalDouble.of(0.6)));
        check(a, createSolver().solve(a), createSolver().kind(), "fixed (a)");
        ExitsProblem b = a.withVariant(new ExitsProblem.RightSizing(0.4));
        check(b, createSolver().solve(b), createSolver().kind(), "fixed (b)");
    }

    @Test
    void reportsAnImpossibleAccuracyFloorWithoutAPlan() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("a", 1e8, 100, 0))
                .addLayer(new Layer("b", 1e8, 10, 0)).addArc("in", "a").addArc("a", "b")
                .addExit(new Exit("x", "a", 1e5, 0.5, 0.6)).build();
        ExitsProblem p = new ExitsProblem(g, new Device(1e9, 1, 1, 1), new EdgeServer(1e10),
                new Link(1e6, 1e6, 0), 0, 0.8, new ExitsProblem.MinCost(CostWeights.LATENCY, 0.95,
                OptionalDouble.empty()));
        ContractChecks.noPlanWhenInfeasible(createSolver().solve(p), createSolver().kind());
    }

    @Test
    void isDeterministic() {
        ContractChecks.deterministic(createSolver(), RandomExitsInstances.exits(99, RandomGraphs.Shape.RESIDUAL, 12, 3));
    }

    /** The checks shared by all cases. */
    protected static void check(ExitsProblem p, Result<ExitPlan> r, SolverKind kind, String label) {
        ContractChecks.verified(p, r, label);
        ExitsBruteForce.Optimum opt = ExitsBruteForce.solve(p);
        boolean maximise = p.variant() instanceof ExitsProblem.RightSizing;
        boolean optimal = ContractChecks.againstOptimum(r, kind, new ContractChecks.Optimum(opt.feasible(),
                opt.objective()), maximise ? ContractChecks.Sense.MAXIMISE : ContractChecks.Sense.MINIMISE, label);
        if (optimal && maximise) {
            double latency = p.evaluate(r.planOrThrow()).latencySeconds();
            assertTrue(Verifier.close(opt.latency(), latency, ContractChecks.OPTIMUM_TOLERANCE),
                    label + ": tie-break latency " + opt.latency() + " but solver " + latency);
        }
    }
}
