/**
 * P1-3T solvers (device–edge–cloud partition of a DAG): the exact {@code mincut} on Ishikawa's
 * doubled network ({@link org.cleave.algorithms.tiers.TiersCutNetwork}, compiled once and re-solved
 * warm for new link rates) and the {@code enumerate} reference; heuristics {@code two-tier},
 * {@code scission}, {@code dads-twice} and the baseline {@code single-tier}.
 */
package org.cleave.algorithms.tiers;
