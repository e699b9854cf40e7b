/**
 * Pure-Java P4 solvers: the exact dynamic program ({@code dp}) and exhaustive enumeration
 * ({@code enumerate}, the reference for tiny instances); the heuristics ARA-style asynchronous
 * allocation ({@code ara}), greedy marginal allocation ({@code greedy}) and the continuous
 * square-root relaxation with rounding and lower bound ({@code relax-round}); Ma et al.'s
 * baselines ({@code device-only}, {@code edge-only} with an even split; Ma, Wang and Tang,
 * Electronics 2025, doi:10.3390/electronics14081647).
 */
package org.cleave.algorithms.multiuser;
