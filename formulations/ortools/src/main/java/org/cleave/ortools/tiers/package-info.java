/** P1-3T (device–edge–cloud partition) through OR-Tools: the exact MILP {@code ortools-milp:scip}. */
package org.cleave.ortools.tiers;
