package org.cleave.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;

/**
 * The assertions the family contracts share, so that each family contract states only what is
 * particular to its family (its instances, its brute force, its tie-breaks). Every check names
 * the case in its failure message through {@code label}, which callers start with the seed.
 */
public final class ContractChecks {
    /** Relative tolerance of cross-solver agreement (objectives of two exact solvers). */
    public static final double AGREEMENT_TOLERANCE = 1e-6;

    /** Relative tolerance against a brute-force optimum computed by the same evaluator. */
    public static final double OPTIMUM_TOLERANCE = 1e-9;

    /** Slack allowed to a heuristic that equals the optimum up to rounding. */
    public static final double HEURISTIC_SLACK = 1e-12;

    private ContractChecks() {
    }

    /** Whether smaller or larger objectives are better. */
    public enum Sense {
        /** Costs, periods: smaller is better. */
        MINIMISE,
        /** Accuracy: larger is better. */
        MAXIMISE
    }

    /** The brute-force answer on one instance: whether any plan is feasible and the optimum if so. */
    public record Optimum(boolean feasible, double objective) {
    }

    /** {@code s} declares {@code family} and {@code problemType}. */
    public static void declares(Solver<?, ?> s, Family family, Class<?> problemType) {
        assertEquals(family, s.family());
        assertEquals(problemType, s.problemType());
    }

    /** As {@link #declares}, and {@code s} has a non-blank id and description. */
    public static void declaresAndDescribes(Solver<?, ?> s, Family family, Class<?> problemType) {
        declares(s, family, problemType);
        assertFalse(s.id().isBlank());
        assertFalse(s.description().isBlank());
    }

    /** {@code r} is not INVALID_INPUT and passes the {@link Verifier} on {@code p}. */
    public static <S> void verified(Problem<S> p, Result<S> r, String label) {
        assertNotEquals(Status.INVALID_INPUT, r.status(), label + ": " + r.message());
        Verifier.Verdict verdict = Verifier.verify(p, r);
        assertTrue(verdict.ok(), label + ": " + verdict.defects());
    }

    /**
     * {@code r} against the brute-force {@code opt}: an exact solver is INFEASIBLE exactly when
     * nothing is feasible, else OPTIMAL with the optimum to {@value #OPTIMUM_TOLERANCE} relative; a
     * heuristic's plan exists only on a feasible instance and never beats the optimum, and it claims
     * INFEASIBLE only when it is true.
     *
     * @return whether {@code r} is an exact solver's OPTIMAL result, for family-specific checks of
     *         the plan it found (e.g. a tie-break)
     */
    public static boolean againstOptimum(Result<?> r, SolverKind kind, Optimum opt, Sense sense, String label) {
        if (kind == SolverKind.EXACT) {
            if (!opt.feasible()) {
                assertEquals(Status.INFEASIBLE, r.status(), label + ": " + r.message());
                return false;
            }
            assertEquals(Status.OPTIMAL, r.status(), label + ": " + r.message());
            assertTrue(Verifier.close(opt.objective(), r.objective(), OPTIMUM_TOLERANCE),
                    label + ": optimum " + opt.objective() + " but solver " + r.objective());
            return true;
        }
        if (r.hasPlan()) {
            assertTrue(opt.feasible(), label + ": a plan for an infeasible instance");
            boolean worseOrEqual = sense == Sense.MAXIMISE ? r.objective() <= opt.objective() * (1 + HEURISTIC_SLACK)
                    : r.objective() >= opt.objective() * (1 - HEURISTIC_SLACK);
            assertTrue(worseOrEqual, label + ": " + r.objective() + " beats the optimum " + opt.objective());
        } else if (r.status() == Status.INFEASIBLE) {
            assertFalse(opt.feasible(), label + ": claims INFEASIBLE but brute force found " + opt.objective());
        }
        return false;
    }

    /**
     * On an instance without a feasible plan: no plan, not INVALID_INPUT, and INFEASIBLE from an
     * exact solver.
     */
    public static void noPlanWhenInfeasible(Result<?> r, SolverKind kind) {
        assertFalse(r.hasPlan(), r.status() + " " + r.message());
        assertNotEquals(Status.INVALID_INPUT, r.status(), r.message());
        if (kind == SolverKind.EXACT) {
            assertEquals(Status.INFEASIBLE, r.status(), r.message());
        }
    }

    /** Two calls of {@code s} on {@code p} give the same plan and status. */
    public static <P extends Problem<S>, S> void deterministic(Solver<P, S> s, P p) {
        List<Result<S>> results = List.of(s.solve(p), s.solve(p));
        assertEquals(results.get(0).plan(), results.get(1).plan());
        assertEquals(results.get(0).status(), results.get(1).status());
    }

    /** A check of one solver's result against the reference's, beyond the shared ones. */
    @FunctionalInterface
    public interface AgreementCheck<S> {
        /** Asserts; called only when both are OPTIMAL. */
        void check(Result<S> reference, Result<S> result, String label);
    }

    /**
     * Cross-solver agreement on one instance: the reference ends in one of {@code referenceStatuses}
     * and passes the verifier; every solver reaches the reference's status, passes the verifier and, when the reference is
     * OPTIMAL, equals its objective to {@value #AGREEMENT_TOLERANCE} relative and passes
     * {@code extra}.
     *
     * @param label the case, e.g. the seed and the graph; each solver's id is added to it
     * @return the reference's result
     */
    public static <P extends Problem<S>, S> Result<S> agree(P p, Solver<P, S> reference, List<Solver<P, S>> solvers,
                                                            Set<Status> referenceStatuses, String label,
                                                            AgreementCheck<S> extra) {
        Result<S> ref = reference.solve(p);
        assertTrue(referenceStatuses.contains(ref.status()), label + " reference " + reference.id() + ": "
                + ref.status() + " " + ref.message());
        Verifier.Verdict refVerdict = Verifier.verify(p, ref);
        assertTrue(refVerdict.ok(), label + " reference " + reference.id() + ": " + refVerdict.defects());
        for (Solver<P, S> solver : solvers) {
            Result<S> r = solver.solve(p);
            String which = label + " " + solver.id();
            assertEquals(ref.status(), r.status(), which + ": " + r.message());
            Verifier.Verdict verdict = Verifier.verify(p, r);
            assertTrue(verdict.ok(), which + ": " + verdict.defects());
            if (ref.status() == Status.OPTIMAL) {
                assertTrue(Verifier.close(ref.objective(), r.objective(), AGREEMENT_TOLERANCE),
                        which + ": " + ref.solverId() + " " + ref.objective() + " vs " + r.objective());
                extra.check(ref, r, which);
            }
        }
        return ref;
    }

    /** As {@link #agree(Problem, Solver, List, Set, String, AgreementCheck)} with no extra check. */
    public static <P extends Problem<S>, S> Result<S> agree(P p, Solver<P, S> reference, List<Solver<P, S>> solvers,
                                                            Set<Status> referenceStatuses, String label) {
        return agree(p, reference, solvers, referenceStatuses, label, (ref, r, which) -> { });
    }
}
