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
    /**
     * Smallest scale ḡ/k accepted: 1e-250. The evaluator's integration grid reaches 2^-60 of the
     * scale, which must stay a normal double (a mean gain of 1e-300 made every threshold land on
     * subnormal numbers and the look-ahead rule cost infinity).
     */
    double MIN_SCALE = 1e-250;
    /** Largest scale ḡ/k accepted: 1e250 (the grid reaches 68 scales). */
    double MAX_SCALE = 1e250;
    /**
     * Largest Nakagami shape k accepted: 1,000. The gain's spread shrinks like 1/√k, so the
     * integration grid needs about √k more points; k = 10^6 made the evaluator run for minutes,
     * and beyond k = 1,000 the channel is practically deterministic (a spread of 3 %).
     */
    double MAX_SHAPE = 1_000;

    /** Checks the scale ḡ/k of a law. */
    static void checkScale(double meanGain, double shape) {
        double scale = meanGain / shape;
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new InvalidModelException("meanGain", "must give a scale meanGain/shape in [" + MIN_SCALE + ", "
                    + MAX_SCALE + "], got meanGain " + meanGain + (shape == 1 ? "" : " with shape " + shape));
        }
    }

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
            checkScale(meanGain, 1);
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
            if (shape > MAX_SHAPE) {
                throw new InvalidModelException("shape", "must be at most " + MAX_SHAPE + " (the gain is then"
                        + " practically deterministic and the integration grid too fine), got " + shape);
            }
            Checks.positive("meanGain", meanGain);
            checkScale(meanGain, shape);
        }

        @Override
        public ContinuousDistribution distribution() {
            return GammaDistribution.of(shape, meanGain / shape);
        }
    }
}
