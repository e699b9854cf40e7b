package org.cleave.core.solve;

import java.util.List;

/** What a family's evaluator says of one plan: its objective and whether it meets the constraints. */
public interface Evaluation {
    /** The objective value of the plan, as the family defines it. */
    double objective();

    /** Constraint violations, empty when the plan is feasible. */
    default List<String> violations() {
        return List.of();
    }

    /** Whether the plan meets every constraint of the problem. */
    default boolean feasible() {
        return violations().isEmpty();
    }
}
