package org.cleave.ortools.throughput;

import java.util.List;
import org.cleave.algorithms.throughput.EnumerationThroughputSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Solver;
import org.cleave.core.throughput.ThroughputAgreementContract;
import org.cleave.core.throughput.ThroughputProblem;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code ortools-milp:scip}, {@code ortools-milp:cbc}, {@code ortools-milp:highs} and
 * {@code ortools-cpsat} each agree
 * with {@code enumerate} on all 500 instances of {@link ThroughputAgreementContract} (status, and
 * the period to 1e-6 relative). Skipped (not passed) without OR-Tools natives.
 */
class OrToolsThroughputAgreementTest extends ThroughputAgreementContract {
    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives::unavailableMessage);
    }

    @Override
    protected List<Solver<ThroughputProblem, ExitPlan>> solvers() {
        return List.of(new MilpThroughputSolver.Scip(), new MilpThroughputSolver.Cbc(),
                new MilpThroughputSolver.Highs(), new CpSatThroughputSolver());
    }

    @Override
    protected Solver<ThroughputProblem, ExitPlan> reference() {
        return new EnumerationThroughputSolver();
    }
}
