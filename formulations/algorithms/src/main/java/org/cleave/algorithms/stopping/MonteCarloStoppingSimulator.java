package org.cleave.algorithms.stopping;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.cleave.core.stopping.StageRule;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;

/**
 * Seeded Monte Carlo simulation of a P6 plan: each inference starts at stage 0, draws an i.i.d.
 * gain per decision (Commons RNG {@code XO_RO_SHI_RO_128_PP}, Commons Statistics sampler) and
 * follows the plan's rules; its cost plus the placement cost per inference is one sample. Returns
 * the sample mean and its standard error s/√n, so that the evaluator's exact expectation can be
 * checked against it. Independent of the evaluator's integration. O(n × stages visited).
 */
public final class MonteCarloStoppingSimulator {
    private MonteCarloStoppingSimulator() {
    }

    /**
     * A Monte Carlo estimate.
     *
     * @param mean          sample mean of the objective (cost per inference + placement cost per inference)
     * @param standardError s/√n
     * @param samples       n
     */
    public record Estimate(double mean, double standardError, int samples) {
        /** |mean − value| in standard errors. */
        public double zScore(double value) {
            return Math.abs(mean - value) / standardError;
        }
    }

    /** Simulates {@code samples >= 2} inferences of {@code plan} with {@code seed}. */
    public static Estimate simulate(StoppingProblem p, StoppingPlan plan, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, got " + samples);
        }
        p.evaluate(plan);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousDistribution.Sampler gains = p.channel().fading().sampler(rng);
        int n = p.layerCount();
        double placement = p.placementCostPerInference(plan.deviceLayers());
        double omega = p.waitCost();
        double mean = 0;
        double m2 = 0;
        for (int i = 1; i <= samples; i++) {
            double cost = placement;
            int k = 0;
            while (k < n) {
                StageRule rule = plan.rule(k);
                double h = gains.sample();
                if (h >= rule.offloadThreshold()) {
                    cost += p.offloadCost(k, h);
                    break;
                }
                if (rule.below() == StageRule.Fallback.WAIT) {
                    cost += omega;
                } else {
                    cost += p.computeCost(k + 1);
                    k++;
                }
            }
            double delta = cost - mean;
            mean += delta / i;
            m2 += delta * (cost - mean);
        }
        double variance = m2 / (samples - 1);
        return new Estimate(mean, Math.sqrt(variance / samples), samples);
    }
}
