package org.cleave.workflows.serve;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * What the family's evaluator says of one plan on a session's state.
 *
 * @param plan       the plan assessed
 * @param breakdown  the evaluator's breakdown ({@code PartitionCost}, {@code ExitsCost} or
 *                   {@code MultiUserCost})
 * @param objective  its objective
 * @param feasible   whether every constraint holds
 * @param violations the constraints violated, empty when feasible
 */
public record Assessment(Object plan, Evaluation breakdown, double objective, boolean feasible,
                         List<String> violations) {
    public Assessment {
        violations = List.copyOf(violations);
    }
}
