/**
 * P6, model placement and online splitting under fading: {@link org.cleave.core.stopping.StoppingProblem},
 * its plans {@link org.cleave.core.stopping.StoppingPlan} and the one evaluator
 * {@link org.cleave.core.stopping.StoppingEvaluator}, which computes the exact expected cost of a
 * threshold policy by deterministic numerical integration; named instances
 * ({@link org.cleave.core.stopping.StoppingInstances}) and seeded random ones
 * ({@link org.cleave.core.stopping.RandomStoppingInstances}). After Yan, Bi and Zhang, "Optimal Model
 * Placement and Online Model Splitting for Device-Edge Co-Inference", arXiv:2105.13618
 * (doi:10.48550/arXiv.2105.13618), IEEE Trans. Wireless Commun. 2022. See {@code docs/stopping.md}.
 */
package org.cleave.core.stopping;
