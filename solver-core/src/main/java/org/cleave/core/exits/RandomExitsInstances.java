package org.cleave.core.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;

/**
 * Seeded random P2 instances: a {@link RandomGraphs} graph with up to {@code maxExits} exits on
 * random cut vertices strictly between the input and the output, tiers, link, weights and load as
 * in {@link RandomPartitionInstances#partition}, and a variant.
 *
 * <p>Exits: branch FLOPs log-uniform in [1e5, 1e8]; cumulative rates sorted uniform in [0, 0.95],
 * the deepest set to 1 with probability 1/6; accuracies increasing with depth in [0.4, 0.95] with
 * probability 3/4, otherwise in random order; the final accuracy above every exit's when
 * monotone, else uniform in [0.5, 0.99]. Variant (a) with probability 1/2: A_min uniform in
 * [0, finalAccuracy], a latency bound with probability 1/3; otherwise variant (b). Latency bounds
 * are min(device-only, edge-only latency of the full model) × U(0.3, 1.5), so that some are
 * infeasible and many bind.
 */
public final class RandomExitsInstances {
    private RandomExitsInstances() {
    }

    /** A random P2 instance. */
    public static ExitsProblem exits(long seed, RandomGraphs.Shape shape, int layers, int maxExits) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph graph = RandomGraphs.generate(shape, layers, rng);
        Exits e = addExits(graph, rng, maxExits);
        PartitionProblem base = RandomPartitionInstances.partition(e.graph(), rng, RandomPartitionInstances.WeightMode.ANY);
        double scale = latencyScale(base);
        ExitsProblem.Variant variant;
        if (rng.nextBoolean()) {
            OptionalDouble bound = rng.nextInt(3) == 0
                    ? OptionalDouble.of(scale * uniform(rng, 0.3, 1.5)) : OptionalDouble.empty();
            variant = new ExitsProblem.MinCost(base.weights(), uniform(rng, 0, e.finalAccuracy()), bound);
        } else {
            variant = new ExitsProblem.RightSizing(scale * uniform(rng, 0.3, 1.5));
        }
        return new ExitsProblem(e.graph(), base.device(), base.edge(), base.link(), base.deviceLoad(),
                e.finalAccuracy(), variant);
    }

    /**
     * A graph with random exits and the final accuracy that goes with them.
     *
     * @param graph         the graph with its exits
     * @param finalAccuracy accuracy of the final classifier
     */
    public record Exits(DnnGraph graph, double finalAccuracy) {
    }

    /** {@code graph} (without exits) with up to {@code maxExits} random exits. */
    public static Exits addExits(DnnGraph graph, SplittableRandom rng, int maxExits) {
        List<Integer> candidates = new ArrayList<>();
        for (int v = 1; v < graph.outputIndex(); v++) {
            if (graph.isCutVertex(v)) {
                candidates.add(v);
            }
        }
        int k = Math.min(candidates.size(), rng.nextInt(maxExits + 1));
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < k) {
            int c = candidates.remove(rng.nextInt(candidates.size()));
            chosen.add(c);
        }
        chosen.sort(Integer::compare);
        double[] rates = sortedUniform(rng, k, 0, 0.95);
        if (k > 0 && rng.nextInt(6) == 0) {
            rates[k - 1] = 1.0;
        }
        boolean monotone = rng.nextInt(4) != 0;
        double[] acc = monotone ? sortedUniform(rng, k, 0.4, 0.95) : randomUniform(rng, k, 0.4, 0.95);
        double finalAccuracy = monotone ? uniform(rng, k == 0 ? 0.5 : acc[k - 1], 0.99) : uniform(rng, 0.5, 0.99);
        List<Exit> exits = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Layer at = graph.layer(chosen.get(i));
            exits.add(new Exit("e" + (i + 1), at.id(), Math.exp(Math.log(1e5) + rng.nextDouble() * Math.log(1e3)),
                    rates[i], acc[i]));
        }
        return new Exits(graph.withExits(exits), finalAccuracy);
    }

    /** min(device-only, edge-only) latency of the full model without exits. */
    static double latencyScale(PartitionProblem p) {
        int n = p.graph().size();
        double deviceOnly = p.withWeights(org.cleave.core.model.CostWeights.LATENCY)
                .evaluate(org.cleave.core.model.Placement.allDevice(n)).latencySeconds();
        double edgeOnly = p.evaluate(org.cleave.core.model.Placement.allButInputOnEdge(n)).latencySeconds();
        return Math.min(deviceOnly, edgeOnly);
    }

    private static double[] sortedUniform(SplittableRandom rng, int k, double lo, double hi) {
        double[] a = randomUniform(rng, k, lo, hi);
        java.util.Arrays.sort(a);
        return a;
    }

    private static double[] randomUniform(SplittableRandom rng, int k, double lo, double hi) {
        double[] a = new double[k];
        for (int i = 0; i < k; i++) {
            a[i] = uniform(rng, lo, hi);
        }
        return a;
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + rng.nextDouble() * (hi - lo);
    }
}
