package org.cleave.ortools.multiuser;

import java.util.List;
import org.cleave.core.multiuser.MultiUserAgreementContract;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code ortools-milp:scip}, {@code ortools-milp:cbc} and {@code ortools-cpsat} each agree with {@code dp} on all 320 P4
 * instances of {@link MultiUserAgreementContract} (status, verifier, objective to 1e-6 relative).
 * Found through the registry, so the service files are tested too. Skipped (not passed) without
 * OR-Tools natives.
 */
class OrToolsMultiUserAgreementTest extends MultiUserAgreementContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected List<Solver<MultiUserProblem, MultiUserPlan>> solvers() {
        return List.of(Solvers.require(Family.MULTIUSER, "ortools-milp:scip"),
                Solvers.require(Family.MULTIUSER, "ortools-milp:cbc"), Solvers.require(Family.MULTIUSER, "ortools-cpsat"));
    }

    @Override
    protected Solver<MultiUserProblem, MultiUserPlan> reference() {
        return Solvers.require(Family.MULTIUSER, "dp");
    }
}
