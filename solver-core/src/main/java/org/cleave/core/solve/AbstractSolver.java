package org.cleave.core.solve;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Base class that gives every solver the same contract: time the solve, turn an
 * {@link IllegalArgumentException} from validation into {@link Status#INVALID_INPUT}, and set the
 * result's objective to the family evaluator's value of the plan (so no solver reports its own
 * arithmetic). Subclasses implement {@link #run(Problem, SolveLimits, Deadline)} and stay
 * stateless.
 *
 * @param <P> the problem type
 * @param <S> the plan type
 */
public abstract class AbstractSolver<P extends Problem<S>, S> implements Solver<P, S> {
    private final String id;
    private final Family family;
    private final SolverKind kind;
    private final Class<P> problemType;
    private final Set<Capability> honours;
    private final String description;

    protected AbstractSolver(String id, Family family, SolverKind kind, Class<P> problemType,
                             Set<Capability> honours, String description) {
        this.id = id;
        this.family = family;
        this.kind = kind;
        this.problemType = problemType;
        this.honours = Set.copyOf(honours);
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Family family() {
        return family;
    }

    @Override
    public final SolverKind kind() {
        return kind;
    }

    @Override
    public final Class<P> problemType() {
        return problemType;
    }

    @Override
    public final Set<Capability> honours() {
        return honours;
    }

    @Override
    public final String description() {
        return description;
    }

    /** Computes the outcome; may throw {@link IllegalArgumentException} for invalid input. */
    protected abstract Outcome<S> run(P problem, SolveLimits limits, Deadline deadline);

    /** Parameters recorded in every result of this solver (backend, ...). */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public final Result<S> solve(P problem, SolveLimits limits) {
        Deadline deadline = limits.startDeadline();
        Map<String, String> params = new LinkedHashMap<>(parameters());
        if (problem == null) {
            return Result.withoutPlan(id, params, Status.INVALID_INPUT, Double.NaN, deadline.elapsed(), Map.of(),
                    "problem must not be null");
        }
        if (!problemType.isInstance(problem)) {
            return Result.withoutPlan(id, params, Status.INVALID_INPUT, Double.NaN, deadline.elapsed(), Map.of(),
                    id + " solves " + problemType.getSimpleName() + ", not " + problem.getClass().getSimpleName());
        }
        Outcome<S> outcome;
        try {
            outcome = run(problem, limits, deadline);
        } catch (IllegalArgumentException e) {
            return Result.withoutPlan(id, params, Status.INVALID_INPUT, Double.NaN, deadline.elapsed(), Map.of(),
                    String.valueOf(e.getMessage()));
        }
        Duration wall = deadline.elapsed();
        params.putAll(outcome.parameters());
        Optional<S> plan = outcome.plan();
        if (plan.isEmpty()) {
            return Result.withoutPlan(id, params, outcome.status(), outcome.bound(), wall, outcome.statistics(),
                    outcome.message());
        }
        double objective = problem.evaluate(plan.get()).objective();
        double bound = outcome.bound();
        if (outcome.status() == Status.OPTIMAL && Double.isNaN(bound) && kind == SolverKind.EXACT) {
            bound = objective;
        }
        return new Result<>(id, params, outcome.status(), plan, objective, bound, wall, outcome.statistics(),
                outcome.message());
    }

    @Override
    public String toString() {
        return id;
    }
}
