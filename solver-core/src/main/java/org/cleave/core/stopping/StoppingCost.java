package org.cleave.core.stopping;

import java.util.List;
import org.cleave.core.solve.Evaluation;

/**
 * The evaluator's verdict on a {@link StoppingPlan}.
 *
 * @param objective                 J = inference cost + placement cost per inference
 * @param inferenceCost             expected cost of one inference, {@code U_0}
 * @param placementCostPerInference κ·Σ_{j<=m} paramBytes_j / N
 * @param stageValues               U_k: expected cost to go from stage k under the plan, k = 0..
 */
public record StoppingCost(double objective, double inferenceCost, double placementCostPerInference,
                           List<Double> stageValues) implements Evaluation {
    public StoppingCost {
        stageValues = List.copyOf(stageValues);
    }
}
