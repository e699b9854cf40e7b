package org.cleave.cli.multiuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.cleave.algorithms.multiuser.RelaxRoundMultiUserSolver;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.RandomMultiUserInstances;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.cleave.ortools.OrToolsNatives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four exact P4 methods (dp, ortools-milp:scip, ortools-cpsat, choco) agree on 320 seeded
 * instances with N ≤ 8 users and K_F, K_B ≤ 16 units. To keep the test to seconds each user has 3
 * options and K_B ≤ max(1, 20/K_F), so a user has at most ~45 (option, units) entries (the MILP and
 * CP models grow with (K_F+1)(K_B+1) per user; larger grids are the benchmark's business); on every instance the relaxation's lower bound ≤ optimum ≤ every heuristic, and on
 * infeasible ones every exact solver says INFEASIBLE and no heuristic has a plan. Found through the
 * registry, so the service files are tested too. Prints the heuristics' gap table.
 */
class MultiUserAgreementTest {
    private static final List<String> EXACT = List.of("dp", "ortools-milp:scip", "ortools-cpsat", "choco");
    private static final List<String> HEURISTICS = List.of("ara", "greedy", "relax-round", "device-only", "edge-only");
    private static final Map<String, List<Double>> GAPS = new LinkedHashMap<>();
    private static final Map<String, Integer> NO_PLAN = new LinkedHashMap<>();
    private static final List<Double> BOUND_GAPS = new ArrayList<>();
    private static int infeasible;

    @BeforeAll
    static void natives() {
        Assumptions.assumeTrue(OrToolsNatives.available(), OrToolsNatives.unavailableMessage());
    }

    static LongStream seeds() {
        return Seeds.of(2026, 320);
    }

    static MultiUserProblem instance(long seed) {
        int n = 1 + (int) (seed % 8);
        int kf = 1 + (int) ((seed / 8) % 16);
        int kb = 1 + (int) ((seed / 128) % Math.max(1, 20 / kf));
        boolean chain = seed % 4 == 0;
        return RandomMultiUserInstances.random(seed, n, kf, kb, 3, chain ? RandomMultiUserInstances.Source.CHAIN
                : RandomMultiUserInstances.Source.DRAWN, RandomMultiUserInstances.Constraints.SOME);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @SuppressWarnings("unchecked")
    void exactSolversAgreeAndHeuristicsAreOrdered(long seed) {
        MultiUserProblem p = instance(seed);
        List<Result<MultiUserPlan>> exact = new ArrayList<>();
        for (String id : EXACT) {
            Solver<MultiUserProblem, MultiUserPlan> s = Solvers.require(Family.MULTIUSER, id);
            Result<MultiUserPlan> r = s.solve(p);
            assertTrue(Verifier.verify(p, r).ok(), id + ": " + Verifier.verify(p, r).defects());
            exact.add(r);
        }
        Result<MultiUserPlan> dp = exact.get(0);
        for (int k = 1; k < EXACT.size(); k++) {
            Result<MultiUserPlan> r = exact.get(k);
            assertEquals(dp.status(), r.status(), EXACT.get(k) + " vs dp, seed " + seed + ": " + r.message());
            if (dp.hasPlan()) {
                assertTrue(Verifier.close(dp.objective(), r.objective(), 1e-6), EXACT.get(k) + " " + r.objective()
                        + " vs dp " + dp.objective());
            }
        }
        double lb = RelaxRoundMultiUserSolver.lowerBound(p);
        if (dp.status() == Status.INFEASIBLE) {
            synchronized (GAPS) {
                infeasible++;
            }
        } else {
            assertEquals(Status.OPTIMAL, dp.status());
            assertTrue(lb <= dp.objective() * (1 + 1e-12), "bound " + lb + " above optimum " + dp.objective());
            synchronized (GAPS) {
                BOUND_GAPS.add((dp.objective() - lb) / dp.objective());
            }
        }
        for (String id : HEURISTICS) {
            Solver<MultiUserProblem, MultiUserPlan> s = Solvers.require(Family.MULTIUSER, id);
            Result<MultiUserPlan> r = s.solve(p);
            assertTrue(Verifier.verify(p, r).ok(), id + ": " + Verifier.verify(p, r).defects());
            if (dp.status() == Status.INFEASIBLE) {
                assertFalse(r.hasPlan(), id + " has a plan on an infeasible instance");
                assertNotEquals(Status.INFEASIBLE, r.status(), id + " cannot prove infeasibility");
                continue;
            }
            synchronized (GAPS) {
                if (r.hasPlan()) {
                    assertTrue(r.objective() >= dp.objective() * (1 - 1e-12), id + " below the optimum");
                    GAPS.computeIfAbsent(id, k -> new ArrayList<>()).add((r.objective() - dp.objective())
                            / dp.objective());
                } else {
                    NO_PLAN.merge(id, 1, Integer::sum);
                }
            }
        }
    }

    @AfterAll
    static void printGapTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nP4 gap table over %d seeded instances (%d infeasible, %d feasible)%n",
                seeds().count(), infeasible, BOUND_GAPS.size()));
        sb.append(String.format(Locale.ROOT, "| %-12s | %10s | %10s | %8s |%n", "heuristic", "mean gap", "max gap",
                "no plan"));
        for (String id : HEURISTICS) {
            List<Double> g = GAPS.getOrDefault(id, List.of());
            sb.append(String.format(Locale.ROOT, "| %-12s | %9.3f%% | %9.3f%% | %8d |%n", id,
                    100 * g.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    100 * g.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    NO_PLAN.getOrDefault(id, 0)));
        }
        sb.append(String.format(Locale.ROOT, "| %-12s | %9.3f%% | %9.3f%% | %8s |%n", "lower bound",
                100 * BOUND_GAPS.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                100 * BOUND_GAPS.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), "-"));
        System.out.print(sb);
    }
}
