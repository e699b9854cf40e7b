package org.cleave.core.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;
import org.cleave.core.partition.RandomPartitionInstances;

/**
 * Seeded random P5 instances. A single-user instance is {@link RandomPartitionInstances#partition} (same
 * graph, device, edge, link, weights and load distributions) read as P5 in the given mode, so the
 * same seed gives the same data as the P1 instance. A multi-user instance has 2–{@code maxUsers}
 * users with graphs from {@link RandomGraphs}, devices at 1e9–1e11 FLOP/s (log-uniform), a
 * shared edge 5–200× the fastest device, a shared uplink of 1–1000 Mbit/s (log-uniform), per-user
 * downlinks 1–10× the uplink's per-unit rate and latencies 0–50 ms, K_F and K_B uniform in
 * 1–{@code maxUnits}.
 */
public final class RandomUploadInstances {
    private RandomUploadInstances() {
    }

    /** A random single-user instance. */
    public static UploadProblem random(long seed, RandomGraphs.Shape shape, int layers, UploadMode mode,
                                       RandomPartitionInstances.WeightMode weights) {
        return UploadProblem.of(RandomPartitionInstances.partition(seed, shape, layers, weights), mode);
    }

    /** A random multi-user instance whose users have 1–{@code maxLayers} layers after the input. */
    public static MultiUserUploadProblem multiUser(long seed, int maxUsers, int maxLayers, int maxUnits,
                                                   UploadMode mode) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2 + rng.nextInt(Math.max(1, maxUsers - 1));
        RandomGraphs.Shape[] shapes = RandomGraphs.Shape.values();
        List<UploadUser> users = new ArrayList<>();
        double fastest = 0;
        double uplink = Math.exp(Math.log(1e6) + rng.nextDouble() * Math.log(1e3));
        int kF = 1 + rng.nextInt(maxUnits);
        int kB = 1 + rng.nextInt(maxUnits);
        for (int i = 0; i < n; i++) {
            DnnGraph g = RandomGraphs.generate(shapes[rng.nextInt(shapes.length)], 1 + rng.nextInt(maxLayers), rng);
            double rate = Math.exp(Math.log(1e9) + rng.nextDouble() * Math.log(100));
            fastest = Math.max(fastest, rate);
            Device d = new Device(rate, 1 + 4 * rng.nextDouble(), 0.5 + 2.5 * rng.nextDouble(),
                    0.1 + 0.9 * rng.nextDouble());
            users.add(new UploadUser("u" + i, g, d, uplink / kB * (1 + 9 * rng.nextDouble()), 0.05 * rng.nextDouble()));
        }
        EdgeServer edge = new EdgeServer(fastest * (5 + 195 * rng.nextDouble()));
        CostWeights w = rng.nextBoolean() ? CostWeights.LATENCY : new CostWeights(1, 0.01 + rng.nextDouble());
        return new MultiUserUploadProblem(users, edge, kF, uplink, kB, w, mode);
    }

}
