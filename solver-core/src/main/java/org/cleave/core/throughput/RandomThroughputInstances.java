package org.cleave.core.throughput;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;

/**
 * Seeded random P3 instances: graph, exits, tiers, link and load as in
 * {@link RandomExitsInstances}; minAccuracy 0 with probability 1/2, else uniform in
 * [0, finalAccuracy]; a frame rate with probability 1/3, Q = 1 / (device-only period ×
 * U(0.05, 1.2)), so some frame rates cannot be sustained.
 */
public final class RandomThroughputInstances {
    private RandomThroughputInstances() {
    }

    /** A random P3 instance with up to {@code maxExits} exits. */
    public static ThroughputProblem throughput(long seed, RandomGraphs.Shape shape, int layers, int maxExits) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph graph = RandomGraphs.generate(shape, layers, rng);
        RandomExitsInstances.Exits e = RandomExitsInstances.addExits(graph, rng, maxExits);
        PartitionProblem base = RandomPartitionInstances.partition(e.graph(), rng, RandomPartitionInstances.WeightMode.LATENCY);
        double minAccuracy = rng.nextBoolean() ? 0 : rng.nextDouble() * e.finalAccuracy();
        ThroughputProblem p = new ThroughputProblem(e.graph(), base.device(), base.edge(), base.link(),
                base.deviceLoad(), e.finalAccuracy(), minAccuracy, OptionalDouble.empty());
        if (rng.nextInt(3) == 0) {
            double deviceOnly = p.evaluate(new org.cleave.core.exits.ExitPlan(java.util.List.of(),
                    org.cleave.core.model.Placement.allDevice(graph.size()))).periodSeconds();
            p = p.withFrameRate(OptionalDouble.of(1 / (deviceOnly * (0.05 + rng.nextDouble() * 1.15))));
        }
        return p;
    }
}
