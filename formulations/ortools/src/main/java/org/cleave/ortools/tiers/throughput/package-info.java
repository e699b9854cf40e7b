/**
 * P3-3T (heavy-load throughput on device–edge–cloud) as a MILP through OR-Tools' MPSolver on SCIP:
 * {@link org.cleave.ortools.tiers.throughput.MilpTiersThroughputSolver} ({@code ortools-milp:scip});
 * see docs/tiers.md.
 */
package org.cleave.ortools.tiers.throughput;
