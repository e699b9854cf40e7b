package org.cleave.algorithms.tiers.exits;

import org.cleave.core.solve.Solver;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.core.tiers.exits.TiersExitsSolverContract;

class SingleTierExitsSolverTest extends TiersExitsSolverContract {
    @Override
    protected Solver<TiersExitsProblem, TierExitPlan> createSolver() {
        return new SingleTierExitsSolver();
    }
}
