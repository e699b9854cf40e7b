/**
 * P1 (single-user partition) as a Choco CP model: {@link
 * org.cleave.choco.partition.ChocoPartitionSolver}, id {@code choco}. After Kang et al.,
 * Neurosurgeon (doi:10.1145/3037697.3037698) and Hu et al., DADS (doi:10.1109/INFOCOM.2019.8737614).
 */
package org.cleave.choco.partition;
