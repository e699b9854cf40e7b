package org.cleave.benchmarks.partition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.CompiledMinCutPartitionSolver;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.algorithms.partition.MinCutPartitionSolver;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Result;
import org.cleave.instances.importers.MsrLayerGraphs;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooModel;
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
 * P1 exact solves: warm re-solves of a {@link CompiledPartitionNetwork} (new uplink, downlink and
 * device load every call, cycling through 16 parameter sets around the network's rates), the
 * cold {@code mincut-compiled} solver (compile + solve), the JGraphT {@code mincut} path (build
 * the JGraphT network + Edmonds–Karp) on the same 16 problems, and the full bandwidth map over
 * 0.1 Mbit/s – 10 Gbit/s.
 *
 * <p>Models: every zoo model as {@code zoo:NAME:layers} (layer DAG) and {@code zoo:NAME:blocks}
 * (block chain); {@code resnet50-sized} (RandomGraphs residual DAG, 178 layers), {@code
 * inceptionv3-sized} (inception DAG, 326 layers), {@code chain-500}; opt-in with {@code -p
 * model=msr-resnet50,msr-inceptionv3}: the measured MSR/PipeDream layer graphs read through
 * {@code MsrLayerGraphs} from {@code $CLEAVE_DATA/msr-*-layergraph.json} (default
 * {@code ../shared/data}; per sample, aux branch dropped, device time = cpuLatencyMs,
 * edge time = acceleratorLatencyMs). Networks: 3G (1.1 Mbit/s up, 5.85 down, 50 ms) and WiFi
 * (18.88 Mbit/s up, 50 down, 5 ms), the Neurosurgeon uplink figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompiledMinCutBenchmark {
    @Param({"zoo:resnet50:layers", "zoo:inception-v3:layers", "chain-500", "zoo:resnet50:blocks",
            "zoo:inception-v3:blocks", "zoo:alexnet:layers", "zoo:alexnet:blocks", "zoo:vgg16:layers",
            "zoo:vgg16:blocks", "zoo:resnet18:layers", "zoo:resnet18:blocks", "zoo:googlenet:layers",
            "zoo:googlenet:blocks", "zoo:mobilenetv2:layers", "zoo:mobilenetv2:blocks", "zoo:nin:layers",
            "zoo:nin:blocks", "zoo:tiny-yolov2:layers", "zoo:tiny-yolov2:blocks", "resnet50-sized",
            "inceptionv3-sized"})
    public String model;

    @Param({"3G", "WiFi"})
    public String network;

    private static final MinCutPartitionSolver JGRAPHT = new MinCutPartitionSolver();
    private static final CompiledMinCutPartitionSolver COMPILED = new CompiledMinCutPartitionSolver();

    private final Link[] links = new Link[16];
    private final double[] loads = new double[16];
    private final PartitionProblem[] problems = new PartitionProblem[16];
    private Device device;
    private EdgeServer edge;
    private CostWeights weights;
    private CompiledPartitionNetwork net;
    private int next;

    @Setup
    public void setUp() throws IOException {
        DnnGraph g = model.startsWith("zoo:") ? zoo(model) : switch (model) {
            case "resnet50-sized" -> RandomGraphs.residual(177, new SplittableRandom(50));
            case "inceptionv3-sized" -> RandomGraphs.inception(325, new SplittableRandom(51));
            case "chain-500" -> RandomGraphs.chain(500, new SplittableRandom(53));
            case "msr-resnet50" -> msr("msr-resnet50-layergraph.json");
            case "msr-inceptionv3" -> msr("msr-inceptionv3-layergraph.json");
            default -> throw new IllegalArgumentException("model: unknown " + model);
        };
        double up = network.equals("3G") ? 1.1e6 : 18.88e6;
        double down = network.equals("3G") ? 5.85e6 : 50e6;
        double latency = network.equals("3G") ? 0.05 : 0.005;
        device = new Device(2e10, 3, 1.5, 0.5);
        edge = new EdgeServer(1e12);
        weights = new CostWeights(1, 0.1);
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < links.length; i++) {
            double f = Math.pow(2, -1 + 2.0 * i / (links.length - 1));
            links[i] = new Link(up * f, down * f, latency);
            loads[i] = rng.nextDouble() * 0.5;
            problems[i] = new PartitionProblem(g, device, edge, links[i], weights, loads[i]);
        }
        net = CompiledPartitionNetwork.compile(g);
        net.setProblem(problems[0]);
        net.solve();
    }

    /** A measured MSR/PipeDream layer graph through the instances importer (aux branch dropped). */
    private static DnnGraph msr(String file) {
        Path dir = Path.of(System.getenv().getOrDefault("CLEAVE_DATA", "../shared/data"));
        Path path = dir.resolve(file);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is not present: the MSR layer graphs are opt-in, see"
                    + " benchmarks/README.md");
        }
        return MsrLayerGraphs.read(path, MsrLayerGraphs.AuxBranch.DROP).graph();
    }

    /** {@code zoo:NAME:layers|blocks}: a zoo model's layer DAG or block chain. */
    private static DnnGraph zoo(String spec) {
        String[] parts = spec.split(":");
        ZooModel m = Zoo.get(parts[1]);
        return parts.length > 2 && parts[2].equals("blocks") ? m.blockGraph() : m.layerGraph();
    }

    /** Warm re-solve of the compiled network with new link rates and device load; allocation-free. */
    @Benchmark
    public double warmResolve() {
        int i = next++ & 15;
        net.setParameters(device, edge, links[i], weights, loads[i]);
        return net.solve();
    }

    /** The cold mincut-compiled solver: compile, solve, build the Result and re-evaluate. */
    @Benchmark
    public Result<Placement> compiledSolver() {
        return COMPILED.solve(problems[next++ & 15]);
    }

    /** The JGraphT path: build the JGraphT network, Edmonds–Karp, re-evaluate. */
    @Benchmark
    public Result<Placement> jgraphtSolver() {
        return JGRAPHT.solve(problems[next++ & 15]);
    }

    /** The exact bandwidth map over 0.1 Mbit/s – 10 Gbit/s on the compiled network. */
    @Benchmark
    public BandwidthMap bandwidthMap() {
        return BandwidthMap.of(net, 1e5, 1e10);
    }
}
