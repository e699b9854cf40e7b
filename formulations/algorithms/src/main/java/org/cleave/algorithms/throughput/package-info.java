/**
 * P3 solvers (heavy-load throughput): {@link org.cleave.algorithms.throughput.EnumerationThroughputSolver}
 * ({@code enumerate}, exact), {@link org.cleave.algorithms.throughput.DshThroughputSolver}
 * ({@code dsh}, DADS' heuristic), {@link org.cleave.algorithms.throughput.InverseSearchThroughputSolver}
 * ({@code inverse-search}, DAPDEE heavy mode) and
 * {@link org.cleave.algorithms.throughput.DadsModeSwitchThroughputSolver} ({@code dads-switch}).
 */
package org.cleave.algorithms.throughput;
