/**
 * P2 (partition with early exits, variants (a) min cost and (b) right-sizing) as a MILP through
 * MPSolver ({@link org.cleave.ortools.exits.MilpExitsSolver}: {@code ortools-milp:scip}, {@code
 * ortools-milp:cbc}, {@code ortools-milp:highs}): exit binaries on the stop chain of {@link
 * org.cleave.ortools.StopChain}, reach-weighted costs linearised exactly. After Li et al., Edgent
 * (doi:10.1109/TWC.2019.2946140) and Teerapittayanon et al., BranchyNet
 * (doi:10.1109/ICPR.2016.7900006).
 */
package org.cleave.ortools.exits;
