/**
 * Solvers of P5, partition with on-demand model uploading (Yang et al., "MJOA-MU", Computer
 * Networks 2023, doi:10.1016/j.comnet.2023.109801). Single user: {@code enumerate}
 * ({@link org.cleave.algorithms.upload.EnumerationUploadSolver}), {@code branch-and-bound}
 * ({@link org.cleave.algorithms.upload.BranchAndBoundUploadSolver}), PBT-DP exact {@code pbt} and
 * fast {@code pbt-beam} ({@link org.cleave.algorithms.upload.PrunedBinaryTreeUploadSolver}), all
 * pruning with the admissible bound {@link org.cleave.algorithms.upload.UploadLowerBound}.
 * Multi-user: exact {@code multiuser-dp}
 * ({@link org.cleave.algorithms.upload.UnitDpMultiUserUploadSolver}) and the ARA-style heuristic
 * {@code ara} ({@link org.cleave.algorithms.upload.AraMultiUserUploadSolver}). The latency table
 * of parallel versus serial uploading is produced by
 * {@link org.cleave.algorithms.upload.UploadLatencyTable}.
 */
package org.cleave.algorithms.upload;
