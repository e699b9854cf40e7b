package org.cleave.algorithms.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.OnlineSolverContract;
import org.cleave.core.online.RandomOnlineInstances;
import org.cleave.core.online.ReferenceOnline;
import org.cleave.core.online.RewardModel;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.junit.jupiter.api.Test;

class BestFixedSplitSolverTest extends OnlineSolverContract {
    @Override
    protected Solver<OnlineProblem, FixedSplit> createSolver() {
        return new BestFixedSplitSolver();
    }

    @Test
    void isRegisteredAndReportsTheOracle() {
        assertTrue(Solvers.find(Family.ONLINE, "best-fixed").isPresent());
        OnlineProblem p = new OnlineProblem(RandomOnlineInstances.uniformTrace(4, 300, 6, true), RewardModel.SPLITEE_DEFAULT);
        Result<FixedSplit> r = new BestFixedSplitSolver().solve(p);
        double oracle = r.statistics().get("oracleMeanReward").doubleValue();
        assertTrue(ReferenceOnline.close(ReferenceOnline.directOracleTotal(p) / 300, oracle));
        assertTrue(ReferenceOnline.close(PerSampleOracle.evaluate(p).objective(), oracle));
        assertTrue(oracle >= r.objective());
        assertEquals(r.objective(), r.bound());
        for (int i = 0; i < 6; i++) {
            assertEquals(p.evaluate(new FixedSplit(i)).objective(),
                    r.statistics().get("meanReward[" + i + "]").doubleValue(), 1e-12);
        }
    }
}
