package org.cleave.ortools.throughput;

import org.cleave.core.throughput.ThroughputSolverContract;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The P3 contract for an OR-Tools solver: skipped (not passed) when the natives cannot load. */
abstract class NativeThroughputSolverContract extends ThroughputSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }
}
