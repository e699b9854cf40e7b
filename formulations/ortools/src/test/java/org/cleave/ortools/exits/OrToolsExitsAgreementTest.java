package org.cleave.ortools.exits;

import java.util.List;
import org.cleave.algorithms.exits.MinCutExitsSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.exits.ExitsAgreementContract;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.solve.Solver;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code ortools-milp:scip}, {@code ortools-milp:cbc}, {@code ortools-milp:highs} and
 * {@code ortools-cpsat} each agree
 * with {@code mincut} (exit-set enumeration × min-cut, ideal enumeration under a binding latency
 * bound) on all 500 P2 instances of {@link ExitsAgreementContract}, both variants (status,
 * objective to 1e-6 relative, right-sizing's tie-break latency). Skipped (not passed) without
 * OR-Tools natives.
 */
class OrToolsExitsAgreementTest extends ExitsAgreementContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected List<Solver<ExitsProblem, ExitPlan>> solvers() {
        return List.of(new MilpExitsSolver.Scip(), new MilpExitsSolver.Cbc(), new MilpExitsSolver.Highs(),
                new CpSatExitsSolver());
    }

    @Override
    protected Solver<ExitsProblem, ExitPlan> reference() {
        return new MinCutExitsSolver();
    }
}
