package org.cleave.core.stopping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.core.model.CostWeights;

/**
 * Named P6 instances: equal-neuron MLPs and a hand-written LeNet-5 table, and the Rayleigh channel
 * they use. Seeded random chains are {@link RandomStoppingInstances}.
 */
public final class StoppingInstances {
    private StoppingInstances() {
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
