package org.cleave.core.tiers.exits;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.exits.RandomExitsInstances;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.tiers.CloudServer;

/**
 * Seeded random P2-3T instances; the same seed gives the same instance on every platform. The
 * graph and its exits are drawn as {@link RandomExitsInstances#addExits}, device, edge, link 1,
 * weights and load as {@link RandomPartitionInstances#partition}, the cloud and link 2 as
 * {@link org.cleave.core.tiers.RandomTiersInstances} (cloud 1–50× the edge, WAN uplink
 * 1 Mbit/s–10 Gbit/s log-uniform, downlink 1–10× the uplink, latency 0–100 ms). The accuracy floor
 * is uniform in [0, finalAccuracy]; a latency bound with probability 1/3, min(device-only,
 * edge-only latency of the full model) × U(0.3, 1.5).
 */
public final class RandomTiersExitsInstances {
    private RandomTiersExitsInstances() {
    }

    /** A random P2-3T instance with up to {@code maxExits} exits. */
    public static TiersExitsProblem exitsTiers(long seed, RandomGraphs.Shape shape, int layers, int maxExits) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph graph = RandomGraphs.generate(shape, layers, rng);
        RandomExitsInstances.Exits e = RandomExitsInstances.addExits(graph, rng, maxExits);
        PartitionProblem base = RandomPartitionInstances.partition(e.graph(), rng,
                RandomPartitionInstances.WeightMode.ANY);
        CloudServer cloud = new CloudServer(base.edge().flopsPerSecond() * logUniform(rng, 1, 50));
        double up = logUniform(rng, 1e6, 1e10);
        Link wan = new Link(up, up * (1 + 9 * rng.nextDouble()), 0.1 * rng.nextDouble());
        OptionalDouble bound = rng.nextInt(3) == 0
                ? OptionalDouble.of(latencyScale(base) * (0.3 + 1.2 * rng.nextDouble())) : OptionalDouble.empty();
        ExitsProblem.MinCost variant = new ExitsProblem.MinCost(base.weights(),
                rng.nextDouble() * e.finalAccuracy(), bound);
        return new TiersExitsProblem(e.graph(), base.device(), base.edge(), cloud, base.link(), wan,
                base.deviceLoad(), e.finalAccuracy(), variant);
    }

    private static double latencyScale(PartitionProblem p) {
        int n = p.graph().size();
        double deviceOnly = p.withWeights(CostWeights.LATENCY).evaluate(Placement.allDevice(n)).latencySeconds();
        double edgeOnly = p.evaluate(Placement.allButInputOnEdge(n)).latencySeconds();
        return Math.min(deviceOnly, edgeOnly);
    }

    private static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }
}
