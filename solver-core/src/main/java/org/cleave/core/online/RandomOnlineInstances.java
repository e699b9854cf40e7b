package org.cleave.core.online;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;

/**
 * A seeded generator of synthetic P7 traces, for users without a measured trace and for tests.
 * The model, for sample t = 0 … n−1 and exit i = 0 … L−1 of a K-class classifier:
 * <pre>
 *   Z_t ~ N(0, 1),  U_t ~ U(0, 1),  ε_{t,i} ~ N(0, 1)        all independent
 *   δ_t     = logistic(μ + τ·Z_t)                             difficulty ∈ (0, 1)
 *   x_i     = (i+1)/L                                         relative depth of exit i
 *   m_{t,i} = κ·(x_i − δ_t) + σ·ε_{t,i}                       margin
 *   C_{t,i} = 1/K + (1 − 1/K)·logistic(m_{t,i})               confidence ∈ (1/K, 1)
 *   correct_{t,i} = [U_t &lt; C_{t,i}]
 * </pre>
 * So confidence rises with depth (in expectation; the noise σ makes it non-monotone for single
 * samples), per-sample difficulty δ_t (the relative depth at which the sample's margin crosses
 * zero) varies with location μ and spread τ on the logit scale, and correctness correlates with
 * confidence: every exit is calibrated (P(correct | C) = C) and, through the shared U_t, a
 * sample correct at one exit is correct at every exit where it is more confident. Random numbers
 * come from {@link SplittableRandom}{@code (seed)}, drawn per sample in the order Z, U, ε_0 …
 * ε_{L−1}, so a trace is reproducible from (parameters, n, seed). O(n·L) time.
 *
 * <p>The defaults (L = 12 as BERT-base in SplitEE, K = 2, μ = −1, τ = 1, κ = 8, σ = 0.5) make
 * most samples easy (median δ ≈ 0.27, i.e. confident after about a quarter of the layers) and a
 * tail hard. They are a plausible shape, not fitted to any dataset.
 *
 * @param exits               L ≥ 1
 * @param classes             K ≥ 2
 * @param difficultyLocation  μ, finite
 * @param difficultySpread    τ ≥ 0
 * @param steepness           κ ≥ 0
 * @param noise               σ ≥ 0
 */
public record RandomOnlineInstances(int exits, int classes, double difficultyLocation, double difficultySpread,
                                      double steepness, double noise) {
    /** The defaults stated above. */
    public static final RandomOnlineInstances DEFAULT = new RandomOnlineInstances(12, 2, -1.0, 1.0, 8.0, 0.5);

    public RandomOnlineInstances {
        if (exits < 1) {
            throw new InvalidModelException("exits", "must be >= 1, got " + exits);
        }
        if (classes < 2) {
            throw new InvalidModelException("classes", "must be >= 2, got " + classes);
        }
        if (!Double.isFinite(difficultyLocation)) {
            throw new InvalidModelException("difficultyLocation", "must be finite, got " + difficultyLocation);
        }
        Checks.nonNegative("difficultySpread", difficultySpread);
        Checks.nonNegative("steepness", steepness);
        Checks.nonNegative("noise", noise);
    }

    /** This generator with another number of exits. */
    public RandomOnlineInstances withExits(int newExits) {
        return new RandomOnlineInstances(newExits, classes, difficultyLocation, difficultySpread, steepness, noise);
    }

    /** This generator with another difficulty location μ (larger: harder samples). */
    public RandomOnlineInstances withDifficultyLocation(double mu) {
        return new RandomOnlineInstances(exits, classes, mu, difficultySpread, steepness, noise);
    }

    /**
     * A trace of {@code samples} samples with ids {@code s0, s1, …} and correctness.
     *
     * @throws InvalidModelException when {@code samples < 1}
     */
    public Trace generate(int samples, long seed) {
        if (samples < 1) {
            throw new InvalidModelException("samples", "must be >= 1, got " + samples);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double floor = 1.0 / classes;
        List<String> ids = new ArrayList<>(samples);
        double[][] confidence = new double[samples][exits];
        boolean[][] correct = new boolean[samples][exits];
        for (int t = 0; t < samples; t++) {
            ids.add("s" + t);
            double difficulty = logistic(difficultyLocation + difficultySpread * rng.nextGaussian());
            double u = rng.nextDouble();
            for (int i = 0; i < exits; i++) {
                double depth = (i + 1.0) / exits;
                double margin = steepness * (depth - difficulty) + noise * rng.nextGaussian();
                double c = floor + (1 - floor) * logistic(margin);
                confidence[t][i] = c;
                correct[t][i] = u < c;
            }
        }
        return Trace.of(ids, confidence, correct);
    }

    /**
     * A trace of {@code samples} samples (ids {@code x0, x1, …}) and {@code exits} exits whose
     * confidences are uniform in [0, 1], one in ten a round value k/10 (so that thresholds are hit
     * exactly); with {@code withCorrectness}, exit i of sample t is correct with probability equal
     * to its confidence. Unlike {@link #generate}, confidences are unrelated across exits: a
     * stress test, not a plausible model.
     */
    public static Trace uniformTrace(long seed, int samples, int exits, boolean withCorrectness) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        double[][] conf = new double[samples][exits];
        boolean[][] ok = withCorrectness ? new boolean[samples][exits] : null;
        for (int t = 0; t < samples; t++) {
            ids.add("x" + t);
            for (int i = 0; i < exits; i++) {
                conf[t][i] = rng.nextInt(10) == 0 ? rng.nextInt(11) / 10.0 : rng.nextDouble();
                if (ok != null) {
                    ok[t][i] = rng.nextDouble() < conf[t][i];
                }
            }
        }
        return Trace.of(ids, conf, ok);
    }

    /** A random reward model: α in [0, 1], λ in [0, 0.2], o in [0, 1]. */
    public static RewardModel rewardModel(long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return new RewardModel(rng.nextInt(11) / 10.0, rng.nextDouble() * 0.2, rng.nextDouble());
    }

    private static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
