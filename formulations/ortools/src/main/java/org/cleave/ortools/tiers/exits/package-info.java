/**
 * P2-3T through OR-Tools: {@link org.cleave.ortools.tiers.exits.MilpTiersExitsSolver}
 * ({@code ortools-milp:scip}, one MILP per exit set with the latency bound as a linear row).
 */
package org.cleave.ortools.tiers.exits;
