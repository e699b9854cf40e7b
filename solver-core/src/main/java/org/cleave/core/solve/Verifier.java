package org.cleave.core.solve;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-evaluates a result with its family's evaluator and checks the solver's claims: a plan's
 * objective must equal the evaluator's to {@value #RELATIVE_TOLERANCE} relative, an OPTIMAL or
 * FEASIBLE plan must be feasible, and a bound must not be on the wrong side of the objective.
 */
public final class Verifier {
    /** Tolerance of the objective check, relative to the larger magnitude. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /** Differences below this are ignored whatever the magnitude (objectives that are zero). */
    public static final double ABSOLUTE_FLOOR = 1e-15;

    private Verifier() {
    }

    /**
     * The verdict on one result.
     *
     * @param evaluatedObjective the evaluator's objective of the plan, NaN without a plan
     * @param defects            what is wrong; empty when the result is sound
     */
    public record Verdict(double evaluatedObjective, List<String> defects) {
        public Verdict {
            defects = List.copyOf(defects);
        }

        /** Whether no defect was found. */
        public boolean ok() {
            return defects.isEmpty();
        }
    }

    /** Whether {@code a} and {@code b} agree to {@code tolerance} relative (absolute near zero). */
    public static boolean close(double a, double b, double tolerance) {
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE_FLOOR;
    }

    /** Verifies {@code result} against {@code problem}. */
    public static <S> Verdict verify(Problem<S> problem, Result<S> result) {
        if (result.plan().isPresent()) {
            Evaluation evaluation;
            try {
                evaluation = problem.evaluate(result.plan().get());
            } catch (IllegalArgumentException e) {
                return new Verdict(Double.NaN, List.of("plan rejected by the evaluator: " + e.getMessage()));
            }
            return verify(problem, result, evaluation);
        }
        return verify(problem, result, null);
    }

    /**
     * Verifies {@code result} against {@code problem} when the caller has already evaluated its plan:
     * {@code evaluation} must be {@code problem.evaluate(result.plan().get())} (null without a plan).
     * Saves the second evaluation of callers that need the cost breakdown too (ground-truth labels).
     */
    public static <S> Verdict verify(Problem<S> problem, Result<S> result, Evaluation evaluation) {
        List<String> defects = new ArrayList<>();
        double evaluated = Double.NaN;
        if (result.plan().isPresent()) {
            if (evaluation == null) {
                throw new IllegalArgumentException("evaluation: required with a plan");
            }
            evaluated = evaluation.objective();
            if (!close(evaluated, result.objective(), RELATIVE_TOLERANCE)) {
                defects.add("claimed objective " + result.objective() + " but the evaluator computes " + evaluated);
            }
            if (!evaluation.feasible()) {
                defects.add("plan is infeasible: " + String.join("; ", evaluation.violations()));
            }
            if (result.hasBound()) {
                double slack = RELATIVE_TOLERANCE * Math.abs(evaluated) + ABSOLUTE_FLOOR;
                boolean wrongSide = problem.sense() == Sense.MINIMIZE
                        ? result.bound() > evaluated + slack
                        : result.bound() < evaluated - slack;
                if (wrongSide) {
                    defects.add("bound " + result.bound() + " is on the wrong side of the objective " + evaluated);
                }
            }
        } else if (!Double.isNaN(result.objective())) {
            defects.add("objective " + result.objective() + " reported without a plan");
        }
        return new Verdict(evaluated, defects);
    }
}
