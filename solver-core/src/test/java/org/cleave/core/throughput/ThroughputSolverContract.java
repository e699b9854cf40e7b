package org.cleave.core.throughput;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
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
 * The contract every P3 solver meets: results verified by the evaluator; an exact solver returns
 * OPTIMAL with the brute-force least period, or INFEASIBLE exactly when no plan meets the accuracy
 * floor and the frame rate; a heuristic never beats the optimum and claims INFEASIBLE only when
 * it is true.
 */
public abstract class ThroughputSolverContract {
    /** The solver under test. */
    protected abstract Solver<ThroughputProblem, ExitPlan> createSolver();

    static LongStream seeds() {
        return Seeds.of(31, 150);
    }

    @Test
    void declaresTheThroughputFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.THROUGHPUT, ThroughputProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        ThroughputProblem p = RandomThroughputInstances.throughput(seed, shape, 1 + (int) (seed % 11), 2);
        Solver<ThroughputProblem, ExitPlan> solver = createSolver();
        check(p, solver.solve(p), solver.kind(), "seed " + seed);
    }

    @Test
    void reportsAnUnsustainableFrameRateWithoutAPlanAndWithAMessage() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1e5)).addLayer(new Layer("a", 1e9, 1e5, 0))
                .addLayer(new Layer("b", 1e9, 10, 0)).addArc("in", "a").addArc("a", "b").build();
        ThroughputProblem p = ThroughputProblem.of(g, new Device(1e9, 1, 1, 1), new EdgeServer(2e9),
                new Link(1e6, 1e6, 0)).withFrameRate(OptionalDouble.of(100));
        Result<ExitPlan> r = createSolver().solve(p);
        ContractChecks.noPlanWhenInfeasible(r, createSolver().kind());
        assertFalse(r.message().isBlank());
    }

    @Test
    void isDeterministic() {
        ContractChecks.deterministic(createSolver(),
                RandomThroughputInstances.throughput(7, RandomGraphs.Shape.INCEPTION, 10, 2));
    }

    /** The checks shared by all cases. */
    protected static void check(ThroughputProblem p, Result<ExitPlan> r, SolverKind kind, String label) {
        ContractChecks.verified(p, r, label);
        ThroughputBruteForce.Optimum opt = ThroughputBruteForce.solve(p);
        ContractChecks.againstOptimum(r, kind, new ContractChecks.Optimum(opt.feasible(), opt.period()),
                ContractChecks.Sense.MINIMISE, label);
    }
}
