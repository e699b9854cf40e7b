package org.cleave.algorithms.upload;

import org.cleave.core.model.Placement;
import org.cleave.core.solve.Solver;
import org.cleave.core.upload.UploadProblem;
import org.cleave.core.upload.UploadSolverContract;

class EnumerationUploadSolverTest extends UploadSolverContract {
    @Override
    protected Solver<UploadProblem, Placement> createSolver() {
        return new EnumerationUploadSolver();
    }
}
