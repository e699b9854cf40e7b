/**
 * {@code cleave map}: exact bandwidth maps as a table and optionally a plot. P1: the optimal plan
 * and cost per uplink interval ({@link org.cleave.algorithms.partition.BandwidthMap}); both maps are
 * {@link org.cleave.algorithms.partition.UplinkMap}s, printed through one routine. P2: for a
 * fixed exit set, the least expected cost over placements per uplink interval
 * ({@link org.cleave.algorithms.exits.ExitsBandwidthMap}), with the exit set's accuracy and where the
 * latency bound holds.
 */
package org.cleave.cli.map;
