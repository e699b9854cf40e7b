package org.cleave.ortools.partition;

import org.cleave.core.partition.PartitionSolverContract;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The P1 contract for an OR-Tools solver: skipped (not passed) when the natives cannot load. */
abstract class NativePartitionSolverContract extends PartitionSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }
}
