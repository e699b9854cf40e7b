/**
 * OR-Tools formulations of P4 (multi-user partition, exit and resource allocation): the
 * multiple-choice knapsack MILP ({@code ortools-milp:scip}) and its CP-SAT twin with integer-scaled
 * costs ({@code ortools-cpsat}), both over the Pareto-useful (option, units) choices of
 * {@link org.cleave.core.multiuser.AllocationTable}.
 */
package org.cleave.ortools.multiuser;
