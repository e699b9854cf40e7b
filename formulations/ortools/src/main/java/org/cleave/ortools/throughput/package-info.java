/**
 * P3 (throughput under heavy load, with early exits) as a MILP through MPSolver ({@link
 * org.cleave.ortools.throughput.MilpThroughputSolver}: {@code ortools-milp:scip}, {@code
 * ortools-milp:cbc}, {@code ortools-milp:highs}) with the min–max period as an epigraph variable and
 * the exit set as binaries on the stop chain of {@link org.cleave.core.exits.StopChain}; and with
 * CP-SAT ({@link org.cleave.ortools.throughput.CpSatThroughputSolver}, {@code ortools-cpsat}): an
 * integer epigraph period over the Boolean chain of {@link org.cleave.ortools.exits.CpSatStopChain}, exact
 * in floating point by a rounding-band re-check. After Hu et
 * al., DADS (doi:10.1109/INFOCOM.2019.8737614), heavy-load case.
 */
package org.cleave.ortools.throughput;
