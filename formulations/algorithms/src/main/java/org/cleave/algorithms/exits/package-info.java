/**
 * P2 solvers (partition with early exits): {@link org.cleave.algorithms.exits.MinCutExitsSolver}
 * ({@code mincut}, exact: exit sets × reach-weighted min-cut) and
 * {@link org.cleave.algorithms.exits.InverseSearchExitsSolver} ({@code inverse-search}, DAPDEE's
 * heuristic).
 */
package org.cleave.algorithms.exits;
