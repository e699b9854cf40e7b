package org.cleave.core.stopping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.core.model.CostWeights;

/**
 * Seeded P6 instances: random chains, equal-neuron MLPs and a hand-written LeNet-5 table.
 * Reproducible: the same arguments give the same problem.
 */
public final class StoppingInstances {
    private StoppingInstances() {
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

    /**
     * A fully connected MLP with {@code layers} layers of {@code neurons} neurons each (input width
     * = {@code neurons}), float32 tensors: each layer has 2·n² FLOPs, 4n output bytes and 4(n² + n)
     * parameter bytes; device {@code deviceFlopsPerSecond} at {@code computeWatts}, edge 50× faster.
     */
    public static StoppingProblem mlp(int layers, int neurons, double deviceFlopsPerSecond, double computeWatts,
                                      Channel channel, CostWeights weights, double slotSeconds, double idleWatts,
                                      double placementCostPerByte, double inferencesPerUpdate) {
        double flops = 2.0 * neurons * neurons;
        double t = flops / deviceFlopsPerSecond;
        List<StoppingLayer> list = new ArrayList<>();
        for (int i = 1; i <= layers; i++) {
            list.add(new StoppingLayer("fc" + i, t, computeWatts * t, 4.0 * neurons, t / 50,
                    4.0 * ((double) neurons * neurons + neurons)));
        }
        return new StoppingProblem(4.0 * neurons, list, channel, weights, slotSeconds, idleWatts, placementCostPerByte,
                inferencesPerUpdate);
    }

    /**
     * LeNet-5 (LeCun et al., Proc. IEEE 1998, doi:10.1109/5.726791) on a 32×32 grey image, float32,
     * per layer: FLOPs (2 per multiply-add; pooling 4 per output), output bytes and parameter bytes
     * computed by hand from the architecture (conv1 6@5×5, pool, conv2 16@5×5, pool, fc 120, 84, 10):
     * <pre>
     *   layer  FLOPs    outputBytes  paramBytes
     *   conv1  235200   18816        624
     *   pool1  4704     4704         0
     *   conv2  480000   6400         9664
     *   pool2  1600     1600         0
     *   fc1    96000    480          192480
     *   fc2    20160    336          40656
     *   fc3    1680     40           3400
     * </pre>
     * on a 100 MFLOP/s, 0.2 W microcontroller with an edge 1000× faster.
     */
    public static StoppingProblem lenet5(Channel channel, CostWeights weights, double slotSeconds, double idleWatts,
                                         double placementCostPerByte, double inferencesPerUpdate) {
        String[] ids = {"conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "fc3"};
        double[] flops = {235200, 4704, 480000, 1600, 96000, 20160, 1680};
        double[] out = {18816, 4704, 6400, 1600, 480, 336, 40};
        double[] params = {624, 0, 9664, 0, 192480, 40656, 3400};
        List<StoppingLayer> list = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            double t = flops[i] / 1e8;
            list.add(new StoppingLayer(ids[i], t, 0.2 * t, out[i], t / 1000, params[i]));
        }
        return new StoppingProblem(4096, list, channel, weights, slotSeconds, idleWatts, placementCostPerByte,
                inferencesPerUpdate);
    }

    /** A 1 MHz, 0.1 W uplink with N0 = 1e-17 W/Hz and Rayleigh fading of mean SNR {@code meanSnr}. */
    public static Channel rayleighChannel(double meanSnr) {
        double bandwidth = 1e6;
        double power = 0.1;
        double noise = 1e-17;
        return new Channel(bandwidth, power, noise, new Fading.Rayleigh(meanSnr * noise * bandwidth / power));
    }
}
