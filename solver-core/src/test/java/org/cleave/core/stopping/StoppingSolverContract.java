package org.cleave.core.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every P6 solver meets: its result is verified by the evaluator (objective to 1e-9
 * relative); an exact solver is OPTIMAL and matches the independent {@link ReferenceStopping}
 * optimum to 1e-7 relative; any other solver is never below that optimum (beyond the same
 * tolerance). Seeded random instances, one subclass per solver.
 */
public abstract class StoppingSolverContract {
    /** Agreement between the evaluator and the independent reference integration. */
    protected static final double REFERENCE_TOLERANCE = 1e-7;

    /** The solver under test. */
    protected abstract Solver<StoppingProblem, StoppingPlan> createSolver();

    static LongStream seeds() {
        return Seeds.of(61, 12);
    }

    @Test
    void declaresTheStoppingFamily() {
        ContractChecks.declaresAndDescribes(createSolver(), Family.STOPPING, StoppingProblem.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetsTheContractOnRandomInstances(long seed) {
        StoppingProblem p = RandomStoppingInstances.random(seed, 1 + (int) (seed % 6));
        check(p, createSolver(), "seed " + seed);
    }

    @Test
    void meetsTheContractOnLeNet5() {
        StoppingProblem p = StoppingInstances.lenet5(StoppingInstances.rayleighChannel(10),
                new org.cleave.core.model.CostWeights(1, 0.5), 2e-3, 0.05, 1e-8, 1000);
        check(p, createSolver(), "LeNet-5");
    }

    @Test
    void isDeterministic() {
        StoppingProblem p = RandomStoppingInstances.random(7, 5);
        Result<StoppingPlan> a = createSolver().solve(p);
        Result<StoppingPlan> b = createSolver().solve(p);
        assertEquals(a.plan(), b.plan());
        assertEquals(a.objective(), b.objective());
    }

    /** The checks shared by all cases. */
    protected static void check(StoppingProblem p, Solver<StoppingProblem, StoppingPlan> solver, String label) {
        Result<StoppingPlan> r = solver.solve(p);
        assertTrue(r.hasPlan(), label + ": " + r.status() + " " + r.message());
        Verifier.Verdict verdict = Verifier.verify(p, r);
        assertTrue(verdict.ok(), label + ": " + verdict.defects());
        double optimum = ReferenceStopping.optimum(p);
        if (solver.kind() == SolverKind.EXACT) {
            assertEquals(Status.OPTIMAL, r.status(), label);
            assertTrue(Verifier.close(optimum, r.objective(), REFERENCE_TOLERANCE),
                    label + ": reference optimum " + optimum + " but solver " + r.objective());
        } else {
            assertTrue(r.objective() >= optimum * (1 - REFERENCE_TOLERANCE),
                    label + ": " + r.objective() + " below the optimum " + optimum);
        }
    }
}
