package org.cleave.core.multiuser;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Link;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.RandomGraphs;

/**
 * Seeded random P4 instances for tests and benchmarks; the same arguments give the same instance.
 *
 * <p>Edge server 1e12 FLOP/s. Per user: device 5e9–5e10 FLOP/s (log-uniform), compute 1–5 W,
 * transmit 0.5–3 W, idle 0.1–1 W; full-uplink rate 5–100 Mbit/s (log-uniform), downlink 1–10× that,
 * latency 0–20 ms. Options are drawn directly ({@link Source#DRAWN}: a device-only option with
 * probability 3/4, an edge-only option with probability 1/2, the rest cuts at a random device
 * fraction x with upload bits log-uniform in [1e4, 4e6], offload probability 0.3–1 and accuracy
 * 0.6–0.95; model work log-uniform in [1e9, 2e10] FLOPs) or stated from a random chain with
 * random early exits by {@link PlanOptions} ({@link Source#CHAIN}). Weights: latency-only,
 * energy-only or mixed with equal odds. With {@link Constraints#SOME}, a user gets a deadline
 * (0.3–1.5× its best device-only latency, or 0.05–0.5 s without one) with probability 1/3 and an
 * accuracy floor (0.6–0.9) with probability 1/4.
 */
public final class RandomMultiUserInstances {
    /** Where options come from. */
    public enum Source {
        /** Option data drawn directly. */
        DRAWN,
        /** Options of a random chain with early exits ({@link PlanOptions}). */
        CHAIN
    }

    /** Whether users get deadlines and accuracy floors. */
    public enum Constraints {
        NONE, SOME
    }

    /** Edge server rate of every generated instance, FLOP/s. */
    public static final double EDGE_FLOPS_PER_SECOND = 1e12;

    private RandomMultiUserInstances() {
    }

    /**
     * A random instance.
     *
     * @param options number of options per user for {@link Source#DRAWN}; for {@link Source#CHAIN}
     *                the chain has {@code options - 1} layers and no exits, or fewer layers and one
     *                exit, so that each user has about {@code options} options
     */
    public static MultiUserProblem random(long seed, int users, int computeUnits, int bandwidthUnits, int options,
                                          Source source, Constraints constraints) {
        if (users < 1 || options < 1) {
            throw new IllegalArgumentException("users and options must be >= 1, got " + users + " and " + options);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        EdgeServer edge = new EdgeServer(EDGE_FLOPS_PER_SECOND);
        CostWeights weights = switch (rng.nextInt(3)) {
            case 0 -> CostWeights.LATENCY;
            case 1 -> CostWeights.ENERGY;
            default -> new CostWeights(1, uniform(rng, 0.01, 1));
        };
        List<User> list = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Device device = new Device(logUniform(rng, 5e9, 5e10), uniform(rng, 1, 5), uniform(rng, 0.5, 3),
                    uniform(rng, 0.1, 1));
            double up = logUniform(rng, 5e6, 1e8);
            Link link = new Link(up, up * uniform(rng, 1, 10), uniform(rng, 0, 0.02));
            List<PlanOption> opts = source == Source.DRAWN ? drawn(rng, device, options) : chain(rng, device, edge, options);
            OptionalDouble deadline = OptionalDouble.empty();
            OptionalDouble floor = OptionalDouble.empty();
            if (constraints == Constraints.SOME) {
                if (rng.nextInt(3) == 0) {
                    double local = opts.stream().filter(PlanOption::deviceOnly).mapToDouble(PlanOption::deviceSeconds)
                            .min().orElse(Double.NaN);
                    deadline = OptionalDouble.of(Double.isNaN(local) ? uniform(rng, 0.05, 0.5)
                            : local * uniform(rng, 0.3, 1.5));
                }
                if (rng.nextInt(4) == 0) {
                    floor = OptionalDouble.of(uniform(rng, 0.6, 0.9));
                }
            }
            list.add(new User("u" + i, device, link, deadline, floor, opts));
        }
        return new MultiUserProblem(edge, computeUnits, bandwidthUnits, weights, list);
    }

    private static List<PlanOption> drawn(SplittableRandom rng, Device device, int count) {
        double work = logUniform(rng, 1e9, 2e10);
        double inputBits = logUniform(rng, 1e5, 4e6);
        double resultBits = logUniform(rng, 1e3, 1e5);
        double fullAccuracy = uniform(rng, 0.8, 0.95);
        List<PlanOption> out = new ArrayList<>();
        for (int k = 0; out.size() < count; k++) {
            if (k == 0 && rng.nextInt(4) != 0) {
                double s = work / device.flopsPerSecond();
                out.add(new PlanOption("device only", s, s * device.computeWatts(), 0, 0, 0, 0, fullAccuracy,
                        List.of()));
            } else if (k == 1 && rng.nextBoolean()) {
                out.add(new PlanOption("edge only", 0, 0, inputBits, work, resultBits, 1, fullAccuracy, List.of()));
            } else if (k > 1) {
                double x = rng.nextDouble();
                double q = uniform(rng, 0.3, 1);
                double s = x * work / device.flopsPerSecond();
                out.add(new PlanOption("cut " + k, s, s * device.computeWatts(), q * logUniform(rng, 1e4, 4e6),
                        q * (1 - x) * work, q * resultBits, q, q == 1 ? fullAccuracy : uniform(rng, 0.6, 0.95),
                        List.of()));
            }
        }
        return out;
    }

    private static List<PlanOption> chain(SplittableRandom rng, Device device, EdgeServer edge, int count) {
        boolean withExit = count >= 4 && rng.nextBoolean();
        int layers = Math.max(1, withExit ? count / 2 - 1 : count - 1);
        DnnGraph g = RandomGraphs.chain(layers, rng);
        if (withExit) {
            int at = 1 + rng.nextInt(layers);
            String after = g.layer(at == layers ? layers - 1 : at).id();
            if (!after.equals(g.input().id())) {
                double acc = uniform(rng, 0.6, 0.9);
                g = g.withExits(List.of(new Exit("e1", after, logUniform(rng, 1e5, 1e8), uniform(rng, 0.1, 0.7), acc),
                        new Exit("final", g.output().id(), logUniform(rng, 1e5, 1e7), 1, Math.min(1, acc + 0.05))));
            }
        }
        return PlanOptions.of(g, device, edge);
    }

    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + rng.nextDouble() * (hi - lo);
    }
}
