/**
 * P2 (partition with early exits, variants (a) min cost and (b) right-sizing) as a MILP through
 * MPSolver ({@link org.cleave.ortools.exits.MilpExitsSolver}: {@code ortools-milp:scip}, {@code
 * ortools-milp:cbc}, {@code ortools-milp:highs}): exit binaries on the stop chain of {@link
 * org.cleave.core.exits.StopChain}, reach-weighted costs linearised exactly; and with CP-SAT ({@link
 * org.cleave.ortools.exits.CpSatExitsSolver}, {@code ortools-cpsat}): the same chain as Booleans
 * ({@link org.cleave.ortools.exits.CpSatStopChain}), integer-scaled rows and an exact rounding-band
 * re-check in floating point. After Li et al., Edgent
 * (doi:10.1109/TWC.2019.2946140) and Teerapittayanon et al., BranchyNet
 * (doi:10.1109/ICPR.2016.7900006).
 */
package org.cleave.ortools.exits;
