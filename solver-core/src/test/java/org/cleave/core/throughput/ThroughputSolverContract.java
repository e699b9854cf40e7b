package org.cleave.core.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
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
        Solver<ThroughputProblem, ExitPlan> s = createSolver();
        assertEquals(Family.THROUGHPUT, s.family());
        assertEquals(ThroughputProblem.class, s.problemType());
        assertFalse(s.id().isBlank());
        assertFalse(s.description().isBlank());
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
        assertFalse(r.hasPlan(), r.status() + " " + r.message());
        assertNotEquals(Status.INVALID_INPUT, r.status(), r.message());
        assertFalse(r.message().isBlank());
        if (createSolver().kind() == SolverKind.EXACT) {
            assertEquals(Status.INFEASIBLE, r.status(), r.message());
        }
    }

    @Test
    void isDeterministic() {
        ThroughputProblem p = RandomThroughputInstances.throughput(7, RandomGraphs.Shape.INCEPTION, 10, 2);
        Solver<ThroughputProblem, ExitPlan> s = createSolver();
        List<Result<ExitPlan>> results = List.of(s.solve(p), s.solve(p));
        assertEquals(results.get(0).plan(), results.get(1).plan());
        assertEquals(results.get(0).status(), results.get(1).status());
    }

    /** The checks shared by all cases. */
    protected static void check(ThroughputProblem p, Result<ExitPlan> r, SolverKind kind, String label) {
        assertNotEquals(Status.INVALID_INPUT, r.status(), label + ": " + r.message());
        Verifier.Verdict verdict = Verifier.verify(p, r);
        assertTrue(verdict.ok(), label + ": " + verdict.defects());
        ThroughputBruteForce.Optimum opt = ThroughputBruteForce.solve(p);
        if (kind == SolverKind.EXACT) {
            if (!opt.feasible()) {
                assertEquals(Status.INFEASIBLE, r.status(), label + ": " + r.message());
                return;
            }
            assertEquals(Status.OPTIMAL, r.status(), label + ": " + r.message());
            assertTrue(Verifier.close(opt.period(), r.objective(), 1e-9),
                    label + ": optimum " + opt.period() + " but solver " + r.objective());
        } else if (r.hasPlan()) {
            assertTrue(opt.feasible(), label + ": a plan for an infeasible instance");
            assertTrue(r.objective() >= opt.period() * (1 - 1e-12),
                    label + ": " + r.objective() + " beats the optimum " + opt.period());
        } else if (r.status() == Status.INFEASIBLE) {
            assertFalse(opt.feasible(), label + ": claims INFEASIBLE but brute force found " + opt.period());
        }
    }
}
