package org.cleave.algorithms.tiers;

import org.cleave.core.solve.Solver;
import org.cleave.core.tiers.TierPlacement;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.core.tiers.TiersSolverContract;

class DadsTwiceSolverTest extends TiersSolverContract {
    @Override
    protected Solver<TiersProblem, TierPlacement> createSolver() {
        return new DadsTwiceSolver();
    }
}
