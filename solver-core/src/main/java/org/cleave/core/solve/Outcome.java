package org.cleave.core.solve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a solver's core computes before {@link AbstractSolver} times it and re-evaluates its plan:
 * a status, maybe a plan, maybe a bound, statistics and a message. Mutable only while a solver
 * fills it in; not shared between calls.
 *
 * @param <S> the plan type
 */
public final class Outcome<S> {
    private final Status status;
    private final S plan;
    private double bound = Double.NaN;
    private final Map<String, Number> statistics = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String message = "";

    private Outcome(Status status, S plan) {
        this.status = status;
        this.plan = plan;
    }

    /** A plan proven optimal; the bound is set to its objective unless {@link #bound(double)} says otherwise. */
    public static <S> Outcome<S> optimal(S plan) {
        return new Outcome<>(Status.OPTIMAL, plan);
    }

    /** A feasible plan without proof. */
    public static <S> Outcome<S> feasible(S plan) {
        return new Outcome<>(Status.FEASIBLE, plan);
    }

    /** No plan: infeasible, stopped by a limit, or invalid input. */
    public static <S> Outcome<S> none(Status status, String message) {
        if (status.hasPlan()) {
            throw new IllegalArgumentException(status + " needs a plan");
        }
        Outcome<S> o = new Outcome<>(status, null);
        o.message = message;
        return o;
    }

    /** Sets the best proven bound. */
    public Outcome<S> bound(double value) {
        this.bound = value;
        return this;
    }

    /** Adds a statistic. */
    public Outcome<S> stat(String name, Number value) {
        statistics.put(name, value);
        return this;
    }

    /** Adds a parameter. */
    public Outcome<S> param(String name, Object value) {
        parameters.put(name, String.valueOf(value));
        return this;
    }

    /** Sets the message. */
    public Outcome<S> message(String text) {
        this.message = text;
        return this;
    }

    public Status status() {
        return status;
    }

    public Optional<S> plan() {
        return Optional.ofNullable(plan);
    }

    public double bound() {
        return bound;
    }

    public Map<String, Number> statistics() {
        return statistics;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public String message() {
        return message;
    }
}
