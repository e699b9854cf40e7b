package org.cleave.algorithms.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;

/** The checks the dynamic-program tests share: against the plain recursion, and the table against the evaluator. */
final class DynamicProgramChecks {
    private DynamicProgramChecks() {
    }

    /**
     * Solves {@code p} with {@code dp} and the plain recursion ({@link ReferenceDynamicProgram}):
     * a verified result, INFEASIBLE exactly when the recursion finds no plan, otherwise OPTIMAL with
     * the recursion's optimum to 1e-9 relative. Returns dp's result and the recursion's optimum (NaN
     * when infeasible).
     */
    static Outcome assertEqualsPlainRecursion(MultiUserProblem p, String where) {
        MultiUserPlan reference = ReferenceDynamicProgram.solve(p);
        Result<MultiUserPlan> dp = new DynamicProgrammingMultiUserSolver().solve(p);
        assertTrue(Verifier.verify(p, dp).ok(), where + ": " + Verifier.verify(p, dp).defects());
        if (reference == null) {
            assertEquals(Status.INFEASIBLE, dp.status(), where + ": " + dp.message());
            return new Outcome(Double.NaN, dp);
        }
        assertEquals(Status.OPTIMAL, dp.status(), where + ": " + dp.message());
        double optimum = p.evaluate(reference).objective();
        assertTrue(Verifier.close(optimum, dp.objective(), 1e-9), where + ": reference " + optimum + ", dp "
                + dp.objective());
        return new Outcome(optimum, dp);
    }

    /** dp's result and the plain recursion's optimum (NaN when there is no plan). */
    record Outcome(double optimum, Result<MultiUserPlan> dp) {
    }

    /**
     * {@code table}'s best response of every user and (f, b) has the evaluator's minimum over every
     * admissible option to the last bit, and names an admissible option reaching it (-1 when none).
     */
    static void assertTableIsTheEvaluatorsMinimum(MultiUserProblem p, AllocationTable table, String label) {
        for (int i = 0; i < p.size(); i++) {
            for (int f = 0; f <= p.computeUnits(); f++) {
                for (int b = 0; b <= p.bandwidthUnits(); b++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int o = 0; o < p.user(i).options().size(); o++) {
                        if (p.admissible(i, o, f, b)) {
                            best = Math.min(best, p.userCost(i, o, f, b).objective());
                        }
                    }
                    String where = label + ", user " + i + ", f " + f + ", b " + b;
                    assertEquals(best, table.bestCost(i, f, b), 0.0, where);
                    int o = table.bestOption(i, f, b);
                    if (best == Double.POSITIVE_INFINITY) {
                        assertEquals(-1, o, where);
                    } else {
                        assertTrue(p.admissible(i, o, f, b), where + ": option " + o);
                        assertEquals(best, p.userCost(i, o, f, b).objective(), 0.0, where + ": option " + o);
                    }
                }
            }
        }
    }
}
