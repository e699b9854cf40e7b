package org.cleave.ortools.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Status;
import org.cleave.core.upload.RandomUploadInstances;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadProblem;
import org.cleave.core.upload.UploadSolverContract;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MilpChainUploadSolverTest extends UploadSolverContract {
    @BeforeEach
    void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected Solver<UploadProblem, Placement> createSolver() {
        return new MilpChainUploadSolver();
    }

    @Override
    protected boolean chainsOnly() {
        return true;
    }

    @Override
    protected boolean latencyOnly() {
        return true;
    }

    @Test
    void refusesAnEnergyWeightNamingTheField() {
        UploadProblem p = RandomUploadInstances.random(8, RandomGraphs.Shape.CHAIN, 5, UploadMode.PARALLEL,
                RandomPartitionInstances.WeightMode.ENERGY);
        Result<Placement> r = createSolver().solve(p);
        assertEquals(Status.INVALID_INPUT, r.status());
        assertTrue(r.message().contains("energyWeight"), r.message());
    }
}
