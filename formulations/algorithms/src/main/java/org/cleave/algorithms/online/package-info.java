/**
 * P7 algorithms: the online split policies SplitEE ({@code splitee}, UCB over split exits) and
 * SplitEE-S ({@code splitee-s}, UCB with side information on shallower exits) of Bajpai et al.
 * (AIMLSystems 2023, doi:10.1145/3639856.3639873), ε-greedy, fixed splits and final-layer
 * inference ({@link org.cleave.algorithms.online.SplitPolicies} names them); the exact offline
 * comparator {@link org.cleave.algorithms.online.BestFixedSplitSolver} ({@code best-fixed}) and the
 * {@link org.cleave.algorithms.online.PerSampleOracle}. Synthetic traces come from
 * {@link org.cleave.core.online.RandomOnlineInstances} in solver-core.
 */
package org.cleave.algorithms.online;
