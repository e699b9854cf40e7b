package org.cleave.core.partition;

import java.util.SplittableRandom;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;

/**
 * Seeded random P1 instances. The same seed gives the same instance on every platform
 * ({@link SplittableRandom} is specified bit for bit).
 *
 * <p>A graph from {@link RandomGraphs}; device 1e9–1e11 FLOP/s (log-uniform),
 * edge 5–200× faster; uplink 0.1–1000 Mbit/s (log-uniform), downlink 1–10× the uplink, one-way
 * latency 0–50 ms; compute 1–5 W, transmit 0.5–3 W, idle 0.1–1 W; weights latency-only,
 * energy-only or mixed (w_T = 1, w_E uniform in [0.01, 1]) with equal odds; device load 0, or
 * uniform in [0, 0.9) with probability 1/4.
 */
public final class RandomPartitionInstances {
    /** Which objective weights to draw. */
    public enum WeightMode {
        LATENCY, ENERGY, MIXED, ANY
    }

    private RandomPartitionInstances() {
    }

    /** A random P1 instance. */
    public static PartitionProblem partition(long seed, RandomGraphs.Shape shape, int layers, WeightMode mode) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph graph = RandomGraphs.generate(shape, layers, rng);
        return partition(graph, rng, mode);
    }

    /** A random P1 instance on a given graph, drawing the rest from {@code rng}. */
    public static PartitionProblem partition(DnnGraph graph, SplittableRandom rng, WeightMode mode) {
        double deviceRate = logUniform(rng, 1e9, 1e11);
        Device device = new Device(deviceRate, uniform(rng, 1, 5), uniform(rng, 0.5, 3), uniform(rng, 0.1, 1));
        EdgeServer edge = new EdgeServer(deviceRate * uniform(rng, 5, 200));
        double up = logUniform(rng, 1e5, 1e9);
        Link link = new Link(up, up * uniform(rng, 1, 10), uniform(rng, 0, 0.05));
        WeightMode m = mode == WeightMode.ANY ? WeightMode.values()[rng.nextInt(3)] : mode;
        CostWeights weights = switch (m) {
            case LATENCY -> CostWeights.LATENCY;
            case ENERGY -> CostWeights.ENERGY;
            default -> new CostWeights(1, uniform(rng, 0.01, 1));
        };
        double load = rng.nextInt(4) == 0 ? uniform(rng, 0, 0.9) : 0;
        return new PartitionProblem(graph, device, edge, link, weights, load);
    }

    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + rng.nextDouble() * (hi - lo);
    }
}
