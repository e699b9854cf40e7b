/**
 * P3-3T solvers (heavy-load throughput on device–edge–cloud, a five-stage pipeline): the exact
 * {@code enumerate} reference over every nested pair of order ideals, the heuristic {@code two-tier}
 * (the exact two-tier optima, by enumeration), the heuristic {@code dsh} (scaled three-tier min
 * cuts, after DADS' DSH) and the baseline {@code single-tier}. The MILP is in the
 * OR-Tools module; see docs/tiers.md.
 */
package org.cleave.algorithms.tiers.throughput;
