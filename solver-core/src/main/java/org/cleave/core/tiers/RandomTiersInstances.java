package org.cleave.core.tiers;

import java.util.SplittableRandom;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;

/**
 * Seeded random P1-3T instances. The same seed gives the same instance on every platform.
 *
 * <p>The device, edge, link 1, weights and device load are drawn exactly as
 * {@link RandomPartitionInstances} draws a P1 instance (so {@link TiersProblem#deviceEdge()} is a
 * random P1 instance), then: cloud 1–50× faster than the edge (log-uniform); link 2 uplink
 * 1 Mbit/s–10 Gbit/s (log-uniform), downlink 1–10× the uplink, one-way latency 0–100 ms.
 */
public final class RandomTiersInstances {
    private RandomTiersInstances() {
    }

    /** A random P1-3T instance. */
    public static TiersProblem tiers(long seed, RandomGraphs.Shape shape, int layers,
                                     RandomPartitionInstances.WeightMode mode) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph graph = RandomGraphs.generate(shape, layers, rng);
        return tiers(graph, rng, mode);
    }

    /** A random P1-3T instance on a given graph, drawing the rest from {@code rng}. */
    public static TiersProblem tiers(DnnGraph graph, SplittableRandom rng, RandomPartitionInstances.WeightMode mode) {
        PartitionProblem p1 = RandomPartitionInstances.partition(graph, rng, mode);
        CloudServer cloud = new CloudServer(p1.edge().flopsPerSecond() * logUniform(rng, 1, 50));
        double up = logUniform(rng, 1e6, 1e10);
        Link wan = new Link(up, up * (1 + 9 * rng.nextDouble()), 0.1 * rng.nextDouble());
        return new TiersProblem(graph, p1.device(), p1.edge(), cloud, p1.link(), wan, p1.weights(), p1.deviceLoad());
    }

    private static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }
}
