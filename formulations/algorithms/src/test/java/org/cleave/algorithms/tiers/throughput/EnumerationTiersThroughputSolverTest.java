package org.cleave.algorithms.tiers.throughput;

import org.cleave.core.solve.Solver;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.throughput.TiersThroughputProblem;
import org.cleave.core.tiers.throughput.TiersThroughputSolverContract;

/** The P3-3T solver contract for {@link EnumerationTiersThroughputSolver}. */
class EnumerationTiersThroughputSolverTest extends TiersThroughputSolverContract {
    @Override
    protected Solver<TiersThroughputProblem, TierPlacement> createSolver() {
        return new EnumerationTiersThroughputSolver();
    }
}
