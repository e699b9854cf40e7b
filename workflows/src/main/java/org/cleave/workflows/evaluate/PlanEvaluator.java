package org.cleave.workflows.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.Sense;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;

/**
 * Scores plans against the optimum with the family's evaluator ({@link Problem#evaluate}, the one
 * cost model): feasibility with the violated constraints named, the cost breakdown
 * ({@link Breakdowns}), the optimum and the gap. This is what an in-process planner or a training
 * loop calls; it knows no file format. Stateless and thread-safe.
 *
 * <p>The gap of a feasible plan with objective f against the optimum f* is
 * (f − f*)/|f*| for a minimised objective and (f* − f)/|f*| for a maximised one (P2 right-sizing),
 * so that it is ≥ 0 and 0 means optimal in both senses; when f* = 0 it is 0 for f = f* and +∞
 * otherwise. It is NaN for an infeasible plan or an unknown optimum (NaN). O(1) beyond one
 * evaluation per plan.
 */
public final class PlanEvaluator {
    /**
     * An optimum found by an exact solver and re-checked by the {@link Verifier}.
     *
     * @param solverId  the exact solver
     * @param objective the optimal objective; NaN when the problem has no feasible plan
     * @param plan      the optimal plan; empty when the problem has no feasible plan
     */
    public record Optimum(String solverId, double objective, Optional<Object> plan) {
    }

    /**
     * Scores {@code plan} of {@code problem} against {@code optimum} (NaN when unknown).
     *
     * @throws IllegalArgumentException if {@code plan} is not of the problem's plan type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PlanScore score(long index, Problem<?> problem, Object plan, double optimum) {
        if (!problem.planType().isInstance(plan)) {
            throw new IllegalArgumentException("plan: expected a " + problem.planType().getSimpleName() + " for family "
                    + problem.family().key() + ", got " + (plan == null ? "null" : plan.getClass().getSimpleName()));
        }
        Evaluation e;
        try {
            e = ((Problem) problem).evaluate(plan);
        } catch (IllegalArgumentException rejected) {
            return new PlanScore(index, false, List.of("plan rejected by the evaluator: " + rejected.getMessage()),
                    Double.NaN, java.util.Map.of(), optimum, Double.NaN);
        }
        boolean feasible = e.feasible();
        double gap = feasible ? gap(e.objective(), optimum, problem.sense()) : Double.NaN;
        return new PlanScore(index, feasible, e.violations(), e.objective(), Breakdowns.of(e), Breakdowns.perUser(e),
                optimum, gap);
    }

    /** {@link #score(long, Problem, Object, double)} with index 0. */
    public PlanScore score(Problem<?> problem, Object plan, double optimum) {
        return score(0, problem, plan, optimum);
    }

    /** Scores every plan of {@code plans} (indices 0, 1, ...) against the same optimum. */
    public List<PlanScore> scoreAll(Problem<?> problem, List<?> plans, double optimum) {
        List<PlanScore> out = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            out.add(score(i, problem, plans.get(i), optimum));
        }
        return out;
    }

    /** Scores {@code plans} against the optimum of {@code problem} found by {@code solverId} ({@link #optimum}). */
    public List<PlanScore> scoreAll(Problem<?> problem, List<?> plans, String solverId, SolveLimits limits) {
        return scoreAll(problem, plans, optimum(problem, solverId, limits).objective());
    }

    /**
     * Solves {@code problem} once with the exact solver {@code solverId} and verifies the answer.
     *
     * @throws IllegalArgumentException starting {@code solver:} for an unknown id, a solver that is
     *                                  not exact or does not take this problem, or one that rejects
     *                                  the problem
     * @throws IllegalStateException    when the solver proves no optimum within {@code limits}, or
     *                                  its answer fails the {@link Verifier}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optimum optimum(Problem<?> problem, String solverId, SolveLimits limits) {
        Solver solver = Solvers.require(problem.family(), solverId);
        if (solver.kind() != SolverKind.EXACT) {
            throw new IllegalArgumentException("solver: \"" + solverId + "\" is a "
                    + solver.kind().name().toLowerCase(java.util.Locale.ROOT) + " solver; the optimum needs an exact"
                    + " one, e.g. " + Solvers.defaultExact(problem));
        }
        if (!solver.problemType().isInstance(problem)) {
            throw new IllegalArgumentException("solver: \"" + solverId + "\" solves "
                    + solver.problemType().getSimpleName() + ", not " + problem.getClass().getSimpleName());
        }
        Result<?> r = solver.solve(problem, limits);
        if (r.status() == Status.INFEASIBLE) {
            return new Optimum(solverId, Double.NaN, Optional.empty());
        }
        if (r.status() == Status.INVALID_INPUT) {
            throw new IllegalArgumentException("solver: " + solverId + " rejected the problem: " + r.message());
        }
        if (r.status() != Status.OPTIMAL) {
            throw new IllegalStateException(solverId + " proved no optimum: status " + r.status()
                    + (r.message().isEmpty() ? "" : " (" + r.message() + ")"));
        }
        Verifier.Verdict verdict = Verifier.verify((Problem) problem, (Result) r);
        if (!verdict.ok()) {
            throw new IllegalStateException(solverId + "'s optimum failed verification: "
                    + String.join("; ", verdict.defects()));
        }
        return new Optimum(solverId, verdict.evaluatedObjective(), Optional.of(r.plan().get()));
    }

    /** The relative gap of {@code objective} to {@code optimum} under {@code sense} (see the class comment). */
    public static double gap(double objective, double optimum, Sense sense) {
        if (Double.isNaN(objective) || Double.isNaN(optimum)) {
            return Double.NaN;
        }
        if (objective == optimum) {
            return 0;
        }
        double worse = sense == Sense.MINIMIZE ? objective - optimum : optimum - objective;
        if (optimum == 0) {
            return worse > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return worse / Math.abs(optimum);
    }
}
