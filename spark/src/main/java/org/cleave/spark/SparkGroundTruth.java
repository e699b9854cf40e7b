package org.cleave.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.groundtruth.Axis;
import org.cleave.workflows.groundtruth.BandwidthTrace;
import org.cleave.workflows.groundtruth.Column;
import org.cleave.workflows.groundtruth.GroundTruth;
import org.cleave.workflows.groundtruth.PerUser;
import org.cleave.workflows.report.Table;

/**
 * {@link GroundTruth} on Spark: the states {@code 0 .. n-1} of a spec are split into index ranges
 * of {@code statesPerPartition}; each range is one Spark task that builds a
 * {@link GroundTruth.Labeller} and labels its states (every label verified, and certified when the
 * spec asks, on the executor). A row depends only on (spec, state index), so it does not matter
 * which executor, or which attempt, made it.
 *
 * <p><b>Layout</b> of the output directory {@code OUT} (local path or any Hadoop file system URI):
 * <pre>
 *   OUT/_meta                                    JSON: schemaVersion, fingerprint, states, statesPerPartition, formats
 *   OUT/parquet/part-FROM-TO.parquet             states FROM (inclusive) .. TO (exclusive), in state order
 *   OUT/jsonl/part-FROM-TO.jsonl                 the same rows as JSON Lines (format jsonl only)
 * </pre>
 * with {@code FROM} and {@code TO} zero-padded to 12 digits, so that name order is state order.
 * Columns and types are {@link GroundTruth#columns} ({@link LabelSchema}).
 *
 * <p><b>Atomic and resumable.</b> A range is written by Spark's writer into a temporary directory
 * ({@code OUT/_tmp-…}) and, once its job has succeeded, renamed to its final name: a range file
 * exists complete or not at all. Re-run with the same arguments, the job labels only the ranges
 * whose files are missing; other arguments (another fingerprint, states per partition or format)
 * on an existing output are refused, as {@code cleave groundtruth} refuses them.
 *
 * <p>Ranges run as concurrent Spark jobs (one task each) submitted from a driver thread pool
 * twice the default parallelism wide, so all executor cores stay busy; the driver does no labelling.
 */
public final class SparkGroundTruth {
    /** Version of this output layout, written in {@code _meta}. */
    public static final int LAYOUT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkGroundTruth() {
    }

    /**
     * How to write.
     *
     * @param statesPerPartition states per range (one Spark task and one file each), {@code >= 1}
     * @param jsonl              also write JSON Lines beside the Parquet files
     */
    public record Options(int statesPerPartition, boolean jsonl) {
        /** Default states per partition. */
        public static final int DEFAULT_STATES_PER_PARTITION = 1000;

        public Options {
            if (statesPerPartition < 1) {
                throw new IllegalArgumentException("statesPerPartition: must be >= 1, got " + statesPerPartition);
            }
        }
    }

    /**
     * How a run went.
     *
     * @param states           states in the spec
     * @param partitions       ranges in the output
     * @param resumed          ranges that were already complete
     * @param labelled         states labelled by this run
     * @param wall             wall time of this run
     */
    public record Summary(long states, long partitions, long resumed, long labelled, Duration wall) {
        /** States labelled per second in this run. */
        public double statesPerSecond() {
            return labelled / Math.max(1e-9, wall.toNanos() / 1e9);
        }
    }

    /** One range of states. */
    record Range(int index, long from, long to) implements Serializable {
        String name(String extension) {
            return String.format("part-%012d-%012d.%s", from, to, extension);
        }
    }

    /** The ranges of {@code states} states in pieces of {@code perPartition}. */
    static List<Range> ranges(long states, int perPartition) {
        List<Range> ranges = new ArrayList<>();
        for (long from = 0, k = 0; from < states; from += perPartition, k++) {
            ranges.add(new Range(Math.toIntExact(k), from, Math.min(states, from + perPartition)));
        }
        return ranges;
    }

