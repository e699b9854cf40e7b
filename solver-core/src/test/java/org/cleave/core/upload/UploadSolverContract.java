package org.cleave.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every single-user P5 solver meets: results are verified by the evaluator; an exact
 * solver is OPTIMAL and equals brute force over all monotone placements (evaluated by
 * {@link UploadEvaluator} itself); a heuristic is never below it; the solver never throws on a
 * valid problem, in every mode. Subclasses name the solver and whether it only accepts chains.
 */
public abstract class UploadSolverContract {
    /** The solver under test. */
    protected abstract Solver<UploadProblem, Placement> createSolver();

    /** Whether the solver accepts only chains (then DAG instances must be refused with INVALID_INPUT). */
    protected boolean chainsOnly() {
        return false;
    }

    /** Whether the solver models the latency objective only (then instances have w_E = 0). */
    protected boolean latencyOnly() {
        return false;
    }

    private RandomPartitionInstances.WeightMode weights(RandomPartitionInstances.WeightMode otherwise) {
        return latencyOnly() ? RandomPartitionInstances.WeightMode.LATENCY : otherwise;
    }

    static LongStream seeds() {
        return Seeds.of(17, 120);
    }

    /** The optimum by evaluating every monotone placement; the test-only reference. */
    public static double bruteForce(UploadProblem p) {
        double[] best = {Double.POSITIVE_INFINITY};
        OrderIdeals.forEach(p.graph(), Long.MAX_VALUE, () -> false,
                x -> best[0] = Math.min(best[0], p.evaluate(Placement.of(x)).objective()));
        return best[0];
    }

    @Test
    void declaresTheUploadFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.UPLOAD, UploadProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        RandomGraphs.Shape[] shapes = RandomGraphs.Shape.values();
        RandomGraphs.Shape shape = chainsOnly() ? RandomGraphs.Shape.CHAIN : shapes[(int) (seed % shapes.length)];
        UploadMode mode = UploadMode.values()[(int) ((seed / 4) % 3)];
        UploadProblem p = RandomUploadInstances.random(seed, shape, 1 + (int) (seed % 12), mode,
                weights(RandomPartitionInstances.WeightMode.ANY));
        Solver<UploadProblem, Placement> solver = createSolver();
        check(p, solver.solve(p), solver.kind(), "seed " + seed + " " + mode);
    }

    @Test
    void handlesASingleLayerAfterTheInput() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).addLayer(new Layer("fc", 1e6, 40, 4e5))
                .addArc("in", "fc").build();
        for (UploadMode mode : UploadMode.values()) {
            UploadProblem p = new UploadProblem(g, new Device(1e9, 2, 1, 0.5), new EdgeServer(1e11),
                    new Link(1e6, 1e7, 0.01), mode);
            check(p, createSolver().solve(p), createSolver().kind(), "single layer " + mode);
        }
    }

    @Test
    void refusesDagsWhenChainsOnly() {
        UploadProblem p = RandomUploadInstances.random(5, RandomGraphs.Shape.RESIDUAL, 8, UploadMode.PARALLEL,
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
        UploadProblem p = RandomUploadInstances.random(99, chainsOnly() ? RandomGraphs.Shape.CHAIN
                : RandomGraphs.Shape.INCEPTION, 12, UploadMode.PARALLEL, weights(RandomPartitionInstances.WeightMode.MIXED));
        Solver<UploadProblem, Placement> s = createSolver();
        Result<Placement> a = s.solve(p);
        Result<Placement> b = s.solve(p);
        assertEquals(a.plan(), b.plan());
        assertEquals(a.objective(), b.objective());
    }

    /** The checks shared by all cases. */
    protected static void check(UploadProblem p, Result<Placement> r, SolverKind kind, String label) {
        assertNotNull(r);
        assertTrue(r.hasPlan(), label + ": " + r.status() + " " + r.message());
        Verifier.Verdict verdict = Verifier.verify(p, r);
        assertTrue(verdict.ok(), label + ": " + verdict.defects());
        double opt = bruteForce(p);
        if (kind == SolverKind.EXACT) {
            assertEquals(Status.OPTIMAL, r.status(), label);
            assertTrue(Verifier.close(opt, r.objective(), 1e-9), label + ": optimum " + opt + " but solver "
                    + r.objective());
        } else {
            assertTrue(r.objective() >= opt * (1 - 1e-12), label + ": " + r.objective() + " below the optimum " + opt);
        }
    }
}
