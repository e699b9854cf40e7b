/**
 * {@code cleave stopping FILE}: P6 thresholds, expected costs per policy and the placement m*
 * ({@link org.cleave.cli.stopping.StoppingCommand}).
 */
package org.cleave.cli.stopping;
