package org.cleave.choco.exits;

import java.util.List;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsAgreementContract;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Solver;

/**
 * {@code choco} agrees with {@code mincut} on all 500 instances of {@link ExitsAgreementContract},
 * both variants (status, verifier, objective to 1e-6 relative, right-sizing's tie-break latency).
 */
class ChocoExitsAgreementTest extends ExitsAgreementContract {
    @Override
    protected List<Solver<ExitsProblem, ExitPlan>> solvers() {
        return List.of(new ChocoExitsSolver());
    }

    @Override
    protected Solver<ExitsProblem, ExitPlan> reference() {
        return new MinCutExitsSolver();
    }
}
