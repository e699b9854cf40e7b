package org.cleave.core.multiuser;

/**
 * One user's cost breakdown for one option and one allocation (see {@link MultiUserProblem}).
 * Times in seconds, energies in joules. A time is infinite when a resource the option needs got
 * zero units.
 *
 * @param deviceSeconds      expected device compute time
 * @param uploadSeconds      uploadBits / (k_B · R_up / K_B)
 * @param edgeSeconds        edgeFlops / (k_F · F / K_F)
 * @param downloadSeconds    downloadBits / R_down
 * @param linkLatencySeconds offloadProbability · one-way latency
 * @param latencySeconds     T_i, the sum of the five times above
 * @param computeJoules      the option's device energy
 * @param transmitJoules     transmitWatts · uploadSeconds
 * @param idleJoules         idleWatts · (edgeSeconds + downloadSeconds)
 * @param energyJoules       E_i, the sum of the three energies above
 * @param accuracy           the option's expected accuracy
 * @param objective          w_T · T_i + w_E · E_i
 */
public record UserCost(double deviceSeconds, double uploadSeconds, double edgeSeconds, double downloadSeconds,
                       double linkLatencySeconds, double latencySeconds, double computeJoules, double transmitJoules,
                       double idleJoules, double energyJoules, double accuracy, double objective) {
}
