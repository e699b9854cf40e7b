package org.cleave.algorithms.multiuser;

import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.MultiUserSolverContract;
import org.cleave.core.solve.Solver;

class DynamicProgrammingMultiUserSolverTest extends MultiUserSolverContract {
    @Override
    protected Solver<MultiUserProblem, MultiUserPlan> createSolver() {
        return new DynamicProgrammingMultiUserSolver();
    }
}
