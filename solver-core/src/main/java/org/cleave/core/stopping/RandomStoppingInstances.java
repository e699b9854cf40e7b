package org.cleave.core.stopping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.core.model.CostWeights;

/**
 * Seeded random P6 instances: random chains, with tensors of any size or shrinking with depth.
 * Reproducible: the same arguments give the same problem ({@link SplittableRandom} is specified
 * bit for bit).
 */
public final class RandomStoppingInstances {
    private RandomStoppingInstances() {
    }

    private static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    /**
     * A random chain of {@code layers} layers: device times 0.5–20 ms at 0.5–3 W, tensors of
     * 1 kB–1 MB, edge 20–100× faster, a 1–20 MHz uplink at 0.1–1 W with mean SNR 1–100, Rayleigh
     * fading (Nakagami shape 1–4 for one seed in four), slots of 1–10 ms.
     */
    public static StoppingProblem random(long seed, int layers) {
        return random(seed, layers, false);
    }

    /**
     * As {@link #random(long, int)} but with tensor sizes non-increasing with depth (the raw input
     * the largest), as in CNNs whose features shrink: the case where looking one layer ahead is
     * informative.
     */
    public static StoppingProblem randomShrinking(long seed, int layers) {
        return random(seed, layers, true);
    }

    private static StoppingProblem random(long seed, int layers, boolean shrinking) {
        SplittableRandom r = new SplittableRandom(seed);
        List<StoppingLayer> list = new ArrayList<>();
        for (int i = 1; i <= layers; i++) {
            double t = logUniform(r, 5e-4, 2e-2);
            double watts = 0.5 + 2.5 * r.nextDouble();
            list.add(new StoppingLayer("l" + i, t, watts * t, logUniform(r, 1e3, 1e6), t / (20 + 80 * r.nextDouble()),
                    logUniform(r, 1e4, 1e7)));
        }
        double input = logUniform(r, 1e4, 1e6);
        if (shrinking) {
            double[] bytes = list.stream().mapToDouble(StoppingLayer::outputBytes).sorted().toArray();
            input = Math.max(input, bytes[bytes.length - 1]);
            for (int i = 0; i < layers; i++) {
                StoppingLayer l = list.get(i);
                list.set(i, new StoppingLayer(l.id(), l.deviceSeconds(), l.deviceJoules(), bytes[layers - 1 - i],
                        l.edgeSeconds(), l.paramBytes()));
            }
        }
        double bandwidth = logUniform(r, 1e6, 2e7);
        double power = 0.1 + 0.9 * r.nextDouble();
        double noise = 1e-17;
        double meanSnr = logUniform(r, 1, 100);
        double meanGain = meanSnr * noise * bandwidth / power;
        Fading fading = r.nextInt(4) == 0 ? new Fading.Nakagami(1 + 3 * r.nextDouble(), meanGain)
                : new Fading.Rayleigh(meanGain);
        CostWeights weights = new CostWeights(1, r.nextDouble());
        return new StoppingProblem(input, list, new Channel(bandwidth, power, noise, fading), weights,
                logUniform(r, 1e-3, 1e-2), 0.01 + 0.1 * r.nextDouble(), r.nextDouble() < 0.2 ? 0
                : logUniform(r, 1e-9, 1e-6), logUniform(r, 1e2, 1e4));
    }
}
