/**
 * P2 solvers (partition with early exits): {@link org.cleave.algorithms.exits.MinCutExitsSolver}
 * ({@code mincut}, exact: exit sets × reach-weighted JGraphT min-cut),
 * {@link org.cleave.algorithms.exits.CompiledMinCutExitsSolver} ({@code mincut-compiled}, exact: the
 * same search on one compiled flow network re-weighted per exit set) and
 * {@link org.cleave.algorithms.exits.InverseSearchExitsSolver} ({@code inverse-search}, DAPDEE's
 * heuristic); and {@link org.cleave.algorithms.exits.ExitsBandwidthMap}, the exact P2 bandwidth map
 * (least expected cost per uplink interval, for a fixed exit set or the best one), the twin of P1's
 * {@link org.cleave.algorithms.partition.BandwidthMap} with the same result type
 * {@link org.cleave.algorithms.partition.UplinkMap}.
 */
package org.cleave.algorithms.exits;
