package org.cleave.core.model;

/**
 * Weights of the scalarised objective {@code w_T·T + w_E·E}, with T in seconds and E in joules.
 *
 * @param latencyWeight w_T, per second, {@code >= 0}
 * @param energyWeight  w_E, per joule, {@code >= 0}
 */
public record CostWeights(double latencyWeight, double energyWeight) {
    /** Latency only: {@code w_T = 1, w_E = 0} (the default). */
    public static final CostWeights LATENCY = new CostWeights(1, 0);
    /** Energy only: {@code w_T = 0, w_E = 1}. */
    public static final CostWeights ENERGY = new CostWeights(0, 1);

    public CostWeights {
        Checks.nonNegative("latencyWeight", latencyWeight);
        Checks.nonNegative("energyWeight", energyWeight);
        if (latencyWeight == 0 && energyWeight == 0) {
            throw new InvalidModelException("latencyWeight", "latencyWeight and energyWeight are both 0;"
                    + " at least one must be positive");
        }
    }

    /** {@code w_T·seconds + w_E·joules}. */
    public double combine(double seconds, double joules) {
        return latencyWeight * seconds + energyWeight * joules;
    }
}
