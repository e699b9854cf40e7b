package org.cleave.instances.zoo;

import org.cleave.core.model.Checks;

/**
 * The statistics of one exit under BranchyNet's nested-confidence model (see
 * {@link org.cleave.core.model.Exit}).
 *
 * @param exitRate cumulative exit rate in [0, 1]: the fraction of all samples that stop at this exit
 *                 or a shallower one when every exit is active
 * @param accuracy accuracy in [0, 1] of the samples that stop here
 */
public record ExitStatistic(double exitRate, double accuracy) {
    public ExitStatistic {
        Checks.probability("exitRate", exitRate);
        Checks.probability("accuracy", accuracy);
    }
}
