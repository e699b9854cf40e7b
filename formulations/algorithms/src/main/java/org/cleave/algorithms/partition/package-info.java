/**
 * Pure-Java solvers of P1 (single-user partition): min-cut (JGraphT, and the compiled array
 * network {@link org.cleave.algorithms.partition.CompiledPartitionNetwork} behind
 * {@code mincut-compiled}, with allocation-free warm re-solves and optional
 * {@link org.cleave.algorithms.partition.ReachWeights} for P2's expected cost with a fixed exit
 * set), the exact parametric {@link org.cleave.algorithms.partition.BandwidthMap} (its result type
 * {@link org.cleave.algorithms.partition.UplinkMap} is shared with P2's map), chain scan,
 * enumeration of order ideals, and the device-only, edge-only and topological single-cut baselines.
 */
package org.cleave.algorithms.partition;
