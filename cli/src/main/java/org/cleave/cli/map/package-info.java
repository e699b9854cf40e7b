/**
 * {@code cleave map}: the exact P1 bandwidth map (optimal plan and cost per uplink interval) of
 * {@link org.cleave.algorithms.partition.BandwidthMap}, as a table and optionally a plot.
 */
package org.cleave.cli.map;
