package org.cleave.core.multiuser;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The P4 evaluator's verdict on a plan: per-user breakdowns, totals and constraint violations.
 *
 * @param users          per-user breakdowns, in user order
 * @param latencySeconds Σ_i T_i
 * @param energyJoules   Σ_i E_i
 * @param computeUnits   Σ_i k_F,i
 * @param bandwidthUnits Σ_i k_B,i
 * @param objective      Σ_i (w_T·T_i + w_E·E_i); infinite when a needed resource got zero units
 * @param violations     broken constraints (capacity, zero units for a needed resource, deadline,
 *                       accuracy floor); empty when feasible
 */
public record MultiUserCost(List<UserCost> users, double latencySeconds, double energyJoules, int computeUnits,
                            int bandwidthUnits, double objective, List<String> violations) implements Evaluation {
    public MultiUserCost {
        users = List.copyOf(users);
        violations = List.copyOf(violations);
    }
}
