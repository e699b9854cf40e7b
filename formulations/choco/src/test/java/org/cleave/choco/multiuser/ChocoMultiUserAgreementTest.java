package org.cleave.choco.multiuser;

import java.util.List;
import org.cleave.core.multiuser.MultiUserAgreementContract;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;

/**
 * {@code choco} agrees with {@code dp} on all 320 P4 instances of
 * {@link MultiUserAgreementContract} (status, verifier, objective to 1e-6 relative). Found through
 * the registry, so the service file is tested too.
 */
class ChocoMultiUserAgreementTest extends MultiUserAgreementContract {
    @Override
    protected List<Solver<MultiUserProblem, MultiUserPlan>> solvers() {
        return List.of(Solvers.require(Family.MULTIUSER, "choco"));
    }

    @Override
    protected Solver<MultiUserProblem, MultiUserPlan> reference() {
        return Solvers.require(Family.MULTIUSER, "dp");
    }
}
