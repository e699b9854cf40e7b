/**
 * OR-Tools formulations of P5, partition with on-demand model uploading (Yang et al., "MJOA-MU",
 * Computer Networks 2023, doi:10.1016/j.comnet.2023.109801): the chain MILP
 * {@link org.cleave.ortools.upload.MilpChainUploadSolver} ({@code ortools-milp:scip}).
 */
package org.cleave.ortools.upload;
