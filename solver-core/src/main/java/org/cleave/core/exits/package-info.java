/**
 * P2, partition with early exits: {@link org.cleave.core.exits.ExitsProblem} with its two variants
 * (minimum expected cost under an accuracy floor; Edgent's right-sizing), the plan type
 * {@link org.cleave.core.exits.ExitPlan}, the evaluator {@link org.cleave.core.exits.ExitsEvaluator},
 * the reach model {@link org.cleave.core.exits.StopProfile} and the per-layer expected loads
 * {@link org.cleave.core.exits.ExpectedLoads} that P3 shares. After Li et al., "Edgent", IEEE TWC
 * 2020 (doi:10.1109/TWC.2019.2946140) and Teerapittayanon et al., "BranchyNet", ICPR 2016
 * (doi:10.1109/ICPR.2016.7900006).
 */
package org.cleave.core.exits;
