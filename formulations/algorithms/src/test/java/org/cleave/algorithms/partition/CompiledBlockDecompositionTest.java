package org.cleave.algorithms.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;
import org.cleave.core.model.OrderIdeals;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.partition.RandomPartitionInstances;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cut-vertex decomposition of {@link CompiledPartitionNetwork#solve()}: series compositions
 * of random small DAG blocks and chain links (skip arcs c_b → c_{b+1}, fan-out at the block's first
 * cut vertex, several sinks into the last) against enumeration and the JGraphT min cut, with the
 * lower-bound pruning on and off; of equally cheap plans the one with the smallest device side (the
 * minimal min cut, as JGraphT returns it); chains solved without any flow; the degenerate shapes.
 */
class CompiledBlockDecompositionTest {
    private static final EnumerationPartitionSolver ENUMERATE = new EnumerationPartitionSolver();
    private static final MinCutPartitionSolver MINCUT = new MinCutPartitionSolver();
    private static final ChainScanPartitionSolver CHAIN = new ChainScanPartitionSolver();

    static LongStream seeds() {
        return Seeds.of(1111, 200);
    }

    /**
     * A series composition: 1–8 segments, each a chain link or a block of 1–5 inner layers with
     * random arcs (every inner layer has a predecessor in the block and a successor in it).
     */
    static DnnGraph seriesOfBlocks(SplittableRandom rng) {
        DnnGraph.Builder b = DnnGraph.builder();
        List<String> ids = new ArrayList<>();
        String cut = "in";
        b.addLayer(Layer.input(cut, bytes(rng)));
        int segments = 1 + rng.nextInt(8);
        for (int k = 0; k < segments; k++) {
            String next = "c" + k;
            b.addLayer(layer(next, rng));
            if (rng.nextInt(3) == 0) {
                b.addArc(cut, next);
            } else {
                int inner = 1 + rng.nextInt(5);
                ids.clear();
                ids.add(cut);
                boolean[] used = new boolean[inner + 1];
                for (int i = 0; i < inner; i++) {
                    String id = "b" + k + "_" + i;
                    b.addLayer(layer(id, rng));
                    int from = rng.nextInt(ids.size());
                    b.addArc(ids.get(from), id);
                    used[from] = true;
                    for (int j = 0; j < ids.size(); j++) {
                        if (j != from && rng.nextInt(4) == 0) {
                            b.addArc(ids.get(j), id);
                            used[j] = true;
                        }
                    }
                    ids.add(id);
                }
                for (int j = 1; j < ids.size(); j++) {
                    if (!used[j] || rng.nextInt(3) == 0) {
                        b.addArc(ids.get(j), next);
                    }
                }
                if (rng.nextInt(3) == 0) {
                    b.addArc(cut, next);
                }
            }
            cut = next;
        }
        return b.build();
    }

    private static Layer layer(String id, SplittableRandom rng) {
        return new Layer(id, Math.exp(rng.nextDouble(Math.log(1e6), Math.log(1e10))), bytes(rng), 0);
    }

    private static double bytes(SplittableRandom rng) {
        return Math.exp(rng.nextDouble(Math.log(1e2), Math.log(1e7)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void seriesCompositionsAgreeWithEnumerationAndJGraphT(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph g = seriesOfBlocks(rng);
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        int flowBlocks = 0;
        for (int v = 0, last = -1; v < g.size(); v++) {
            if (g.isCutVertex(v)) {
                flowBlocks += last >= 0 && v > last + 1 ? 1 : 0;
                last = v;
            }
        }
        boolean[] pruned = new boolean[g.size()];
        boolean[] all = new boolean[g.size()];
        for (int i = 0; i < 4; i++) {
            PartitionProblem p = RandomPartitionInstances.partition(g, rng, RandomPartitionInstances.WeightMode.ANY);
            String label = "seed " + seed + " #" + i + " (" + g.size() + " layers, " + net.blockCount() + " blocks)";
            net.setProblem(p);
            net.blockSearch(CompiledPartitionNetwork.BlockSearch.BOUNDED);
            double cost = net.solve();
            net.copyPlan(pruned);
            double evaluated = p.evaluate(Placement.of(pruned)).objective();
            double exact = ENUMERATE.solve(p).objective();
            double jgrapht = MINCUT.solve(p).objective();
            assertTrue(Verifier.close(cost, evaluated, 1e-12), label + ": network " + cost + " vs evaluator "
                    + evaluated);
            assertTrue(Verifier.close(evaluated, exact, 1e-9), label + ": compiled " + evaluated + " vs enumerate "
                    + exact);
            assertTrue(Verifier.close(evaluated, jgrapht, 1e-9), label + ": compiled " + evaluated + " vs mincut "
                    + jgrapht);
            net.blockSearch(CompiledPartitionNetwork.BlockSearch.EVERY_BLOCK);
            double unpruned = net.solve();
            net.copyPlan(all);
            assertEquals(flowBlocks, net.blockFlows(), label + ": every block with inner layers is cut");
            assertTrue(Verifier.close(unpruned, cost, 1e-12), label + ": unpruned " + unpruned + " vs " + cost);
            assertTrue(Verifier.close(p.evaluate(Placement.of(all)).objective(), exact, 1e-9), label);
        }
    }

    /**
     * Random coefficients set directly (D_v below or above E_v, zero and tied costs, zero-size
     * tensors, free tails) against the cheapest order ideal under the network's own
     * {@code planCost}, and against the smallest optimal device side.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomCoefficientsAgreeWithEnumeration(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph g = seriesOfBlocks(rng);
        int n = g.size();
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        double[] device = new double[n];
        double[] edge = new double[n];
        double[] bits = new double[n];
        for (int i = 0; i < 4; i++) {
            for (int v = 0; v < n; v++) {
                device[v] = coefficient(rng);
                edge[v] = coefficient(rng);
                bits[v] = coefficient(rng) * 1e6;
            }
            if (i % 2 == 1) {
                // a free tail, as after an exit every sample takes: reach 0, every term 0
                for (int v = 1 + rng.nextInt(n); v < n; v++) {
                    device[v] = 0;
                    edge[v] = 0;
                    bits[v] = 0;
                }
            }
            net.setCosts(device, edge, bits, 1 + rng.nextDouble(), Math.exp(rng.nextDouble(Math.log(1e5), Math.log(1e9))));
            double exact = OrderIdeals.cheapest(g, 1L << 22, () -> false, net::planCost).cost();
            // the minimal minimum cut: the intersection of the device sides of all optimal plans
            boolean[] minimal = new boolean[n];
            OrderIdeals.forEach(g, 1L << 22, () -> false, plan -> {
                if (net.planCost(plan) <= exact) {
                    for (int v = 0; v < n; v++) {
                        minimal[v] |= plan[v];
                    }
                }
            });
            String label = "seed " + seed + " #" + i + " (" + n + " layers)";
            for (CompiledPartitionNetwork.BlockSearch search : CompiledPartitionNetwork.BlockSearch.values()) {
                net.blockSearch(search);
                double cost = net.solve();
                boolean[] plan = planOf(net, n);
                assertTrue(Verifier.close(cost, net.planCost(plan), 1e-12), label + ": returned " + cost
                        + " vs its plan's cost " + net.planCost(plan));
                assertTrue(Verifier.close(cost, exact, 1e-12), label + " " + search + ": " + cost
                        + " vs enumeration " + exact);
                assertArrayEquals(minimal, plan, label + " " + search + ": not the smallest optimal device side");
            }
        }
    }

    /** 0, a value from a small set (ties) or a log-uniform one. */
    private static double coefficient(SplittableRandom rng) {
        return switch (rng.nextInt(5)) {
            case 0 -> 0;
            case 1 -> 0.25 * (1 + rng.nextInt(4));
            default -> Math.exp(rng.nextDouble(Math.log(1e-3), Math.log(10)));
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aChainNeedsNoFlow(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DnnGraph g = RandomGraphs.chain(2 + rng.nextInt(60), rng);
        PartitionProblem p = RandomPartitionInstances.partition(g, rng, RandomPartitionInstances.WeightMode.ANY);
        CompiledPartitionNetwork net = CompiledPartitionNetwork.of(p);
        double cost = net.solve();
        assertEquals(0, net.blockFlows());
        assertEquals(0, net.augmentations());
        assertEquals(g.size() - 1, net.blockCount());
        double scan = CHAIN.solve(p).objective();
        assertTrue(Verifier.close(p.evaluate(net.plan()).objective(), scan, 1e-9), "compiled " + cost + " vs chain scan "
                + scan);
        assertTrue(Verifier.close(cost, p.evaluate(net.plan()).objective(), 1e-12));
    }

    private static PartitionProblem problem(DnnGraph g, double uplinkBitsPerSecond) {
        return new PartitionProblem(g, new Device(1e10, 3, 1.5, 0.5), new EdgeServer(1e12),
                new Link(uplinkBitsPerSecond, 10 * uplinkBitsPerSecond, 0.01), CostWeights.LATENCY, 0);
    }

    @Test
    void aSingleLayerModelRunsOnTheDevice() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1000)).build();
        CompiledPartitionNetwork net = CompiledPartitionNetwork.of(problem(g, 1e6));
        assertEquals(0, net.blockCount());
        assertEquals(0.0, net.solve());
        assertArrayEquals(new boolean[] {false}, planOf(net, 1));
    }

    @Test
    void aModelWithoutInnerCutVertexIsOneBlock() {
        // in → a, in → b, a → out, b → out: only in and out are cut vertices
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1e3)).addLayer(new Layer("a", 1e9, 1e6, 0))
                .addLayer(new Layer("b", 1e9, 1e3, 0)).addLayer(new Layer("out", 1e9, 1e3, 0))
                .addArc("in", "a").addArc("in", "b").addArc("a", "out").addArc("b", "out").build();
        CompiledPartitionNetwork net = CompiledPartitionNetwork.compile(g);
        assertEquals(1, net.blockCount());
        for (double up : new double[] {1e4, 1e6, 1e7, 1e8, 1e10}) {
            PartitionProblem p = problem(g, up);
            net.setProblem(p);
            double cost = net.solve();
            double exact = ENUMERATE.solve(p).objective();
            assertTrue(Verifier.close(cost, exact, 1e-12), "uplink " + up + ": " + cost + " vs " + exact);
            assertTrue(Verifier.close(p.evaluate(net.plan()).objective(), exact, 1e-12), "uplink " + up);
        }
    }

    private static boolean[] planOf(CompiledPartitionNetwork net, int n) {
        boolean[] plan = new boolean[n];
        net.copyPlan(plan);
        return plan;
    }
}
