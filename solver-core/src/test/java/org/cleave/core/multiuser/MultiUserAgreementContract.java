package org.cleave.core.multiuser;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.LongStream;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.ContractChecks;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement of exact P4 solvers with a reference (e.g. {@code dp}) on {@value #INSTANCES} seeded
 * instances of {@link RandomMultiUserInstances} with N ≤ 8 users and K_F, K_B ≤ 16 units. To keep
 * the solve times to seconds each user has 3 options and K_B ≤ max(1, 20/K_F), so a user has at
 * most ~45 (option, units) entries (the MILP and CP models grow with (K_F+1)(K_B+1) per user;
 * larger grids are the benchmark's business). One seed in four states its options from a random
 * chain, the rest draws them; deadlines and accuracy floors are drawn, so some instances are
 * infeasible. Each solver must reach the reference's status (OPTIMAL or INFEASIBLE), pass the
 * verifier and equal the reference's objective to {@value #RELATIVE_TOLERANCE} relative.
 *
 * <p>Subclasses may also name heuristics and a lower bound: on every feasible instance the bound
 * is at most the optimum and no heuristic beats it; on infeasible ones no heuristic has a plan or
 * claims INFEASIBLE (a heuristic cannot prove it).
 */
public abstract class MultiUserAgreementContract {
    /** Number of instances. */
    public static final int INSTANCES = 320;

    /** Relative tolerance against the reference. */
    public static final double RELATIVE_TOLERANCE = ContractChecks.AGREEMENT_TOLERANCE;

    /** The exact solvers under test. */
    protected abstract List<Solver<MultiUserProblem, MultiUserPlan>> solvers();

    /** The reference. */
    protected abstract Solver<MultiUserProblem, MultiUserPlan> reference();

    /** Heuristics to order against the reference; none by default. */
    protected List<Solver<MultiUserProblem, MultiUserPlan>> heuristics() {
        return List.of();
    }

    /** A lower bound on the optimum of {@code p}; none by default. */
    protected OptionalDouble lowerBound(MultiUserProblem p) {
        return OptionalDouble.empty();
    }

    /**
     * Called after the checks of each instance with the reference's result, the bound and every
     * heuristic's result by id, for subclasses that tabulate gaps. Does nothing by default.
     */
    protected void observed(Result<MultiUserPlan> reference, OptionalDouble bound,
                            Map<String, Result<MultiUserPlan>> heuristics) {
    }

    static LongStream seeds() {
        return Seeds.of(2026, INSTANCES);
    }

    /** Instance {@code seed}: users, units and the option source cycle with the seed. */
    public static MultiUserProblem instance(long seed) {
        int n = 1 + (int) (seed % 8);
        int kf = 1 + (int) ((seed / 8) % 16);
        int kb = 1 + (int) ((seed / 128) % Math.max(1, 20 / kf));
        boolean chain = seed % 4 == 0;
        return RandomMultiUserInstances.random(seed, n, kf, kb, 3, chain ? RandomMultiUserInstances.Source.CHAIN
                : RandomMultiUserInstances.Source.DRAWN, RandomMultiUserInstances.Constraints.SOME);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheReference(long seed) {
        MultiUserProblem p = instance(seed);
        String label = "seed " + seed;
        Result<MultiUserPlan> ref = ContractChecks.agree(p, reference(), solvers(),
                Set.of(Status.OPTIMAL, Status.INFEASIBLE), label);
        boolean feasible = ref.status() == Status.OPTIMAL;
        OptionalDouble bound = lowerBound(p);
        if (feasible && bound.isPresent()) {
            assertTrue(bound.getAsDouble() <= ref.objective() * (1 + ContractChecks.HEURISTIC_SLACK),
                    label + ": bound " + bound.getAsDouble() + " above optimum " + ref.objective());
        }
        ContractChecks.Optimum opt = new ContractChecks.Optimum(feasible, feasible ? ref.objective() : Double.NaN);
        Map<String, Result<MultiUserPlan>> results = new LinkedHashMap<>();
        for (Solver<MultiUserProblem, MultiUserPlan> h : heuristics()) {
            Result<MultiUserPlan> r = h.solve(p);
            String which = label + " " + h.id();
            Verifier.Verdict verdict = Verifier.verify(p, r);
            assertTrue(verdict.ok(), which + ": " + verdict.defects());
            ContractChecks.againstOptimum(r, SolverKind.HEURISTIC, opt, ContractChecks.Sense.MINIMISE, which);
            if (!feasible) {
                assertNotEquals(Status.INFEASIBLE, r.status(), which + " cannot prove infeasibility");
            }
            results.put(h.id(), r);
        }
        observed(ref, bound, results);
    }
}
