package org.cleave.core.solve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private final PartitionProblem problem = RandomPartitionInstances.partition(1, RandomGraphs.Shape.CHAIN, 5,
            RandomPartitionInstances.WeightMode.LATENCY);

    private Result<Placement> claim(Placement plan, double objective, double bound) {
        return new Result<>("test", Map.of(), Status.FEASIBLE, Optional.of(plan), objective, bound, Duration.ZERO,
                Map.of(), "");
    }

    @Test
    void acceptsATrueClaimAndRejectsAWrongObjective() {
        Placement plan = Placement.allDevice(problem.graph().size());
        double truth = problem.evaluate(plan).objective();
        assertTrue(Verifier.verify(problem, claim(plan, truth, Double.NaN)).ok());
        assertTrue(Verifier.verify(problem, claim(plan, truth * (1 + 1e-11), Double.NaN)).ok());
        assertFalse(Verifier.verify(problem, claim(plan, truth * (1 + 1e-6), Double.NaN)).ok());
    }

    @Test
    void rejectsABoundAboveTheObjectiveAndAnInvalidPlan() {
        Placement plan = Placement.allDevice(problem.graph().size());
        double truth = problem.evaluate(plan).objective();
        assertFalse(Verifier.verify(problem, claim(plan, truth, truth * 1.01)).ok());
        Placement bad = Placement.of(new boolean[] {true, true, true, true, true, true});
        assertFalse(Verifier.verify(problem, claim(bad, 1, Double.NaN)).ok());
    }
}
