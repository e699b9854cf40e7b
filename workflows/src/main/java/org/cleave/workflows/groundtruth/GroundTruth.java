package org.cleave.workflows.groundtruth;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;

/**
 * Labelled data sets of optimal decisions over a state space: for every state (a point of a grid
 * over the {@link Axis axes}, or one of {@code randomStates} seeded draws), apply the state to the
 * base instance ({@link Scenario}), solve it, and write one row: the state, the status, objective
 * and bound, the solver, and the plan encoded as flat columns.
 *
 * <p><b>Deterministic.</b> The states are fixed by the spec and the seed; rows are written in state
 * order whatever the thread count, and hold no timings, so a run's output depends only on its
 * arguments. <b>Crash-safe and resumable.</b> A {@code FILE.meta} beside the output records a
 * fingerprint of the arguments; rows are appended whole, in order. Re-run with the same arguments,
 * a run keeps the complete rows already written, drops a trailing partial line and continues, so
 * it ends with exactly the rows of an uninterrupted run. Other arguments on an existing output are
 * refused.
 */
public final class GroundTruth {
    /** Most states in one run (grid or random): 10,000,000, checked before any state is allocated. */
    public static final long MAX_STATES = 10_000_000;
    /** Most worker threads. */
    public static final int MAX_THREADS = 1024;

    private GroundTruth() {
    }

