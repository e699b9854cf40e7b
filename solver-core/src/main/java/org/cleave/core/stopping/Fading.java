package org.cleave.core.stopping;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;

/**
 * The law of the channel power gain h, drawn independently after every layer (block fading whose
 * coherence time is one decision slot). Backed by Apache Commons Statistics distributions; samples
 * come from a Commons RNG {@link UniformRandomProvider}.
 *
 * <p>Both laws are gamma laws with shape {@code k >= 1} (Rayleigh is {@code k = 1}). They have an
 * increasing failure rate, hence are new-better-than-used: {@code P(H > θ + t | H > θ) <= P(H > t)},
 * which the evaluator uses to truncate integrals ({@link StoppingEvaluator}).
 */
public sealed interface Fading {
    /** Mean power gain ḡ (dimensionless). */
    double meanGain();

    /** The Commons Statistics distribution of h. */
    ContinuousDistribution distribution();

    /** A sampler of h. */
    default ContinuousDistribution.Sampler sampler(UniformRandomProvider rng) {
        return distribution().createSampler(rng);
    }

    /**
     * Rayleigh fading: the amplitude is Rayleigh, so the power gain is exponential with mean ḡ,
     * {@code f(h) = e^{-h/ḡ}/ḡ}.
     *
     * @param meanGain ḡ, {@code > 0}
     */
    record Rayleigh(double meanGain) implements Fading {
        public Rayleigh {
            Checks.positive("meanGain", meanGain);
        }

        @Override
        public ContinuousDistribution distribution() {
            return ExponentialDistribution.of(meanGain);
        }
    }

    /**
     * Nakagami-k fading: the power gain is gamma with shape k and scale ḡ/k (k = 1 is Rayleigh;
     * larger k means a milder channel, e.g. with a line-of-sight component).
     *
     * @param shape    k, {@code >= 1}
     * @param meanGain ḡ, {@code > 0}
     */
    record Nakagami(double shape, double meanGain) implements Fading {
        public Nakagami {
            Checks.positive("shape", shape);
            if (shape < 1) {
                throw new InvalidModelException("shape", "must be >= 1 (shapes below 1 are not supported), got " + shape);
            }
            Checks.positive("meanGain", meanGain);
        }

        @Override
        public ContinuousDistribution distribution() {
            return GammaDistribution.of(shape, meanGain / shape);
        }
    }
}
