package org.cleave.algorithms.partition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reach-weighted network (P2 with a fixed exit set) against a brute force written from
 * DESIGN.md's P2 semantics, sample path by sample path: a sample stopping at active exit j
 * (or at the output) computes every layer up to the exit's layer and every active exit branch on
 * the way, sends a tensor when it computes an edge-side consumer of a device-side producer, and
 * if its answer is produced on the edge pays the download of the result and the link latency.
 * The expected cost is the share-weighted mean over stopping points.
 */
class ReachWeightsTest {
    static LongStream seeds() {
        return Seeds.of(303, 80);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void weightedNetworkEqualsTheSamplePathBruteForce(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        RandomGraphs.Shape shape = RandomGraphs.Shape.values()[(int) (seed % 4)];
        DnnGraph plain = RandomGraphs.generate(shape, 3 + (int) (seed % 12), rng);
        List<Exit> exits = new ArrayList<>();
        double rate = 0;
        for (int v = 1; v < plain.size(); v++) {
            if (plain.isCutVertex(v) && rng.nextInt(3) > 0) {
                rate = v == plain.outputIndex() ? 1.0 : Math.min(1, rate + rng.nextDouble() * 0.4);
                exits.add(new Exit("x" + v, plain.layer(v).id(), Math.exp(rng.nextDouble() * 20), rate, 0.9));
            }
        }
        DnnGraph g = plain.withExits(exits);
        List<Exit> active = new ArrayList<>();
        for (Exit e : g.exits()) {
            if (rng.nextBoolean()) {
                active.add(e);
            }
        }
        PartitionProblem p = RandomPartitionInstances.partition(g, rng, RandomPartitionInstances.WeightMode.ANY);
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        net.setReachWeights(ReachWeights.ofActiveExits(g, active));
        net.setProblem(p);
        double cost = net.solve();
        boolean[] plan = new boolean[g.size()];
        net.copyPlan(plan);
        double[] best = {Double.POSITIVE_INFINITY};
        String label = "seed " + seed + " " + g + " active " + active.size();
        OrderIdeals.forEach(g, Long.MAX_VALUE, () -> false, onEdge -> {
            double expected = expectedCost(p, active, onEdge);
            assertTrue(Verifier.close(net.planCost(onEdge), expected, 1e-12), label + ": network "
                    + net.planCost(onEdge) + " vs brute force " + expected);
            best[0] = Math.min(best[0], expected);
        });
        assertTrue(Verifier.close(cost, best[0], 1e-9), label + ": min cut " + cost + " vs brute force " + best[0]);
        assertTrue(Verifier.close(expectedCost(p, active, plan), best[0], 1e-9), label);
        // the bandwidth map works on the weighted network too
        BandwidthMap map = BandwidthMap.of(net, 1e5, 1e10);
        for (int i = 0; i < 5; i++) {
            double r = Math.exp(Math.log(1e5) + rng.nextDouble() * Math.log(1e5));
            PartitionProblem at = p.withLink(p.link().withUplinkBitsPerSecond(r));
            double[] opt = {Double.POSITIVE_INFINITY};
            OrderIdeals.forEach(g, Long.MAX_VALUE, () -> false,
                    onEdge -> opt[0] = Math.min(opt[0], expectedCost(at, active, onEdge)));
            boolean[] mapped = new boolean[g.size()];
            for (int v = 0; v < mapped.length; v++) {
                mapped[v] = map.pieceAt(r).plan().onEdge(v);
            }
            assertTrue(Verifier.close(expectedCost(at, active, mapped), opt[0], 1e-9), label + " map at " + r);
            assertTrue(Verifier.close(map.costAt(r), opt[0], 1e-9), label + " map line at " + r);
        }
    }

    /** Expected w_T·T + w_E·E over the stopping points, each sample path costed on its own. */
    static double expectedCost(PartitionProblem p, List<Exit> active, boolean[] onEdge) {
        DnnGraph g = p.graph();
        List<int[]> stops = new ArrayList<>(); // {layer}
        List<Double> shares = new ArrayList<>();
        double stopped = 0;
        List<Exit> sorted = new ArrayList<>(active);
        sorted.sort((a, b) -> Integer.compare(g.indexOf(a.afterLayer()), g.indexOf(b.afterLayer())));
        for (Exit e : sorted) {
            int at = g.indexOf(e.afterLayer());
            double r = at == g.outputIndex() ? 1.0 : e.exitRate();
            stops.add(new int[] {at});
            shares.add(Math.max(0, r - stopped));
            stopped = Math.max(stopped, r);
        }
        stops.add(new int[] {g.outputIndex()});
        shares.add(Math.max(0, 1 - stopped));
        double total = 0;
        for (int s = 0; s < stops.size(); s++) {
            int last = stops.get(s)[0];
            double device = 0;
            double edge = 0;
            double upload = 0;
            for (int v = 0; v <= last; v++) {
                double branchFlops = 0;
                for (Exit e : sorted) {
                    if (g.indexOf(e.afterLayer()) == v) {
                        branchFlops = e.flops();
                    }
                }
                if (onEdge[v]) {
                    edge += p.edge().seconds(g.layer(v)) + branchFlops / p.edge().flopsPerSecond();
                } else {
                    device += p.device().seconds(g.layer(v), p.deviceLoad())
                            + branchFlops / p.device().flopsPerSecond() / (1 - p.deviceLoad());
                    for (int k = 0; k < g.outDegree(v); k++) {
                        int w = g.successor(v, k);
                        if (w <= last && onEdge[w]) {
                            upload += p.link().uploadSeconds(g.layer(v).outputBytes());
                            break;
                        }
                    }
                }
            }
            double download = onEdge[last] ? p.link().downloadSeconds(g.output().outputBytes()) : 0;
            double latency = onEdge[last] ? p.link().latencySeconds() : 0;
            double t = device + edge + upload + download + latency;
            double energy = p.device().computeWatts() * device + p.device().transmitWatts() * upload
                    + p.device().idleWatts() * (edge + download);
            total += shares.get(s) * p.weights().combine(t, energy);
        }
        return total;
    }
}
