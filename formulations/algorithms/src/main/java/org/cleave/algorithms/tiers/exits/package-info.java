/**
 * P2-3T solvers (early exits on device, edge and cloud):
 * {@link org.cleave.algorithms.tiers.exits.MinCutTiersExitsSolver} ({@code mincut}, exact: exit sets ×
 * reach-weighted minimum cut on Ishikawa's doubled network),
 * {@link org.cleave.algorithms.tiers.exits.EnumerationTiersExitsSolver} ({@code enumerate}, the exact
 * reference: exit sets × every monotone three-tier plan),
 * {@link org.cleave.algorithms.tiers.exits.TwoTierExitsSolver} ({@code two-tier}, P2's optimum on
 * device | edge) and {@link org.cleave.algorithms.tiers.exits.SingleTierExitsSolver}
 * ({@code single-tier}, baseline).
 */
package org.cleave.algorithms.tiers.exits;
