/**
 * P7, online split with early exits (SplitEE): the {@link org.cleave.core.online.Trace} of
 * per-sample, per-exit confidences (and correctness where known), the one reward and cost
 * convention {@link org.cleave.core.online.RewardModel}, the offline problem "best fixed split
 * in hindsight" {@link org.cleave.core.online.OnlineProblem} with its single evaluator
 * {@link org.cleave.core.online.OnlineEvaluator}, and the policy SPI
 * {@link org.cleave.core.online.SplitPolicy} with its simulator
 * {@link org.cleave.core.online.Simulation}; seeded synthetic and uniform random traces
 * ({@link org.cleave.core.online.RandomOnlineInstances}).
 *
 * <p>How P7 maps onto the solver SPI: the offline problem (which fixed split maximises the total
 * reward over a known trace) is an ordinary {@link org.cleave.core.solve.Problem} whose plan is a
 * {@link org.cleave.core.online.FixedSplit}; exact solvers of it are {@code Family.ONLINE}
 * solvers. Online policies are not solvers: they see the trace one sample at a time and learn, so
 * they have their own API ({@link org.cleave.core.online.SplitPolicy}: a stateless factory of
 * per-run learners, run by {@link org.cleave.core.online.Simulation} with a seed and scored by the
 * same evaluator, regret measured against a given fixed split). The per-sample oracle is an upper
 * bound on the total reward of every policy, fixed or adaptive.
 *
 * <p>After D. J. Bajpai, V. K. Trivedi, S. L. Yadav and M. K. Hanawal, "SplitEE: Early Exit in
 * Deep Neural Networks with Split Computing", AIMLSystems 2023, doi:10.1145/3639856.3639873 (arXiv:2309.09195).
 */
package org.cleave.core.online;
