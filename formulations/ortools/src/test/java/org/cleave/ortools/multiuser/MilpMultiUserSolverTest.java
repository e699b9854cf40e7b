package org.cleave.ortools.multiuser;

import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.MultiUserSolverContract;
import org.cleave.core.solve.Solver;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

class MilpMultiUserSolverTest extends MultiUserSolverContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives.unavailableMessage());
    }

    @Override
    protected Solver<MultiUserProblem, MultiUserPlan> createSolver() {
        return new MilpMultiUserSolver();
    }
}
