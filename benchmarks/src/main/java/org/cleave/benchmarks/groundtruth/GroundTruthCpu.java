package org.cleave.benchmarks.groundtruth;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cleave.core.solve.Family;
import org.cleave.instances.io.Instance;
import org.cleave.instances.zoo.Zoo;
import org.cleave.instances.zoo.ZooInstances;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;

/**
 * The workload of {@link GroundTruthBenchmark} timed by process CPU time as well as wall time, for
 * machines shared with other work (where wall-clock throughput says more about the neighbours than
 * about the code): runs {@code STATES} random ResNet-50 P1 states on {@code THREADS} threads, JSON
 * Lines, {@code REPS} times per engine (alternating, a new seed each run), and prints per run the wall
 * states/s and the CPU microseconds per state of the whole process (workers, writer, GC and JIT
 * included). On an otherwise idle machine with c cores the wall rate approaches c / (CPU seconds per
 * state). Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.cleave.benchmarks.groundtruth.GroundTruthCpu 100000 2 8 MAPPED WARM SOLVER}. With a first
 * argument {@code p2:MODEL} the workload is {@link GroundTruthExitsBenchmark}'s instead (P2, zoo
 * {@code MODEL}, e.g. {@code p2:resnet18-exits 20000 2 4 WARM SOLVER}).
 */
public final class GroundTruthCpu {
    private GroundTruthCpu() {
    }

    /** Arguments: [p2:MODEL] STATES THREADS REPS ENGINE... */
    public static void main(String[] args) throws IOException {
        String exitsModel = null;
        if (args.length > 0 && args[0].startsWith("p2:")) {
            exitsModel = args[0].substring(3);
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length < 4) {
            System.err.println("usage: GroundTruthCpu [p2:MODEL] STATES THREADS REPS ENGINE... (MAPPED, WARM, SOLVER)");
            System.exit(2);
        }
        int states = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        Instance resnet50 = ZooInstances.of(Family.PARTITION, Zoo.get("resnet50"), ZooInstances.View.LAYERS, "4g",
                "rpi4", "gpu");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("groundtruth-cpu");
        Path out = dir.resolve("labels.jsonl");
        Path meta = dir.resolve("labels.jsonl.meta");
        long seed = 1000;
        try {
            for (int rep = 0; rep < reps; rep++) {
                for (int e = 3; e < args.length; e++) {
                    GroundTruth.Engine engine = GroundTruth.Engine.valueOf(args[e]);
                    GroundTruth.Spec spec = exitsModel != null
                            ? GroundTruthExitsBenchmark.spec(exitsModel, states, ++seed)
                            : new GroundTruth.Spec(resnet50, "mincut-compiled", List.of(
                                    Axis.parse("uplink=0.1Mbps:1000Mbps"), Axis.parse("downlink=1Mbps:1000Mbps"),
                                    Axis.parse("load=0:0.9")), states, ++seed, Table.JSONL, Optional.empty());
                    Files.deleteIfExists(out);
                    Files.deleteIfExists(meta);
                    long cpu = os.getProcessCpuTime();
                    long wall = System.nanoTime();
                    GroundTruth.Summary s = GroundTruth.run(spec, out, threads, Progress.none(), engine);
                    cpu = os.getProcessCpuTime() - cpu;
                    wall = System.nanoTime() - wall;
                    System.out.printf(Locale.ROOT, "%-6s run %d: %,.0f states/s wall, %.2f us CPU per state,"
                            + " %d distinct plans%n", engine, rep, states / (wall / 1e9), cpu / 1e3 / states,
                            s.plans().distinct());
                }
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(meta);
            Files.deleteIfExists(dir);
        }
    }
}
