/**
 * OR-Tools formulations (MPSolver MILP on SCIP, CBC or HiGHS; CP-SAT), one package per family.
 * This root package holds the backend plumbing every family shares: {@link org.cleave.ortools.OrToolsNatives}
 * loads the native libraries once, {@link org.cleave.ortools.OrToolsSolver} is the base of every solver here
 * and loads them before its formulation touches any OR-Tools class, {@link org.cleave.ortools.MilpBackend} runs an MPSolver model on the chosen
 * backend, {@link org.cleave.ortools.CpSatSupport} configures CP-SAT. The P2 stop-chain models live in
 * {@code org.cleave.ortools.exits}.
 */
package org.cleave.ortools;
