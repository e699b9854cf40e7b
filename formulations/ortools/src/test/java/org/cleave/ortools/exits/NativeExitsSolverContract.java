package org.cleave.ortools.exits;

import org.cleave.core.exits.ExitsSolverContract;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The P2 contract for an OR-Tools solver: skipped (not passed) when the natives cannot load. */
abstract class NativeExitsSolverContract extends ExitsSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }
}
