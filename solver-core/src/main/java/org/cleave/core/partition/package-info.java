/**
 * P1, single-user partition under light load: {@link org.cleave.core.partition.PartitionProblem},
 * its evaluator {@link org.cleave.core.partition.PartitionEvaluator} and the cost breakdown
 * {@link org.cleave.core.partition.PartitionCost}, and seeded random instances
 * ({@link org.cleave.core.partition.RandomPartitionInstances}). After Kang et al., "Neurosurgeon", ASPLOS 2017
 * (doi:10.1145/3037697.3037698) and Hu et al., "Dynamic Adaptive DNN Surgery", INFOCOM 2019
 * (doi:10.1109/INFOCOM.2019.8737614).
 */
package org.cleave.core.partition;
