package org.cleave.algorithms.upload;

import org.cleave.core.solve.Solver;
import org.cleave.core.upload.MultiUserUploadPlan;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.upload.MultiUserUploadSolverContract;

class AraMultiUserUploadSolverTest extends MultiUserUploadSolverContract {
    @Override
    protected Solver<MultiUserUploadProblem, MultiUserUploadPlan> createSolver() {
        return new AraMultiUserUploadSolver();
    }
}
