package org.cleave.choco.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.cleave.algorithms.partition.EnumerationPartitionSolver;
import org.cleave.core.generate.GraphGenerator;
import org.cleave.core.generate.RandomInstances;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement on 500 seeded P1 instances (chains and the three DAG shapes, 1–20 layers after the
 * input; latency, energy and mixed weights): {@code choco} is OPTIMAL, passes the verifier
 * (objective and bound) and equals enumeration to 1e-6 relative.
 */
class ChocoPartitionAgreementTest {
    private static final EnumerationPartitionSolver ENUMERATE = new EnumerationPartitionSolver();
    private static final List<Solver<PartitionProblem, Placement>> SOLVERS = List.of(new ChocoPartitionSolver());

    static LongStream seeds() {
        return Seeds.of(5005, 500);
    }

    /** Shape, size and weight mode cycle with the seed so every mix is covered. */
    static PartitionProblem instance(long seed) {
        GraphGenerator.Shape shape = GraphGenerator.Shape.values()[(int) (seed % 4)];
        int layers = 1 + (int) ((seed / 4) % 20);
        RandomInstances.WeightMode mode = RandomInstances.WeightMode.values()[(int) ((seed / 80) % 3)];
        return RandomInstances.partition(seed, shape, layers, mode);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithEnumerationOn500Instances(long seed) {
        PartitionProblem p = instance(seed);
        double optimum = ENUMERATE.solve(p).objective();
        for (Solver<PartitionProblem, Placement> solver : SOLVERS) {
            Result<Placement> r = solver.solve(p);
            String label = "seed " + seed + " " + solver.id() + " (" + p.graph() + ")";
            assertEquals(Status.OPTIMAL, r.status(), label + ": " + r.message());
            Verifier.Verdict verdict = Verifier.verify(p, r);
            assertTrue(verdict.ok(), label + ": " + verdict.defects());
            assertTrue(Verifier.close(optimum, r.objective(), 1e-6),
                    label + ": enumerate " + optimum + " vs " + r.objective());
        }
    }
}
