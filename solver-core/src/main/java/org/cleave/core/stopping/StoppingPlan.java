package org.cleave.core.stopping;

import java.util.List;
import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;

/**
 * A P6 plan: the placement m (the device holds layers 1..m) and the online splitting rule, one
 * {@link StageRule} per stage k = 0..m (k = 0..L−1 when m = L: after layer L the result is ready on
 * the device and nothing is sent). At the last stage k = m < L the device cannot compute further,
 * so its rule must be {@link StageRule.Fallback#WAIT}.
 *
 * @param deviceLayers m, the number of leading layers placed on the device
 * @param rules        the stage rules, index k = stage k
 */
public record StoppingPlan(int deviceLayers, List<StageRule> rules) {
    public StoppingPlan {
        if (deviceLayers < 0) {
            throw new InvalidModelException("deviceLayers", "must be >= 0, got " + deviceLayers);
        }
        Checks.present("rules", rules);
        rules = List.copyOf(rules);
    }

    /** The rule of stage k. */
    public StageRule rule(int stage) {
        return rules.get(stage);
    }

    /** The thresholds θ_0, θ_1, ... as an array. */
    public double[] thresholds() {
        return rules.stream().mapToDouble(StageRule::offloadThreshold).toArray();
    }
}
