package org.cleave.benchmarks.tiers;

import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.algorithms.tiers.CompiledTiersNetwork;
import org.cleave.algorithms.tiers.TiersCutNetwork;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.tiers.CloudServer;
import org.cleave.core.tiers.TiersProblem;
import org.cleave.instances.zoo.Zoo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1-3T warm re-solves next to P1's in the same run: {@link CompiledTiersNetwork} (the doubled network
 * split at cut vertices, {@code mincut-compiled}) and {@link TiersCutNetwork} (Ishikawa's doubled
 * network on the whole graph, {@code mincut}) with new link-1 and link-2 rates every call, and P1's
 * {@link CompiledPartitionNetwork} ({@code mincut-compiled}'s network) with the same new link-1 rates,
 * on the zoo's ResNet-50 and Inception-v3 layer DAGs. Both cycle through 16 rate sets (uplink and
 * downlink × 2^(−1 … 1) around the network profile; link 2 likewise around 1 Gbit/s, 20 ms). Device
 * 20 GFLOP/s, edge 1 TFLOP/s, cloud 10 TFLOP/s, w_T = 1, w_E = 0.1, as in
 * {@code CompiledMinCutBenchmark}. Goal: three tiers ≤ 3 × two tiers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TiersBenchmark {
    @Param({"resnet50", "inception-v3"})
    public String model;

    @Param({"3G", "WiFi"})
    public String network;

    private final Link[] links1 = new Link[16];
    private final Link[] links2 = new Link[16];
    private Device device;
    private EdgeServer edge;
    private CostWeights weights;
    private CompiledPartitionNetwork twoTier;
    private TiersCutNetwork threeTier;
    private CompiledTiersNetwork threeTierBlocks;
    private int next;

    @Setup
    public void setUp() {
        DnnGraph g = Zoo.get(model).layerGraph();
        double up = network.equals("3G") ? 1.1e6 : 18.88e6;
        double down = network.equals("3G") ? 5.85e6 : 50e6;
        double latency = network.equals("3G") ? 0.05 : 0.005;
        device = new Device(2e10, 3, 1.5, 0.5);
        edge = new EdgeServer(1e12);
        weights = new CostWeights(1, 0.1);
        for (int i = 0; i < links1.length; i++) {
            double f = Math.pow(2, -1 + 2.0 * i / (links1.length - 1));
            double h = Math.pow(2, 1 - 2.0 * ((i * 7) % 16) / (links1.length - 1));
            links1[i] = new Link(up * f, down * f, latency);
            links2[i] = new Link(1e9 * h, 1e9 * h, 0.02);
        }
        twoTier = CompiledPartitionNetwork.compile(g);
        twoTier.setParameters(device, edge, links1[0], weights, 0);
        twoTier.solve();
        threeTier = TiersCutNetwork.compile(new TiersProblem(g, device, edge, new CloudServer(1e13), links1[0],
                links2[0], weights, 0));
        threeTier.solve();
        threeTierBlocks = CompiledTiersNetwork.compile(new TiersProblem(g, device, edge, new CloudServer(1e13),
                links1[0], links2[0], weights, 0));
        threeTierBlocks.solve();
    }

    /** P1: warm re-solve of the compiled two-tier network with new link-1 rates. */
    @Benchmark
    public double twoTierWarm() {
        int i = next++ & 15;
        twoTier.setParameters(device, edge, links1[i], weights, 0);
        return twoTier.solve();
    }

    /** P1-3T: warm re-solve of the doubled network split at cut vertices ({@code mincut-compiled}). */
    @Benchmark
    public double threeTierBlocksWarm() {
        int i = next++ & 15;
        threeTierBlocks.setLinks(links1[i], links2[i]);
        return threeTierBlocks.solve();
    }

    /** P1-3T: warm re-solve of the whole doubled network ({@code mincut}'s) with new link-1 and link-2 rates. */
    @Benchmark
    public double threeTierWarm() {
        int i = next++ & 15;
        threeTier.setLinks(links1[i], links2[i]);
        return threeTier.solve();
    }
}
