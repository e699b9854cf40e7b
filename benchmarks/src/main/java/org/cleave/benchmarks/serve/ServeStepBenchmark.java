package org.cleave.benchmarks.serve;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cleave.workflows.serve.Server;
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
 * One reinforcement-learning step of {@code cleave serve}: an {@code evaluate} request with a
 * {@code state} and {@code "withOptimum": true}, handled by {@link Server#handle(byte[], int, int)}
 * from the request line's bytes to the response line's bytes (parse, apply the state, price the
 * action with the family evaluator, compute the new state's optimum with the default exact
 * solver's search, verify it, write both plans, or with {@code plan = slim} ({@code "plan": false})
 * only the action's cost breakdown and the compact actions). Every call changes the state (64 seeded states
 * cycled), so the optimum is recomputed on every step; no process or pipe is involved.
 *
 * <ul>
 *   <li>{@code p1-resnet50}: the zoo ResNet-50 layer DAG (P1, 4g/rpi4/gpu as {@code zoo export});
 *       uplink log-uniform in 0.1–1000 Mbit/s, device load in [0, 0.9), action a random cut;
 *       the optimum on the session's warm compiled network.</li>
 *   <li>{@code p4-20users}: P4 as {@code cleave generate multiuser --users 20 --units 16 --models
 *       resnet18,mobilenetv2 --network 4g --seed 1}; per-user uplinks scaled by factors in
 *       [0.5, 1.5], action random options and 0–2 units each; the optimum by {@code dp}.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ServeStepBenchmark {
    @Param({"p1-resnet50", "p4-20users"})
    public String scenario;

    /** {@code full}: the response carries both full plans; {@code slim}: {@code "plan": false} (cost breakdown and compact actions only). */
    @Param({"full", "slim"})
    public String plan;

    private static final int STATES = 64;
    private Server server;
    private final byte[][] lines = new byte[STATES][];
    private int next;

    @Setup
    public void setUp() {
        server = new Server(Server.MAX_REQUEST_BYTES, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        Random rnd = new Random(18);
        if (scenario.equals("p1-resnet50")) {
            require(server.handle("{\"op\":\"load\",\"zoo\":{\"model\":\"resnet50\"}}"));
            int cuts = server.session("h1").cutVertices().size();
            for (int k = 0; k < STATES; k++) {
                lines[k] = String.format(Locale.ROOT, "{\"id\":%d,\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":"
                        + "{\"cut\":%d},\"state\":{\"uplinkBitsPerSecond\":%.6e,\"deviceLoad\":%.6f},"
                        + "\"withOptimum\":true%s}", k, rnd.nextInt(cuts), Math.pow(10, 5 + 4 * rnd.nextDouble()),
                        0.9 * rnd.nextDouble(), planField()).getBytes(StandardCharsets.UTF_8);
            }
        } else {
            require(server.handle("{\"op\":\"load\",\"multiuser\":{\"users\":20,\"units\":16,\"models\":[\"resnet18\","
                    + "\"mobilenetv2\"],\"network\":\"4g\",\"seed\":1}}"));
            var s = server.session("h1");
            @SuppressWarnings("unchecked")
            java.util.List<Double> base = (java.util.List<Double>) s.state().get("userUplinkBitsPerSecond");
            var d = s.describe();
            for (int k = 0; k < STATES; k++) {
                StringBuilder up = new StringBuilder();
                StringBuilder options = new StringBuilder();
                StringBuilder kf = new StringBuilder();
                StringBuilder kb = new StringBuilder();
                for (int i = 0; i < base.size(); i++) {
                    String sep = i == 0 ? "" : ",";
                    up.append(sep).append(String.format(Locale.ROOT, "%.6e", base.get(i) * (0.5 + rnd.nextDouble())));
                    options.append(sep).append(rnd.nextInt(d.users().get(i).options().size()));
                    kf.append(sep).append(rnd.nextInt(3));
                    kb.append(sep).append(rnd.nextInt(3));
                }
                lines[k] = ("{\"id\":" + k + ",\"op\":\"evaluate\",\"handle\":\"h1\",\"action\":{\"options\":[" + options
                        + "],\"computeUnits\":[" + kf + "],\"bandwidthUnits\":[" + kb + "]},\"state\":{"
                        + "\"userUplinkBitsPerSecond\":[" + up + "]},\"withOptimum\":true" + planField() + "}")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        for (byte[] line : lines) {
            require(new String(server.handle(line, 0, line.length), StandardCharsets.UTF_8));
        }
    }

    private String planField() {
        return plan.equals("slim") ? ",\"plan\":false" : "";
    }

    private static void require(String response) {
        if (!response.contains("\"ok\":true")) {
            throw new IllegalStateException("setup request failed: " + response);
        }
    }

    @Benchmark
    public byte[] step() {
        byte[] line = lines[next];
        next = (next + 1) % STATES;
        return server.handle(line, 0, line.length);
    }
}
