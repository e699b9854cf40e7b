/**
 * P1 (single-user partition) as a MILP through MPSolver ({@link
 * org.cleave.ortools.partition.MilpPartitionSolver}: {@code ortools-milp:scip}, {@code
 * ortools-milp:cbc}, {@code ortools-milp:highs}) and as a CP-SAT model ({@link
 * org.cleave.ortools.partition.CpSatPartitionSolver}: {@code ortools-cpsat}). Both are exact and
 * independent certificates for the min-cut solver. After Kang et al., Neurosurgeon
 * (doi:10.1145/3037697.3037698) and Hu et al., DADS (doi:10.1109/INFOCOM.2019.8737614).
 */
package org.cleave.ortools.partition;
