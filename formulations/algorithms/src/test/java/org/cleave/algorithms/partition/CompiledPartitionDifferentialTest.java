package org.cleave.algorithms.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mincut-compiled} against {@code mincut} (JGraphT) and {@code enumerate} on the 2,000
 * instances of {@link PartitionDifferentialTest}, and warm re-solves of one compiled network
 * against fresh JGraphT solves on model-sized DAGs (180 and 330 layers, a 500-layer chain).
 */
class CompiledPartitionDifferentialTest {
    private static final CompiledMinCutPartitionSolver COMPILED = new CompiledMinCutPartitionSolver();
    private static final MinCutPartitionSolver MINCUT = new MinCutPartitionSolver();
    private static final EnumerationPartitionSolver ENUMERATE = new EnumerationPartitionSolver();

    static LongStream seeds() {
        return PartitionDifferentialTest.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithJGraphTAndEnumeration(long seed) {
        PartitionProblem p = PartitionDifferentialTest.instance(seed);
        String label = "seed " + seed + " (" + p.graph() + ", weights " + p.weights() + ")";
        Result<Placement> compiled = COMPILED.solve(p);
        assertEquals(Status.OPTIMAL, compiled.status(), label + ": " + compiled.message());
        assertTrue(Verifier.verify(p, compiled).ok(), label + ": " + Verifier.verify(p, compiled).defects());
        double jgrapht = MINCUT.solve(p).objective();
        double all = ENUMERATE.solve(p).objective();
        assertTrue(Verifier.close(compiled.objective(), all, 1e-9), label + ": compiled " + compiled.objective()
                + " vs enumerate " + all);
        assertTrue(Verifier.close(compiled.objective(), jgrapht, 1e-9), label + ": compiled "
                + compiled.objective() + " vs mincut " + jgrapht);
        assertTrue(Verifier.close(compiled.objective(), compiled.statistics().get("cutCost").doubleValue(), 1e-12),
                label + ": the network's own cost " + compiled.statistics().get("cutCost") + " vs the evaluator "
                        + compiled.objective());
    }

    static List<Object[]> largeGraphs() {
        return List.of(new Object[] {"residual-180", RandomGraphs.residual(179, new SplittableRandom(50))},
                new Object[] {"inception-330", RandomGraphs.inception(325, new SplittableRandom(51))},
                new Object[] {"layered-100", RandomGraphs.layered(100, new SplittableRandom(52))},
                new Object[] {"chain-500", RandomGraphs.chain(500, new SplittableRandom(53))});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largeGraphs")
    void warmResolvesAgreeWithFreshJGraphTSolves(String name, DnnGraph g) {
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        boolean[] plan = new boolean[g.size()];
        for (int i = 0; i < 60; i++) {
            PartitionProblem p = RandomPartitionInstances.partition(g, rng, RandomPartitionInstances.WeightMode.ANY);
            net.setProblem(p);
            double cost = net.solve();
            net.copyPlan(plan);
            double evaluated = p.evaluate(Placement.of(plan)).objective();
            double jgrapht = MINCUT.solve(p).objective();
            String label = name + " #" + i + " uplink " + p.link().uplinkBitsPerSecond();
            assertTrue(Verifier.close(cost, evaluated, 1e-12), label + ": network " + cost + " vs evaluator "
                    + evaluated);
            assertTrue(Verifier.close(evaluated, jgrapht, 1e-9), label + ": compiled " + evaluated + " vs mincut "
                    + jgrapht);
            assertTrue(jgrapht >= evaluated * (1 - 1e-12), label + ": mincut found a cheaper plan");
        }
    }

    @Test
    void isRegisteredAsExact() {
        assertEquals(COMPILED.kind(), Solvers.find(Family.PARTITION, "mincut-compiled").orElseThrow().kind());
    }
}
