package org.cleave.algorithms.tiers.exits;

import org.cleave.core.solve.Solver;
import org.cleave.core.tiers.exits.TierExitPlan;
import org.cleave.core.tiers.exits.TiersExitsProblem;
import org.cleave.core.tiers.exits.TiersExitsSolverContract;

class MinCutTiersExitsSolverTest extends TiersExitsSolverContract {
    @Override
    protected Solver<TiersExitsProblem, TierExitPlan> createSolver() {
        return new MinCutTiersExitsSolver();
    }
}
