/**
 * OR-Tools formulations (MPSolver MILP on SCIP, CBC or HiGHS; CP-SAT), one package per family.
 * {@link org.cleave.ortools.OrToolsNatives} loads the native libraries once.
 */
package org.cleave.ortools;
