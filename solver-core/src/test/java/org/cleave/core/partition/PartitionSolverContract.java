package org.cleave.core.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.BruteForce;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P1 solver meets: results are verified by the evaluator; an exact solver is
 * OPTIMAL and equals brute force over all monotone placements; a heuristic or baseline is never
 * below it; the solver never throws on a valid problem. Subclasses name the solver and whether
 * it only accepts chains.
 */
public abstract class PartitionSolverContract {
    /** The solver under test. */
    protected abstract Solver<PartitionProblem, Placement> createSolver();

    /** Whether the solver accepts only chains (then DAG instances must be refused with INVALID_INPUT). */
    protected boolean chainsOnly() {
        return false;
    }

    static LongStream seeds() {
        return Seeds.of(11, 150);
    }

    @Test
    void declaresThePartitionFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.PARTITION, PartitionProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        RandomGraphs.Shape[] shapes = RandomGraphs.Shape.values();
        RandomGraphs.Shape shape = chainsOnly() ? RandomGraphs.Shape.CHAIN : shapes[(int) (seed % shapes.length)];
        PartitionProblem p = RandomPartitionInstances.partition(seed, shape, 1 + (int) (seed % 14),
                RandomPartitionInstances.WeightMode.ANY);
        Solver<PartitionProblem, Placement> solver = createSolver();
        Result<Placement> r = solver.solve(p);
        check(p, r, solver.kind(), "seed " + seed);
    }

    @Test
    void handlesASingleLayerAfterTheInput() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("fc", 1e6, 40, 4e5))
                .addArc("in", "fc").build();
        PartitionProblem p = new PartitionProblem(g, new Device(1e9, 2, 1, 0.5), new EdgeServer(1e11),
                new Link(1e6, 1e7, 0.01));
        check(p, createSolver().solve(p), createSolver().kind(), "single layer");
    }

    @Test
    void refusesDagsWhenChainsOnly() {
        PartitionProblem p = RandomPartitionInstances.partition(5, RandomGraphs.Shape.RESIDUAL, 8,
                RandomPartitionInstances.WeightMode.LATENCY);
        Result<Placement> r = createSolver().solve(p);
        if (chainsOnly()) {
            assertEquals(Status.INVALID_INPUT, r.status());
            assertTrue(r.message().contains("chain"), r.message());
        } else {
            assertTrue(r.hasPlan(), r.message());
        }
    }

    @Test
    void isDeterministic() {
        PartitionProblem p = RandomPartitionInstances.partition(99, chainsOnly() ? RandomGraphs.Shape.CHAIN
                : RandomGraphs.Shape.INCEPTION, 12, RandomPartitionInstances.WeightMode.MIXED);
        Solver<PartitionProblem, Placement> s = createSolver();
        List<Result<Placement>> results = List.of(s.solve(p), s.solve(p));
        assertEquals(results.get(0).plan(), results.get(1).plan());
        assertEquals(results.get(0).objective(), results.get(1).objective());
    }

    /** The checks shared by all cases. */
    protected static void check(PartitionProblem p, Result<Placement> r, SolverKind kind, String label) {
        assertNotNull(r);
        assertTrue(r.hasPlan(), label + ": " + r.status() + " " + r.message());
        Verifier.Verdict verdict = Verifier.verify(p, r);
        assertTrue(verdict.ok(), label + ": " + verdict.defects());
        BruteForce.Optimum opt = BruteForce.partition(p);
        if (kind == SolverKind.EXACT) {
            assertEquals(Status.OPTIMAL, r.status(), label);
            assertTrue(Verifier.close(opt.objective(), r.objective(), 1e-9),
                    label + ": optimum " + opt.objective() + " but solver " + r.objective());
        } else {
            assertTrue(r.objective() >= opt.objective() * (1 - 1e-12),
                    label + ": " + r.objective() + " below the optimum " + opt.objective());
        }
    }
}
