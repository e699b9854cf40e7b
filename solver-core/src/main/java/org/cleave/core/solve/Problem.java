package org.cleave.core.solve;

/**
 * A problem instance of one {@link Family}, with its evaluator. The evaluator is the single source
 * of truth for the family's cost semantics: every solver optimises exactly what
 * {@link #evaluate(Object)} computes, and the {@link Verifier} re-evaluates every result with it.
 *
 * @param <S> the plan type
 */
public interface Problem<S> {
    /** The family. */
    Family family();

    /** Whether the objective is minimised (the default) or maximised. */
    default Sense sense() {
        return Sense.MINIMIZE;
    }

    /**
     * Evaluates {@code plan}.
     *
     * @throws IllegalArgumentException if the plan does not fit the problem (wrong size, violates a
     *                                  structural rule such as monotone placement)
     */
    Evaluation evaluate(S plan);

    /** The plan type, for checked casts. */
    Class<S> planType();
}
