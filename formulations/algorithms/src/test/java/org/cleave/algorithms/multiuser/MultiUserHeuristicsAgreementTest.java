package org.cleave.algorithms.multiuser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.cleave.core.multiuser.MultiUserAgreementContract;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.junit.jupiter.api.AfterAll;

/**
 * On the 320 P4 instances of {@link MultiUserAgreementContract}, with {@code dp} as the optimum:
 * the relaxation's lower bound ({@link RelaxRoundMultiUserSolver#lowerBound}) ≤ optimum ≤ every
 * heuristic ({@code ara}, {@code greedy}, {@code relax-round}, {@code device-only},
 * {@code edge-only}), and on infeasible instances no heuristic has a plan. Found through the
 * registry, so the service file is tested too. Prints the heuristics' gap table.
 */
class MultiUserHeuristicsAgreementTest extends MultiUserAgreementContract {
    private static final List<String> HEURISTICS = List.of("ara", "greedy", "relax-round", "device-only", "edge-only");
    private static final Map<String, List<Double>> GAPS = new LinkedHashMap<>();
    private static final Map<String, Integer> NO_PLAN = new LinkedHashMap<>();
    private static final List<Double> BOUND_GAPS = new ArrayList<>();
    private static int infeasible;

    @Override
    protected List<Solver<MultiUserProblem, MultiUserPlan>> solvers() {
        return List.of();
    }

    @Override
    protected Solver<MultiUserProblem, MultiUserPlan> reference() {
        return Solvers.require(Family.MULTIUSER, "dp");
    }

    @Override
    protected List<Solver<MultiUserProblem, MultiUserPlan>> heuristics() {
        return HEURISTICS.stream().<Solver<MultiUserProblem, MultiUserPlan>>map(
                id -> Solvers.require(Family.MULTIUSER, id)).toList();
    }

    @Override
    protected OptionalDouble lowerBound(MultiUserProblem p) {
        return OptionalDouble.of(RelaxRoundMultiUserSolver.lowerBound(p));
    }

    @Override
    protected void observed(Result<MultiUserPlan> reference, OptionalDouble bound,
                            Map<String, Result<MultiUserPlan>> heuristics) {
        synchronized (GAPS) {
            if (reference.status() == Status.INFEASIBLE) {
                infeasible++;
                return;
            }
            double opt = reference.objective();
            BOUND_GAPS.add((opt - bound.getAsDouble()) / opt);
            heuristics.forEach((id, r) -> {
                if (r.hasPlan()) {
                    GAPS.computeIfAbsent(id, k -> new ArrayList<>()).add((r.objective() - opt) / opt);
                } else {
                    NO_PLAN.merge(id, 1, Integer::sum);
                }
            });
        }
    }

    @AfterAll
    static void printGapTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nP4 gap table over %d seeded instances (%d infeasible, %d feasible)%n",
                INSTANCES, infeasible, BOUND_GAPS.size()));
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