    /**
     * What to label.
     *
     * @param base         the base instance
     * @param solverId     the solver (normally an exact one)
     * @param axes         the state axes
     * @param randomStates 0 for the full grid, else the number of seeded random states
     * @param seed         seed of the random states
     * @param format       CSV or JSON Lines
     * @param timeLimit    per-state time limit, if any
     */
    public record Spec(Instance base, String solverId, List<Axis> axes, int randomStates, long seed, Table format,
                       Optional<Duration> timeLimit) {
        public Spec {
            axes = List.copyOf(axes);
            if (axes.isEmpty()) {
                throw new IllegalArgumentException("axes: give at least one axis, e.g. uplink=1Mbps:100Mbps:50");
            }
            if (randomStates < 0) {
                throw new IllegalArgumentException("randomStates: must be >= 0, got " + randomStates);
            }
            if (randomStates > MAX_STATES) {
                throw new IllegalArgumentException("randomStates: at most " + MAX_STATES + " states per run, got "
                        + randomStates);
            }
            if (randomStates == 0) {
                double grid = 1;
                for (Axis a : axes) {
                    grid *= a.points();
                }
                if (grid > MAX_STATES) {
                    throw new IllegalArgumentException("axes: the grid has " + String.format(java.util.Locale.ROOT,
                            "%.4g", grid) + " states, more than the " + MAX_STATES + " allowed per run");
                }
            }
        }

        /** Number of states. */
        public long stateCount() {
            if (randomStates > 0) {
                return randomStates;
            }
            long n = 1;
            for (Axis a : axes) {
                n = Math.multiplyExact(n, a.points());
            }
            return n;
        }

        /** A fingerprint of everything that determines the output. */
        public String fingerprint() {
            StringBuilder b = new StringBuilder();
            b.append("cleave-groundtruth/1\n").append(InstanceJson.write(base)).append('\n').append(solverId)
                    .append('\n').append(axes).append('\n').append(randomStates).append('\n').append(seed).append('\n')
                    .append(format).append('\n').append(timeLimit.map(Duration::toString).orElse("none"));
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * How a run went.
     *
     * @param states      states in the spec
     * @param resumedFrom rows that were already complete in the output
     * @param wall        wall time of this run
     */
    public record Summary(long states, long resumedFrom, Duration wall) {
        /** States labelled by this run. */
        public long labelled() {
            return states - resumedFrom;
        }

        /** Labelled states per second in this run. */
        public double statesPerSecond() {
            return labelled() / Math.max(1e-9, wall.toNanos() / 1e9);
        }
    }

    /** The state values of every state, in order. */
    static List<double[]> states(Spec spec) {
        int n = Math.toIntExact(spec.stateCount());
        List<double[]> states = new ArrayList<>(n);
        int d = spec.axes().size();
        if (spec.randomStates() > 0) {
            SplittableRandom rng = new SplittableRandom(spec.seed());
            for (int i = 0; i < n; i++) {
                double[] s = new double[d];
                for (int k = 0; k < d; k++) {
                    s[k] = spec.axes().get(k).draw(rng.nextDouble());
                }
                states.add(s);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double[] s = new double[d];
                int rest = i;
                for (int k = d - 1; k >= 0; k--) {
                    Axis a = spec.axes().get(k);
                    s[k] = a.gridValue(rest % a.points());
                    rest /= a.points();
                }
                states.add(s);
            }
        }
        return states;
    }

    /** Runs (or resumes) {@code spec}, writing to {@code out}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Summary run(Spec spec, Path out, int threads, Progress progress) throws IOException {
        long start = System.nanoTime();
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads: must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        Problem<?> base = spec.base().problem();
        Scenario scenario = Scenarios.of(base.family());
        List<String> axisNames = spec.axes().stream().map(Axis::name).toList();
        List<double[]> states = states(spec);
        if (!states.isEmpty()) {
            scenario.apply(base, axisNames, states.get(0)); // rejects unknown axes before anything is written
        }
        Solver solver = Solvers.require(base.family(), spec.solverId());
        List<String> columns = new ArrayList<>();
        columns.add("state_index");
        columns.addAll(axisNames);
        columns.addAll(List.of("status", "objective", "bound", "solver"));
        columns.addAll(scenario.planColumns(base));
        long done = prepare(spec, out, columns);
        SolveLimits limits = SolveLimits.none().withSeed(spec.seed());
        if (spec.timeLimit().isPresent()) {
            limits = limits.withTimeLimit(spec.timeLimit().get());
        }
        final SolveLimits solveLimits = limits;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cleave-groundtruth");
            t.setDaemon(true);
            return t;
        });
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            ArrayDeque<Future<String>> window = new ArrayDeque<>();
            int next = (int) done;
            long written = done;
            int windowSize = threads * 8;
            while (written < states.size()) {
                while (next < states.size() && window.size() < windowSize) {
                    final int index = next++;
                    window.add(pool.submit(() -> label(spec, scenario, solver, solveLimits, columns, axisNames, index,
                            states.get(index))));
                }
                String row = window.poll().get();
                w.write(row);
                written++;
                if (window.isEmpty() || written % 64 == 0) {
                    w.flush();
                }
                progress.update(written, states.size(), done);
            }
            w.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
        progress.finish(states.size(), states.size(), done);
        return new Summary(states.size(), done, Duration.ofNanos(System.nanoTime() - start));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String label(Spec spec, Scenario scenario, Solver solver, SolveLimits limits, List<String> columns,
                                List<String> axisNames, int index, double[] state) {
        Problem problem = scenario.apply(spec.base().problem(), axisNames, state);
        Result<?> r = solver.solve(problem, limits);
        List<Object> values = new ArrayList<>();
        values.add(index);
        for (double v : state) {
            values.add(v);
        }
        values.add(r.status().name());
        values.add(r.objective());
        values.add(r.bound());
        values.add(r.solverId());
        if (r.plan().isPresent()) {
            values.addAll(scenario.encodePlan(problem, r.plan().get()));
        } else {
            for (int k = values.size(); k < columns.size(); k++) {
                values.add(null);
            }
        }
        return spec.format().row(columns, values);
    }

    /**
     * Creates the output (fresh run) or checks and trims it (resumed run); returns the number of
     * complete rows already there.
     */
    private static long prepare(Spec spec, Path out, List<String> columns) throws IOException {
        Path meta = out.resolveSibling(out.getFileName() + ".meta");
        String fingerprint = spec.fingerprint();
        if (Files.exists(out)) {
            if (!Files.exists(meta) || !Files.readString(meta, StandardCharsets.UTF_8).strip().equals(fingerprint)) {
                throw new IllegalArgumentException("out: " + out + " exists and was written with other arguments (or"
                        + " without its .meta); delete it or choose another output");
            }
            long keep = completeLength(out);
            try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            String header = spec.format().header(columns);
            if (keep < header.length()) {
                Files.writeString(out, header, StandardCharsets.UTF_8);
                return 0;
            }
            return newlines(out) - (header.isEmpty() ? 0 : 1);
        }
        if (Files.exists(meta) && !Files.readString(meta, StandardCharsets.UTF_8).strip().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("out: " + meta + " exists and is not a Cleave fingerprint; Cleave does"
                    + " not overwrite it (move it away or choose another output)");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = meta.resolveSibling(meta.getFileName() + ".tmp");
        Files.writeString(tmp, fingerprint + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(out, spec.format().header(columns), StandardCharsets.UTF_8);
        return 0;
    }

    /** Length of the file up to and including its last newline, read in blocks. */
    private static long completeLength(Path file) throws IOException {
        long complete = 0;
        long offset = 0;
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; offset += n) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        complete = offset + i + 1;
                    }
                }
            }
        }
        return complete;
    }

    private static long newlines(Path file) throws IOException {
        long lines = 0;
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
