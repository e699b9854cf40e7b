/**
 * P2 solvers (partition with early exits): {@link org.cleave.algorithms.exits.MinCutExitsSolver}
 * ({@code mincut}, exact: exit sets × reach-weighted JGraphT min-cut),
 * {@link org.cleave.algorithms.exits.CompiledMinCutExitsSolver} ({@code mincut-compiled}, exact: the
 * same search on one compiled flow network re-weighted per exit set) and
 * {@link org.cleave.algorithms.exits.InverseSearchExitsSolver} ({@code inverse-search}, DAPDEE's
 * heuristic).
 */
package org.cleave.algorithms.exits;
