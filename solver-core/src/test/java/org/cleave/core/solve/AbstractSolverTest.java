package org.cleave.core.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.junit.jupiter.api.Test;

class AbstractSolverTest {
    /** A solver that claims a wrong objective would be corrected: the base class re-evaluates. */
    private static final class DeviceOnly extends AbstractSolver<PartitionProblem, Placement> {
        DeviceOnly() {
            super("test-device-only", Family.PARTITION, SolverKind.BASELINE, PartitionProblem.class, Set.of(), "test");
        }

        @Override
        protected Outcome<Placement> run(PartitionProblem problem, SolveLimits limits, Deadline deadline) {
            if (problem.graph().size() > 30) {
                throw new IllegalArgumentException("model: too big for the test, got " + problem.graph().size());
            }
            return Outcome.feasible(Placement.allDevice(problem.graph().size()));
        }
    }

    @Test
    void setsTheObjectiveFromTheEvaluator() {
        PartitionProblem p = RandomPartitionInstances.partition(4, RandomGraphs.Shape.CHAIN, 6, RandomPartitionInstances.WeightMode.MIXED);
        Result<Placement> r = new DeviceOnly().solve(p);
        assertEquals(p.evaluate(r.planOrThrow()).objective(), r.objective());
        assertTrue(Verifier.verify(p, r).ok());
    }

    @Test
    void turnsBadInputIntoInvalidInput() {
        PartitionProblem p = RandomPartitionInstances.partition(4, RandomGraphs.Shape.CHAIN, 40, RandomPartitionInstances.WeightMode.LATENCY);
        Result<Placement> r = new DeviceOnly().solve(p);
        assertEquals(Status.INVALID_INPUT, r.status());
        assertEquals("model: too big for the test, got 41", r.message());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void refusesAProblemOfAnotherClass() {
        Solver raw = new DeviceOnly();
        Result<?> r = raw.solve(RandomExitsInstances.exits(1, RandomGraphs.Shape.CHAIN, 5, 2));
        assertEquals(Status.INVALID_INPUT, r.status());
        assertEquals("test-device-only solves PartitionProblem, not ExitsProblem", r.message());
    }
}