    /** Runs (or resumes) {@code spec} on {@code session}, writing to {@code out}. */
    public static Summary run(SparkSession session, GroundTruth.Spec spec, String out, Options options)
            throws IOException {
        long start = System.nanoTime();
        List<Column> columns = GroundTruth.columns(spec);
        GroundTruth.labeller(spec); // unknown solver, certifier or axis: refused before anything is written
        StructType schema = LabelSchema.schema(columns);
        WireSpec wire = WireSpec.of(spec);
        long n = spec.stateCount();
        List<Range> ranges = ranges(n, options.statesPerPartition());

        var hadoop = session.sparkContext().hadoopConfiguration();
        Path root = new Path(out);
        FileSystem fs = root.getFileSystem(hadoop);
        prepare(fs, root, spec, n, options);
        Path parquetDir = new Path(root, "parquet");
        Path jsonlDir = new Path(root, "jsonl");
        fs.mkdirs(parquetDir);
        if (options.jsonl()) {
            fs.mkdirs(jsonlDir);
        }
        for (FileStatus st : fs.listStatus(root)) {
            if (st.getPath().getName().startsWith("_tmp-")) {
                fs.delete(st.getPath(), true); // what a crashed run left half-written
            }
        }
        List<Range> missing = new ArrayList<>();
        for (Range r : ranges) {
            boolean done = fs.exists(new Path(parquetDir, r.name("parquet")))
                    && (!options.jsonl() || fs.exists(new Path(jsonlDir, r.name("jsonl"))));
            if (!done) {
                missing.add(r);
            }
        }
        int hook = Sessions.failFirstAttemptOf(session);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        // one copy per executor, not one per task: a trace may hold megabytes of rows
        Broadcast<WireSpec> shipped = jsc.broadcast(wire);
        int width = Math.max(2, 2 * jsc.defaultParallelism());
        ExecutorService pool = Executors.newFixedThreadPool(width, r -> {
            Thread t = new Thread(r, "cleave-spark-groundtruth");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Range range : missing) {
                futures.add(pool.submit(() -> {
                    writeRange(session, jsc, fs, root, parquetDir, jsonlDir, shipped, schema, range, options, hook);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
            shipped.destroy();
        }
        long labelled = missing.stream().mapToLong(r -> r.to() - r.from()).sum();
        return new Summary(n, ranges.size(), ranges.size() - missing.size(), labelled,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static void writeRange(SparkSession session, JavaSparkContext jsc, FileSystem fs, Path root,
                                   Path parquetDir, Path jsonlDir, Broadcast<WireSpec> wire, StructType schema,
                                   Range range, Options options, int hook) throws IOException {
        jsc.setJobDescription("cleave groundtruth states " + range.from() + ".." + (range.to() - 1));
        Path tmp = new Path(root, "_tmp-" + range.name("d") + "-" + UUID.randomUUID());
        try {
            JavaRDD<Row> rows = jsc.parallelize(List.of(range), 1).mapPartitions(it -> label(wire.value(), it.next(), hook));
            Dataset<Row> frame = session.createDataFrame(rows, schema);
            Path tmpParquet = new Path(tmp, "parquet");
            frame.write().mode(SaveMode.ErrorIfExists).parquet(tmpParquet.toString());
            Path parquetFile = single(fs, tmpParquet, ".parquet");
            if (options.jsonl()) {
                Path tmpJsonl = new Path(tmp, "jsonl");
                session.read().schema(schema).parquet(parquetFile.toString()).write().mode(SaveMode.ErrorIfExists)
                        .option("ignoreNullFields", "false").json(tmpJsonl.toString());
                commit(fs, single(fs, tmpJsonl, ".json"), new Path(jsonlDir, range.name("jsonl")));
            }
            commit(fs, parquetFile, new Path(parquetDir, range.name("parquet")));
        } finally {
            fs.delete(tmp, true);
        }
    }

    /** The one data file Spark wrote into {@code dir} (a one-task job writes one). */
    private static Path single(FileSystem fs, Path dir, String extension) throws IOException {
        List<Path> found = new ArrayList<>();
        for (FileStatus st : fs.listStatus(dir)) {
            String name = st.getPath().getName();
            if (name.startsWith("part-") && name.endsWith(extension)) {
                found.add(st.getPath());
            }
        }
        if (found.size() != 1) {
            throw new IOException(dir + ": expected one " + extension + " file from a one-task job, found " + found);
        }
        return found.get(0);
    }

    /** Renames a complete file to its final name (one rename: the range appears whole or not at all). */
    private static void commit(FileSystem fs, Path from, Path to) throws IOException {
        if (fs.exists(to)) {
            fs.delete(to, false); // an earlier run committed the Parquet file but crashed before the JSON one
        }
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    /** Executor side: the rows of one range, labelled lazily by one labeller. */
    private static Iterator<Row> label(WireSpec wire, Range range, int hook) {
        Sessions.maybeFail(hook, range.index());
        GroundTruth.Spec spec = wire.spec();
        GroundTruth.Labeller labeller = GroundTruth.labeller(spec);
        List<Column> columns = labeller.columns();
        return new Iterator<>() {
            long next = range.from();

            @Override
            public boolean hasNext() {
                return next < range.to();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return LabelSchema.row(columns, labeller.row(next++));
            }
        };
    }

    /** Creates {@code _meta} (fresh output) or checks it (resumed run). */
    private static void prepare(FileSystem fs, Path root, GroundTruth.Spec spec, long states, Options options)
            throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("schemaVersion", GroundTruth.SCHEMA_VERSION);
        meta.put("layoutVersion", LAYOUT_VERSION);
        meta.put("fingerprint", spec.fingerprint());
        meta.put("states", states);
        meta.put("statesPerPartition", options.statesPerPartition());
        meta.put("formats", options.jsonl() ? "parquet,jsonl" : "parquet");
        Path metaFile = new Path(root, "_meta");
        if (fs.exists(root)) {
            if (!fs.exists(metaFile)) {
                if (fs.listStatus(root).length > 0) {
                    throw new IllegalArgumentException("out: " + root + " exists, is not empty and has no _meta;"
                            + " delete it or choose another output");
                }
            } else {
                JsonNode old;
                try (var in = fs.open(metaFile)) {
                    old = JSON.readTree(in);
                }
                for (String key : List.of("schemaVersion", "layoutVersion", "fingerprint", "statesPerPartition",
                        "formats")) {
                    if (!old.path(key).asText().equals(meta.path(key).asText())) {
                        throw new IllegalArgumentException("out: " + root + " was written with other arguments ("
                                + key + " " + old.path(key).asText() + ", now " + meta.path(key).asText()
                                + "); delete it or choose another output");
                    }
                }
                return;
            }
        }
        fs.mkdirs(root);
        Path tmp = new Path(root, "_meta.tmp");
        try (OutputStream o = fs.create(tmp, true)) {
            o.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta).getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, metaFile)) {
            throw new IOException("could not rename " + tmp + " to " + metaFile);
        }
    }

    /**
     * A {@link GroundTruth.Spec} on the wire: the instance as its JSON text, the axes, the per-user
     * draws (P4) and the bandwidth trace as their fields, trace data as the parsed rows with the
     * file's SHA-256 (executors never read the user's files). {@link #spec()} rebuilds an equal spec
     * on an executor and checks that its fingerprint is the driver's, so a spec field this record
     * does not carry fails the task loudly instead of labelling other states.
     *
     * <p>Java-serialized (within one build of the job: driver and executors run the same jar);
     * {@link #VERSION} is checked on the executor all the same, so that a format change cannot be
     * read as another.
     *
     * @param trace the bandwidth trace, or null
     */
    record WireSpec(int version, String instanceJson, String solverId, List<WireAxis> axes, int randomStates,
                    long seed, String format, long timeLimitNanos, String certifySolverId, List<WirePerUser> perUser,
                    WireTrace trace, String fingerprint)
            implements Serializable {
        /** Version of this wire form: 2 added the bandwidth trace and per-user trace columns. */
        static final int VERSION = 2;

        WireSpec {
            axes = List.copyOf(axes);
            perUser = List.copyOf(perUser);
        }

        static WireSpec of(GroundTruth.Spec s) {
            return new WireSpec(VERSION, InstanceJson.write(s.base()), s.solverId(),
                    s.axes().stream().map(a -> new WireAxis(a.name(), a.from(), a.to(), a.points(), a.log())).toList(),
                    s.randomStates(), s.seed(), s.format().name(), s.timeLimit().map(Duration::toNanos).orElse(-1L),
                    s.certifySolverId().orElse(null), s.perUser().stream().map(WirePerUser::of).toList(),
                    s.trace().map(WireTrace::of).orElse(null), s.fingerprint());
        }

        GroundTruth.Spec spec() {
            if (version != VERSION) {
                throw new IllegalStateException("spec: wire form version " + version + ", this executor reads "
                        + VERSION + " (driver and executors run different builds of the job)");
            }
            GroundTruth.Spec spec = new GroundTruth.Spec(InstanceJson.read(instanceJson, "the job's instance"), solverId,
                    axes.stream().map(a -> new Axis(a.name(), a.from(), a.to(), a.points(), a.log())).toList(),
                    randomStates, seed, Table.valueOf(format),
                    timeLimitNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(timeLimitNanos)),
                    Optional.ofNullable(certifySolverId), perUser.stream().map(WirePerUser::perUser).toList(),
                    Optional.ofNullable(trace).map(WireTrace::trace));
            if (!spec.fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("spec: rebuilt on the executor with fingerprint " + spec.fingerprint()
                        + ", the driver's is " + fingerprint + " (a spec field is not carried to the executors)");
            }
            return spec;
        }
    }

    /**
     * A {@link BandwidthTrace} on the wire: its rows (time, s; uplink and downlink, bit/s) as exact
     * doubles and the SHA-256 of the file's text, which the run fingerprint records. 24 bytes per row.
     */
    record WireTrace(double[] timeSeconds, double[] uplinkBitsPerSecond, double[] downlinkBitsPerSecond,
                     String sha256) implements Serializable {
        static WireTrace of(BandwidthTrace t) {
            int n = t.rows();
            double[] time = new double[n];
            double[] up = new double[n];
            double[] down = new double[n];
            for (int r = 0; r < n; r++) {
                time[r] = t.timeSeconds(r);
                up[r] = t.uplinkBitsPerSecond(r);
                down[r] = t.downlinkBitsPerSecond(r);
            }
            return new WireTrace(time, up, down, t.sha256());
        }

        BandwidthTrace trace() {
            return BandwidthTrace.of(timeSeconds, uplinkBitsPerSecond, downlinkBitsPerSecond, sha256); // copies
        }
    }

    /**
     * A {@link PerUser} draw on the wire: the quantity, the distribution's kind and its two
     * parameters ({@code from, to} of a uniform; {@code mu, sigma} of a log-normal), as exact doubles;
     * for a trace column ({@code kind} {@code trace}) the column itself, parameters unused.
     *
     * @param column the trace column, or null for a random distribution
     */
    record WirePerUser(String quantity, String kind, double first, double second, WireTraceColumn column)
            implements Serializable {
        static WirePerUser of(PerUser u) {
            if (u.distribution() instanceof PerUser.Uniform d) {
                return new WirePerUser(u.quantity(), "uniform", d.from(), d.to(), null);
            }
            if (u.distribution() instanceof PerUser.LogNormal d) {
                return new WirePerUser(u.quantity(), "lognormal", d.mu(), d.sigma(), null);
            }
            PerUser.TraceColumn d = (PerUser.TraceColumn) u.distribution(); // the sealed interface's last case
            return new WirePerUser(u.quantity(), "trace", 0, 0,
                    new WireTraceColumn(d.source(), d.column(), d.values().clone(), d.sha256()));
        }

        PerUser perUser() {
            return new PerUser(quantity, switch (kind) {
                case "uniform" -> new PerUser.Uniform(first, second);
                case "lognormal" -> new PerUser.LogNormal(first, second);
                case "trace" -> new PerUser.TraceColumn(column.source(), column.column(), column.values().clone(),
                        column.sha256());
                default -> throw new IllegalStateException("per-user: unknown distribution on the wire: " + kind);
            });
        }
    }

    /**
     * A {@link PerUser.TraceColumn} on the wire: the file as named in messages, the column name, its
     * values (exact doubles, file order) and the SHA-256 of the file's text.
     */
    record WireTraceColumn(String source, String column, double[] values, String sha256) implements Serializable {
    }

    /** An {@link Axis} on the wire. */
    record WireAxis(String name, double from, double to, int points, boolean log) implements Serializable {
    }
}
