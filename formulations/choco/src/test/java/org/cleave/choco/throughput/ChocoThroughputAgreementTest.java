package org.cleave.choco.throughput;

import java.util.List;
import org.cleave.algorithms.throughput.EnumerationThroughputSolver;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.solve.Solver;
import org.cleave.core.throughput.ThroughputAgreementContract;
import org.cleave.core.throughput.ThroughputProblem;

/**
 * {@code choco} agrees with {@code enumerate} on all 500 instances of
 * {@link ThroughputAgreementContract} (status, verifier and bound, period to 1e-6 relative).
 */
class ChocoThroughputAgreementTest extends ThroughputAgreementContract {
    @Override
    protected List<Solver<ThroughputProblem, ExitPlan>> solvers() {
        return List.of(new ChocoThroughputSolver());
    }

    @Override
    protected Solver<ThroughputProblem, ExitPlan> reference() {
        return new EnumerationThroughputSolver();
    }
}
