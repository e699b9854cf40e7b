package org.cleave.core.solve;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable outcome of one {@code solve} call.
 *
 * @param solverId   the solver's id, e.g. {@code mincut}
 * @param parameters the solver's parameters as strings (backend, beam width, scale, ...)
 * @param status     how the solve ended
 * @param plan       the plan, present exactly when {@link Status#hasPlan()}
 * @param objective  the plan's objective as the family's evaluator computes it; NaN without a plan
 * @param bound      best proven bound on the optimum (a lower bound when minimising); NaN when the
 *                   method has none
 * @param wallTime   wall-clock time of the solve
 * @param statistics method statistics (nodes, iterations, cuts, ...)
 * @param message    a human-readable remark: why the input was rejected, which limit stopped the
 *                   solve, ...; empty when there is nothing to say
 * @param <S>        the plan type
 */
public record Result<S>(String solverId, Map<String, String> parameters, Status status, Optional<S> plan,
                        double objective, double bound, Duration wallTime, Map<String, Number> statistics,
                        String message) {

    public Result {
        if (solverId == null || status == null || plan == null || wallTime == null || message == null) {
            throw new IllegalArgumentException("solverId, status, plan, wallTime and message must not be null");
        }
        if (status.hasPlan() != plan.isPresent()) {
            throw new IllegalArgumentException("status " + status + (plan.isPresent() ? " must not" : " must")
                    + " carry a plan");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
    }

    /** Whether a plan is present. */
    public boolean hasPlan() {
        return plan.isPresent();
    }

    /** The plan, or an exception naming the status and message. */
    public S planOrThrow() {
        return plan.orElseThrow(() -> new IllegalStateException(solverId + " returned " + status
                + (message.isEmpty() ? "" : ": " + message)));
    }

    /** Whether a bound is known. */
    public boolean hasBound() {
        return !Double.isNaN(bound);
    }

    /** A result without a plan. */
    public static <S> Result<S> withoutPlan(String solverId, Map<String, String> parameters, Status status,
                                            double bound, Duration wallTime, Map<String, Number> statistics,
                                            String message) {
        return new Result<>(solverId, parameters, status, Optional.empty(), Double.NaN, bound, wallTime,
                statistics, message);
    }
}
