/**
 * P4, multi-user joint partition, exit and resource allocation:
 * {@link org.cleave.core.multiuser.MultiUserProblem} (the problem in math), its one evaluator
 * {@link org.cleave.core.multiuser.MultiUserEvaluator}, the stated
 * {@link org.cleave.core.multiuser.PlanOption}s (generated from a DNN by
 * {@link org.cleave.core.multiuser.PlanOptions}), plans, the exact solvers' shared
 * {@link org.cleave.core.multiuser.AllocationTable} and seeded random instances
 * ({@link org.cleave.core.multiuser.RandomMultiUserInstances}). After Ma et al.
 * (2025) and MJOA-MU's asynchronous resource allocation (ARA).
 */
package org.cleave.core.multiuser;
