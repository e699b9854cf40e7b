package org.cleave.core.upload;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The cost of a multi-user P5 plan.
 *
 * @param objective          Σ_i (w_T·T_i + w_E·E_i)
 * @param users              each user's schedule and cost, from {@link UploadEvaluator}
 * @param computeUnitsUsed   Σ_i k_F,i
 * @param bandwidthUnitsUsed Σ_i k_B,i
 * @param violations         unit budgets exceeded; empty when feasible
 */
public record MultiUserUploadCost(double objective, List<UploadCost> users, int computeUnitsUsed,
                                  int bandwidthUnitsUsed, List<String> violations) implements Evaluation {
    public MultiUserUploadCost {
        users = List.copyOf(users);
        violations = List.copyOf(violations);
    }
}
