package org.cleave.workflows.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cleave.algorithms.exits.CompiledMinCutExitsSolver;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Status;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.groundtruth.partition.PartitionPlanMap;
import org.cleave.workflows.report.Progress;
import org.cleave.workflows.report.Table;

/**
 * Labelled data sets of optimal decisions over a state space: for every state (a point of a grid
 * over the {@link Axis axes}, or one of {@code randomStates} seeded draws), apply the state to the
 * base instance ({@link Scenario}), solve it, re-check the result with the family's
 * {@link Verifier} and, with {@link Spec#certifySolverId()}, solve it again with a second exact
 * solver; write one row of typed {@linkplain #columns columns}: the state ({@code state_*}), the
 * status, solver, objective and bound, {@code verified} and {@code certified}, the plan
 * ({@code plan_*}) and its cost breakdown ({@code cost_*}). Column names are unique; see
 * {@link LabelFormat} for how values are written.
 *
 * <p><b>Deterministic, any range on its own.</b> A row depends only on the spec and its state index
 * ({@link Labeller#row}): grid states are decoded from the index, random state {@code i} is drawn
 * from a generator seeded by (seed, i), not from a sequential stream. Rows are written in state
 * order whatever the thread count and hold no timings, so a run's output depends only on its
 * arguments. <b>Crash-safe and resumable.</b> A {@code FILE.meta} beside the output (JSON:
 * {@code schemaVersion} {@value #SCHEMA_VERSION} and a fingerprint of the arguments) identifies the
 * run; rows are appended whole, in order. Re-run with the same arguments, a run keeps the complete
 * rows already written, drops a trailing partial line and continues, so it ends with exactly the
 * bytes of an uninterrupted run. Other arguments, or an output of an older label schema, are refused.
 *
 * <p><b>Warm path.</b> With solver {@code mincut-compiled} on P1 (and no time limit), each
 * {@link Labeller} compiles the model's flow network once ({@link CompiledPartitionNetwork}) and
 * re-solves it per state with the new link rates and load: no graph is built per state. When every
 * axis is uplink, downlink or load, the labellers of a run also share a {@link PartitionPlanMap}
 * that proves the optimal plan of most states from solves at the corners of cells of the state box
 * (see there for the proof), so those states cost a point location, one evaluation and the
 * {@link Verifier} ({@link Engine#MAPPED}). The rows are the same bytes as the solver's (the plan is
 * the same inclusion-minimal minimum cut; the objective is the family evaluator's in all engines).
 * With {@code mincut-compiled} on P2 (no time limit) each labeller keeps one
 * {@linkplain CompiledMinCutExitsSolver#warm warm} exits solver, whose compiled network and exit-set
 * catalogue serve every state: the solver's own search, so the same rows. P2 has no plan map.
 */
public final class GroundTruth {
    /** Version of the label format (column names and encodings) written in the {@code .meta} file. */
    public static final int SCHEMA_VERSION = 2;

    /** Relative tolerance of {@code --certify}'s objective comparison. */
    public static final double CERTIFY_TOLERANCE = 1e-6;

    /** Plans whose column values a labeller keeps to share them between rows (then it starts over). */
    static final int PLAN_MEMO = 256;

    /** Distinct plans counted at most (the summary says "at least" beyond). */
    static final int DISTINCT_PLAN_CAP = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most states in one run (grid or random): 10,000,000, checked before any state is allocated. */
    public static final long MAX_STATES = 10_000_000;
    /** Most worker threads. */
    public static final int MAX_THREADS = 1024;

    private GroundTruth() {
    }

    /**
     * What to label.
     *
     * @param base            the base instance
     * @param solverId        the solver (normally an exact one)
     * @param axes            the state axes
     * @param randomStates    0 for the full grid, else the number of seeded random states
     * @param seed            seed of the random states (and the solvers' seed)
     * @param format          CSV or JSON Lines
     * @param timeLimit       per-state time limit, if any
     * @param certifySolverId a second, exact solver that solves every state again; the two
     *                        objectives must agree to {@value #CERTIFY_TOLERANCE} relative
     * @param perUser         per-user draws (P4): each user's value of a quantity drawn per state
     * @param trace           a bandwidth trace: each of its rows sets the uplink and downlink of a
     *                        state. With a grid the states are the trace rows times the grid of the
     *                        other axes (row outermost: state = row · gridSize + gridIndex); with
     *                        {@code randomStates} N, state i takes row i mod rows and draws the other
     *                        axes. The {@code uplink} and {@code downlink} axes cannot be combined with it.
     */
    public record Spec(Instance base, String solverId, List<Axis> axes, int randomStates, long seed, Table format,
                       Optional<Duration> timeLimit, Optional<String> certifySolverId, List<PerUser> perUser,
                       Optional<BandwidthTrace> trace) {
        public Spec {
            axes = List.copyOf(axes);
            perUser = perUser == null ? List.of() : List.copyOf(perUser);
            trace = trace == null ? Optional.empty() : trace;
            if (trace.isPresent()) {
                for (Axis a : axes) {
                    if (a.name().equals("uplink") || a.name().equals("downlink")) {
                        throw new IllegalArgumentException("axes: the " + a.name() + " axis cannot be combined"
                                + " with a bandwidth trace, whose rows set the uplink and downlink");
                    }
                }
            }
            if (axes.isEmpty() && trace.isEmpty() && (perUser.isEmpty() || randomStates == 0)) {
                throw new IllegalArgumentException("axes: give at least one axis, e.g. uplink=1Mbps:100Mbps:50"
                        + " (or per-user draws with a number of random states)");
            }
            if (randomStates < 0) {
                throw new IllegalArgumentException("randomStates: must be >= 0, got " + randomStates);
            }
            if (randomStates > MAX_STATES) {
                throw new IllegalArgumentException("randomStates: at most " + MAX_STATES + " states per run, got "
                        + randomStates);
            }
            if (randomStates == 0) {
                double grid = trace.map(BandwidthTrace::rows).orElse(1);
                for (Axis a : axes) {
                    grid *= a.points();
                }
                if (grid > MAX_STATES) {
                    throw new IllegalArgumentException("axes: the grid has " + String.format(java.util.Locale.ROOT,
                            "%.4g", grid) + " states, more than the " + MAX_STATES + " allowed per run");
                }
            }
            if (certifySolverId == null) {
                certifySolverId = Optional.empty();
            }
        }

        /** A spec without a bandwidth trace. */
        public Spec(Instance base, String solverId, List<Axis> axes, int randomStates, long seed, Table format,
                    Optional<Duration> timeLimit, Optional<String> certifySolverId, List<PerUser> perUser) {
            this(base, solverId, axes, randomStates, seed, format, timeLimit, certifySolverId, perUser,
                    Optional.empty());
        }

        /** A spec without certification. */
        public Spec(Instance base, String solverId, List<Axis> axes, int randomStates, long seed, Table format,
                    Optional<Duration> timeLimit) {
            this(base, solverId, axes, randomStates, seed, format, timeLimit, Optional.empty(), List.of());
        }

        /** A spec without per-user draws. */
        public Spec(Instance base, String solverId, List<Axis> axes, int randomStates, long seed, Table format,
                    Optional<Duration> timeLimit, Optional<String> certifySolverId) {
            this(base, solverId, axes, randomStates, seed, format, timeLimit, certifySolverId, List.of());
        }

        /** This spec with {@code certify} as the certifying solver. */
        public Spec withCertifySolver(String certify) {
            return new Spec(base, solverId, axes, randomStates, seed, format, timeLimit, Optional.of(certify),
                    perUser, trace);
        }

        /** This spec with per-user draws. */
        public Spec withPerUser(List<PerUser> draws) {
            return new Spec(base, solverId, axes, randomStates, seed, format, timeLimit, certifySolverId, draws,
                    trace);
        }

        /** This spec with a bandwidth trace. */
        public Spec withTrace(BandwidthTrace t) {
            return new Spec(base, solverId, axes, randomStates, seed, format, timeLimit, certifySolverId, perUser,
                    Optional.of(t));
        }

        /** Number of grid points of the axes (1 without axes). */
        long gridSize() {
            long n = 1;
            for (Axis a : axes) {
                n = Math.multiplyExact(n, a.points());
            }
            return n;
        }

        /** Number of states. */
        public long stateCount() {
            if (randomStates > 0) {
                return randomStates;
            }
            return Math.multiplyExact(gridSize(), (long) trace.map(BandwidthTrace::rows).orElse(1));
        }

        /** A fingerprint of everything that determines the output. */
        public String fingerprint() {
            StringBuilder b = new StringBuilder();
            b.append("cleave-groundtruth/").append(SCHEMA_VERSION).append('\n').append(InstanceJson.write(base))
                    .append('\n').append(solverId).append('\n').append(axes).append('\n').append(randomStates)
                    .append('\n').append(seed).append('\n').append(format).append('\n')
                    .append(timeLimit.map(Duration::toString).orElse("none")).append('\n')
                    .append(certifySolverId.orElse("none")).append('\n').append(perUser);
            trace.ifPresent(t -> b.append('\n').append(t)); // absent: the same text as before traces existed
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Whether the labels carry signal: how many states of this run got a plan, how many distinct
     * plans (equal {@code plan_*} columns) they hold and how often the most frequent one occurs.
     *
     * @param withPlan     states of this run that got a plan
     * @param distinct     distinct plans among them (at most {@code DISTINCT_PLAN_CAP}, see {@code capped})
     * @param mostFrequent occurrences of the most frequent plan
     * @param capped       whether counting stopped at the cap, so that {@code distinct} is a lower bound
     */
    public record PlanSignal(long withPlan, long distinct, long mostFrequent, boolean capped) {
        /** Share of the most frequent plan among the states with a plan, NaN without any. */
        public double mostFrequentShare() {
            return withPlan == 0 ? Double.NaN : (double) mostFrequent / withPlan;
        }
    }

    /**
     * How a run went.
     *
     * @param states      states in the spec
     * @param resumedFrom rows that were already complete in the output
     * @param wall        wall time of this run
     * @param plans       distinct optimal plans among the states labelled by this run
     */
    public record Summary(long states, long resumedFrom, Duration wall, PlanSignal plans) {
        /** States labelled by this run. */
        public long labelled() {
            return states - resumedFrom;
        }

        /** Labelled states per second in this run. */
        public double statesPerSecond() {
            return labelled() / Math.max(1e-9, wall.toNanos() / 1e9);
        }
    }

    /**
     * The columns of {@code spec}'s table, in order: {@code state_index} (INT), one {@code state_<axis>}
     * per axis ({@code -} in the axis name replaced by {@code _}; INT for counts, else DOUBLE),
     * {@code status}, {@code solver} (STRING), {@code objective}, {@code bound} (DOUBLE),
     * {@code verified}, {@code certified} (BOOLEAN; {@code certified} is null without a certifying
     * solver), then the family's {@code plan_*} and {@code cost_*} columns.
     *
     * @throws IllegalArgumentException for an axis the family does not have
     */
    public static List<Column> columns(Spec spec) {
        Problem<?> base = spec.base().problem();
        Scenario scenario = Scenarios.of(base.family());
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("state_index", ColumnType.INT));
        if (spec.trace().isPresent()) {
            if (!scenario.axes().containsKey("uplink") || !scenario.axes().containsKey("downlink")) {
                throw new IllegalArgumentException("trace: family " + base.family().key() + " has no uplink and"
                        + " downlink axes to take from a bandwidth trace");
            }
            columns.add(new Column("state_trace_row", ColumnType.INT));
            columns.add(new Column("state_time_s", ColumnType.DOUBLE));
            columns.add(new Column("state_uplink_bps", ColumnType.DOUBLE));
            columns.add(new Column("state_downlink_bps", ColumnType.DOUBLE));
        }
        for (Axis a : spec.axes()) {
            if (!scenario.axes().containsKey(a.name())) {
                throw new IllegalArgumentException("axis: \"" + a.name() + "\" is not an axis of family "
                        + base.family().key() + "; known: " + String.join(", ", scenario.axes().keySet()));
            }
            columns.add(new Column("state_" + a.name().replace('-', '_'), scenario.axisType(a.name())));
        }
        if (!spec.perUser().isEmpty() && scenario.userCount(base) == 0) {
            throw new IllegalArgumentException("per-user: family " + base.family().key() + " has no users; per-user"
                    + " draws are for multiuser instances");
        }
        for (PerUser u : spec.perUser()) {
            columns.add(new Column("state_user_" + u.quantity(), ColumnType.DOUBLE_ARRAY));
        }
        columns.add(new Column("status", ColumnType.STRING));
        columns.add(new Column("solver", ColumnType.STRING));
        columns.add(new Column("objective", ColumnType.DOUBLE));
        columns.add(new Column("bound", ColumnType.DOUBLE));
        columns.add(new Column("verified", ColumnType.BOOLEAN));
        columns.add(new Column("certified", ColumnType.BOOLEAN));
        columns.addAll(scenario.planColumns(base));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("axes: column " + c.name() + " would appear twice (an axis or"
                        + " per-user quantity given twice?)");
            }
        }
        return List.copyOf(columns);
    }

    /**
     * A labeller of {@code spec}'s states: thread-confined (use one per worker thread), cheap to
     * create but holding per-thread work space (the compiled network of the warm path).
     *
     * @throws IllegalArgumentException for an unknown solver or axis, or a certifying solver that is
     *                                  not exact
     */
    public static Labeller labeller(Spec spec) {
        return new Labeller(spec, Engine.MAPPED, null);
    }

    /** As {@link #labeller(Spec)}, on the given engine (the rows are the same; for tests and benchmarks). */
    public static Labeller labeller(Spec spec, Engine engine) {
        return new Labeller(spec, engine, null);
    }

    /**
     * How states are solved. The rows are the same bytes on every engine; they differ in speed.
     * Engines a spec cannot use fall back to the next one ({@code MAPPED} → {@code WARM} →
     * {@code SOLVER}).
     */
    public enum Engine {
        /** The spec's solver, called for every state (compile and solve): the baseline. */
        SOLVER,
        /**
         * P1 with {@code mincut-compiled} and no time limit: one {@link CompiledPartitionNetwork} per
         * worker thread, re-solved for every state. P2 with {@code mincut-compiled} and no time limit:
         * one {@linkplain CompiledMinCutExitsSolver#warm warm exits solver} per worker thread (compiled
         * network, exit sets, stop profiles and reach weights kept), called for every state.
         */
        WARM,
        /**
         * As {@code WARM}, and the plan of a state is read from a {@link PartitionPlanMap} shared by the
         * workers (exact optimal plans over cells of the state box, solved at the cells' corners); states
         * the map cannot prove (near ties, cells not split yet) are re-solved as in {@code WARM}. The
         * default. P2 has no plan map: {@code WARM}.
         */
        MAPPED
    }

    /**
     * Labels single states of a spec. Not thread-safe: one per worker thread. {@link #row} depends only
     * on the spec and the state index, so any index range can be labelled on its own (e.g. one
     * partition of a Spark job) and the rows equal those of {@link GroundTruth#run}.
     */
    public static final class Labeller {
        private static final List<String> TRACE_AXES = List.of("uplink", "downlink");
        private final Spec spec;
        private final Scenario scenario;
        private final Problem<?> base;
        private final List<String> axisNames;
        private final ColumnType[] axisTypes;
        private final List<Column> columns;
        private final int planColumns;
        @SuppressWarnings("rawtypes")
        private final Solver solver;
        @SuppressWarnings("rawtypes")
        private final Solver certifier;
        private final SolveLimits limits;
        private final CompiledPartitionNetwork warm;
        /** P2's warm solver (its own compiled network and exit-set catalogue), or null. */
        @SuppressWarnings("rawtypes")
        private final Solver warmExits;
        private final PartitionPlanMap map;
        private final long count;
        /** Plan → its {@code plan_*} values, shared by the rows of equal plans (at most PLAN_MEMO plans). */
        private final HashMap<Object, Object[]> planValues = new HashMap<>();
        private final int planValueCount;

        private Labeller(Spec spec, Engine engine, PartitionPlanMap sharedMap) {
            this.spec = spec;
            this.base = spec.base().problem();
            this.scenario = Scenarios.of(base.family());
            this.columns = GroundTruth.columns(spec);
            this.axisNames = spec.axes().stream().map(Axis::name).toList();
            this.axisTypes = new ColumnType[axisNames.size()];
            for (int k = 0; k < axisTypes.length; k++) {
                axisTypes[k] = scenario.axisType(axisNames.get(k));
            }
            this.planColumns = scenario.planColumns(base).size();
            this.planValueCount = (int) scenario.planColumns(base).stream()
                    .filter(c -> c.name().startsWith("plan_")).count();
            this.solver = Solvers.require(base.family(), spec.solverId());
            if (spec.certifySolverId().isPresent()) {
                String id = spec.certifySolverId().get();
                Solver<?, ?> c = Solvers.find(base.family(), id).orElseThrow(() -> new IllegalArgumentException(
                        "certify: no solver \"" + id + "\" for family " + base.family().key() + "; exact ones: "
                                + exactIds(base.family())));
                if (c.kind() != SolverKind.EXACT) {
                    throw new IllegalArgumentException("certify: " + id + " is a " + c.kind().key()
                            + " solver; certifying needs an exact one: " + exactIds(base.family()));
                }
                this.certifier = c;
            } else {
                this.certifier = null;
            }
            SolveLimits l = SolveLimits.none().withSeed(spec.seed());
            if (spec.timeLimit().isPresent()) {
                l = l.withTimeLimit(spec.timeLimit().get());
            }
            this.limits = l;
            this.count = spec.stateCount();
            boolean useWarm = engine != Engine.SOLVER && base.family() == Family.PARTITION
                    && spec.solverId().equals("mincut-compiled") && spec.timeLimit().isEmpty();
            this.warm = useWarm ? CompiledPartitionNetwork.compile(((PartitionProblem) base).graph()) : null;
            boolean useWarmExits = engine != Engine.SOLVER && base.family() == Family.EXITS
                    && spec.solverId().equals("mincut-compiled") && spec.timeLimit().isEmpty();
            this.warmExits = useWarmExits ? CompiledMinCutExitsSolver.warm(CompiledPartitionNetwork.compile(
                    ((ExitsProblem) base).graph())) : null;
            this.map = !useWarm || engine != Engine.MAPPED ? null
                    : sharedMap != null ? sharedMap : planMap(spec, (PartitionProblem) base, axisNames, warm);
        }

        /**
         * The plan map of a P1 spec without a trace whose axes are all uplink, downlink or load, else null (also when a
         * corner of the box is not a valid problem: then every state is solved, and a bad state is
         * reported as before).
         */
        private static PartitionPlanMap planMap(Spec spec, PartitionProblem base, List<String> names,
                                                CompiledPartitionNetwork network) {
            if (spec.trace().isPresent()) {
                return null; // the trace sets each state's uplink and downlink outside the map's box
            }
            double[] from = new double[names.size()];
            double[] to = new double[names.size()];
            for (int k = 0; k < names.size(); k++) {
                if (!List.of("uplink", "downlink", "load").contains(names.get(k))) {
                    return null;
                }
                from[k] = spec.axes().get(k).from();
                to[k] = spec.axes().get(k).to();
            }
            try {
                PartitionPlanMap m = new PartitionPlanMap(base, names, from, to, network);
                return m.dimensions() == 0 ? null : m;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static String exactIds(Family family) {
            return String.join(", ", Solvers.of(family).stream().filter(s -> s.kind() == SolverKind.EXACT)
                    .map(Solver::id).toList());
        }

        /** The columns of the rows, as {@link GroundTruth#columns}. */
        public List<Column> columns() {
            return columns;
        }

        /** Number of states of the spec. */
        public long stateCount() {
            return count;
        }

        /** Whether this labeller re-solves a compiled network (the warm P1 or P2 path). */
        public boolean warm() {
            return warm != null || warmExits != null;
        }

        /** The plan map this labeller reads plans from, if any (the {@link Engine#MAPPED} path). */
        public Optional<PartitionPlanMap> planMap() {
            return Optional.ofNullable(map);
        }

        /** The axis values of state {@code stateIndex} (axis order). */
        public double[] state(long stateIndex) {
            if (stateIndex < 0 || stateIndex >= count) {
                throw new IllegalArgumentException("stateIndex: must be within 0.." + (count - 1) + ", got "
                        + stateIndex);
            }
            List<Axis> axes = spec.axes();
            int d = axes.size();
            double[] s = new double[d];
            if (spec.randomStates() > 0) {
                SplittableRandom rng = stateRandom(stateIndex);
                for (int k = 0; k < d; k++) {
                    s[k] = axes.get(k).draw(rng.nextDouble());
                }
            } else {
                long rest = stateIndex % spec.gridSize(); // the trace row is the outermost digit
                for (int k = d - 1; k >= 0; k--) {
                    Axis a = axes.get(k);
                    s[k] = a.gridValue((int) (rest % a.points()));
                    rest /= a.points();
                }
            }
            return s;
        }

        /**
         * The bandwidth-trace row of state {@code stateIndex}: {@code stateIndex mod rows} for random
         * states, {@code stateIndex / gridSize} for a grid; -1 without a trace.
         */
        public int traceRow(long stateIndex) {
            if (spec.trace().isEmpty()) {
                return -1;
            }
            int rows = spec.trace().get().rows();
            return (int) (spec.randomStates() > 0 ? stateIndex % rows : stateIndex / spec.gridSize());
        }

        private SplittableRandom stateRandom(long stateIndex) {
            return new SplittableRandom(mix64(spec.seed() ^ mix64(stateIndex + 0x9E3779B97F4A7C15L)));
        }

        /**
         * The per-user draws of state {@code stateIndex}, one array per {@link Spec#perUser()} entry,
         * one value per user of the base instance; drawn after the random axis values from the same
         * (seed, index) generator.
         */
        public double[][] perUserState(long stateIndex) {
            List<PerUser> draws = spec.perUser();
            double[][] out = new double[draws.size()][];
            if (draws.isEmpty()) {
                return out;
            }
            SplittableRandom rng = stateRandom(stateIndex);
            if (spec.randomStates() > 0) {
                for (int k = 0; k < spec.axes().size(); k++) {
                    rng.nextDouble(); // the axis draws
                }
            }
            int users = scenario.userCount(base);
            for (int q = 0; q < out.length; q++) {
                out[q] = new double[users];
                PerUser.Distribution dist = draws.get(q).distribution();
                for (int u = 0; u < users; u++) {
                    out[q][u] = dist.draw(rng, stateIndex, u, spec.seed());
                }
            }
            return out;
        }

        /**
         * The row of state {@code stateIndex}: typed values in {@link #columns()} order (see
         * {@link ColumnType}). Array values must not be modified: a row whose plan equals an earlier
         * row's (of the last {@value GroundTruth#PLAN_MEMO} plans) shares its {@code plan_*} objects.
         *
         * @throws CertificationException when the certifying solver disagrees
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public List<Object> row(long stateIndex) {
            double[] state = state(stateIndex);
            double[][] perUser = perUserState(stateIndex);
            Problem<?> start = base;
            for (int q = 0; q < perUser.length; q++) {
                start = scenario.applyPerUser(start, spec.perUser().get(q).quantity(), perUser[q]);
            }
            int traceRow = traceRow(stateIndex);
            BandwidthTrace trace = spec.trace().orElse(null);
            if (trace != null) {
                start = scenario.apply(start, TRACE_AXES, new double[] {trace.uplinkBitsPerSecond(traceRow),
                    trace.downlinkBitsPerSecond(traceRow)});
            }
            Problem problem = scenario.apply(start, axisNames, state);
            Result<?> r;
            Evaluation evaluation = null;
            if (warm != null) {
                PartitionProblem p = (PartitionProblem) problem;
                Placement plan = map == null ? null : map.plan(state, warm);
                if (plan != null) {
                    evaluation = p.evaluate(plan);
                    if (map.nearTie(state, plan, evaluation.objective())) {
                        plan = null; // rounding decides between near-equal plans: ask the solver
                    }
                }
                if (plan == null) {
                    warm.setProblem(p);
                    warm.solve();
                    plan = warm.plan();
                    evaluation = p.evaluate(plan);
                }
                r = new Result<>(spec.solverId(), Map.of(), Status.OPTIMAL, Optional.of(plan),
                        evaluation.objective(), evaluation.objective(), Duration.ZERO, Map.of(), "");
            } else if (warmExits != null) {
                r = warmExits.solve(problem, limits); // the solver's search and arithmetic, nothing compiled
            } else {
                r = solver.solve(problem, limits);
            }
            if (evaluation == null && r.plan().isPresent()) {
                try {
                    evaluation = problem.evaluate(r.plan().get());
                } catch (IllegalArgumentException e) {
                    evaluation = null; // the verifier names the defect below
                }
            }
            boolean verified = evaluation == null && r.plan().isPresent() ? Verifier.verify(problem, (Result) r).ok()
                    : Verifier.verify(problem, (Result) r, evaluation).ok();
            Boolean certified = null;
            if (certifier != null) {
                certified = certify(stateIndex, r, certifier.solve(problem, limits));
            }
            List<Object> values = new ArrayList<>(columns.size());
            values.add(Math.toIntExact(stateIndex));
            if (trace != null) {
                values.add(traceRow);
                values.add(trace.timeSeconds(traceRow));
                values.add(trace.uplinkBitsPerSecond(traceRow));
                values.add(trace.downlinkBitsPerSecond(traceRow));
            }
            for (int k = 0; k < state.length; k++) {
                values.add(axisTypes[k] == ColumnType.INT ? (Object) (int) Math.round(state[k]) : (Object) state[k]);
            }
            if (perUser.length > 0) {
                int users = scenario.userCount(problem);
                for (double[] draw : perUser) {
                    values.add(java.util.Arrays.copyOf(draw, users)); // the users of this state
                }
            }
            values.add(r.status().name());
            values.add(r.solverId());
            values.add(r.objective());
            values.add(r.bound());
            values.add(verified);
            values.add(certified);
            if (r.plan().isPresent() && evaluation != null) {
                Object plan = r.plan().get();
                int at = values.size();
                Object[] shared = planValues.get(plan);
                if (shared != null) { // the same objects as an earlier row's: formatters may memoise them
                    values.addAll(java.util.Arrays.asList(shared));
                    scenario.encodeCosts(problem, plan, evaluation, values);
                } else {
                    scenario.encodePlan(problem, plan, evaluation, values);
                    if (planValues.size() >= PLAN_MEMO) {
                        planValues.clear();
                    }
                    shared = new Object[planValueCount];
                    for (int k = 0; k < shared.length; k++) {
                        shared[k] = values.get(at + k);
                    }
                    planValues.put(plan, shared);
                }
            } else {
                for (int k = 0; k < planColumns; k++) {
                    values.add(null);
                }
            }
            return values;
        }
    }

    /**
     * Whether {@code second} certifies {@code first}: true when both are OPTIMAL with objectives
     * equal to {@value #CERTIFY_TOLERANCE} relative, or both prove the state infeasible; false when
     * a limit kept either from proving optimality and they do not contradict each other.
     *
     * @throws CertificationException when they contradict each other: both optimal with different
     *                                objectives, or one infeasible and the other with a plan
     */
    static boolean certify(long stateIndex, Result<?> first, Result<?> second) {
        Status a = first.status();
        Status b = second.status();
        boolean contradiction;
        boolean certified;
        if (a == Status.OPTIMAL && b == Status.OPTIMAL) {
            certified = Verifier.close(first.objective(), second.objective(), CERTIFY_TOLERANCE);
            contradiction = !certified;
        } else if (a == Status.INFEASIBLE || b == Status.INFEASIBLE) {
            certified = a == b;
            contradiction = a.hasPlan() || b.hasPlan();
        } else {
            certified = false;
            contradiction = a == Status.INVALID_INPUT || b == Status.INVALID_INPUT;
        }
        if (contradiction) {
            throw new CertificationException(stateIndex, "state " + stateIndex + ": not certified: "
                    + first.solverId() + " says " + a + " objective " + first.objective() + ", "
                    + second.solverId() + " says " + b + " objective " + second.objective()
                    + (a == Status.OPTIMAL && b == Status.OPTIMAL ? " (they differ by more than "
                    + CERTIFY_TOLERANCE + " relative)" : "")
                    + (first.message().isEmpty() ? "" : "; " + first.solverId() + ": " + oneLine(first.message()))
                    + (second.message().isEmpty() ? "" : "; " + second.solverId() + ": " + oneLine(second.message())));
        }
        return certified;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Stafford's mix13 finaliser (as in {@link SplittableRandom}): a bijective 64-bit hash. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Rows of consecutive states as UTF-8 text, with the plan key of each (null without a plan). */
    private record Chunk(byte[] text, String[] planKeys) {
    }

    /** Runs (or resumes) {@code spec}, writing to {@code out}. */
    public static Summary run(Spec spec, Path out, int threads, Progress progress) throws IOException {
        return run(spec, out, threads, progress, true);
    }

    /**
     * As {@link #run(Spec, Path, int, Progress)}; {@code warm = false} turns the warm P1 path off and
     * calls the solver for every state (the baseline of benchmarks and tests: the bytes are the same).
     */
    public static Summary run(Spec spec, Path out, int threads, Progress progress, boolean warm) throws IOException {
        return run(spec, out, threads, progress, warm ? Engine.MAPPED : Engine.SOLVER);
    }

    /**
     * As {@link #run(Spec, Path, int, Progress)} on the given {@link Engine} (benchmarks and tests: the
     * bytes are the same on every engine). The workers share one plan map.
     */
    public static Summary run(Spec spec, Path out, int threads, Progress progress, Engine engine)
            throws IOException {
        long start = System.nanoTime();
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads: must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        Labeller first = labeller(spec, engine); // rejects unknown solvers and axes before anything is written
        List<Column> columns = first.columns();
        long states = first.stateCount();
        if (states > 0) {
            first.scenario.apply(first.base, first.axisNames, first.state(0)); // rejects bad axis values early
        }
        LabelFormat format = new LabelFormat(spec.format(), columns);
        int planFrom = 0;
        while (!columns.get(planFrom).name().startsWith("plan_")) {
            planFrom++;
        }
        int planTo = planFrom;
        while (planTo < columns.size() && columns.get(planTo).name().startsWith("plan_")) {
            planTo++;
        }
        final int keyFrom = planFrom;
        final int keyTo = planTo;
        long done = prepare(spec, out, format.header());
        ThreadLocal<Labeller> labellers = ThreadLocal.withInitial(() -> new Labeller(spec, engine, first.map));
        ThreadLocal<LabelFormat.ArrayCache> caches = ThreadLocal.withInitial(
                () -> new LabelFormat.ArrayCache(columns.size()));
        ThreadLocal<StringBuilder> builders = ThreadLocal.withInitial(() -> new StringBuilder(1 << 16));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cleave-groundtruth");
            t.setDaemon(true);
            return t;
        });
        int chunk = (int) Math.max(1, Math.min(256, (states - done) / (threads * 16L)));
        Map<String, long[]> tally = new HashMap<>();
        long withPlan = 0;
        long mostFrequent = 0;
        boolean capped = false;
        try (OutputStream w = Files.newOutputStream(out, StandardOpenOption.APPEND)) {
            ArrayDeque<Future<Chunk>> window = new ArrayDeque<>();
            long next = done;
            long written = done;
            int windowSize = threads * 4;
            while (written < states) {
                while (next < states && window.size() < windowSize) {
                    final long from = next;
                    final long to = Math.min(states, next + chunk);
                    next = to;
                    window.add(pool.submit(() -> label(labellers.get(), caches.get(), builders.get(), format, from,
                            to, keyFrom, keyTo)));
                }
                Chunk c = window.poll().get();
                w.write(c.text());
                w.flush();
                for (String key : c.planKeys()) {
                    if (key == null) {
                        continue;
                    }
                    withPlan++;
                    long[] n = tally.get(key);
                    if (n == null) {
                        if (tally.size() >= DISTINCT_PLAN_CAP) {
                            capped = true;
                            continue;
                        }
                        n = new long[1];
                        tally.put(key, n);
                    }
                    mostFrequent = Math.max(mostFrequent, ++n[0]);
                }
                written += c.planKeys().length;
                progress.update(written, states, done);
            }
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
        progress.finish(states, states, done);
        return new Summary(states, done, Duration.ofNanos(System.nanoTime() - start),
                new PlanSignal(withPlan, tally.size(), mostFrequent, capped));
    }

    private static Chunk label(Labeller labeller, LabelFormat.ArrayCache cache, StringBuilder b, LabelFormat format,
                               long from, long to, int keyFrom, int keyTo) {
        b.setLength(0); // the worker's builder, reused: it grows to a chunk's size once
        String[] keys = new String[(int) (to - from)];
        int[] span = new int[2];
        for (long i = from; i < to; i++) {
            List<Object> row = labeller.row(i);
            format.appendRow(b, row, keyFrom, keyTo, span, cache);
            Object first = row.get(keyFrom);
            if (first == null) {
                keys[(int) (i - from)] = null;
                continue;
            }
            // the labeller shares the plan objects of equal plans: one key text per plan object
            String key = cache.key(first);
            if (key == null) {
                key = b.substring(span[0], span[1]);
                cache.putKey(first, key);
            }
            keys[(int) (i - from)] = key;
        }
        return new Chunk(b.toString().getBytes(StandardCharsets.UTF_8), keys);
    }

    /**
     * Creates the output (fresh run) or checks and trims it (resumed run); returns the number of
     * complete rows already there.
     */
    private static long prepare(Spec spec, Path out, String header) throws IOException {
        Path meta = out.resolveSibling(out.getFileName() + ".meta");
        String fingerprint = spec.fingerprint();
        if (Files.exists(out)) {
            checkMeta(out, meta, fingerprint);
            long keep = completeLength(out);
            try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            if (keep < header.length()) {
                Files.writeString(out, header, StandardCharsets.UTF_8);
                return 0;
            }
            return newlines(out) - (header.isEmpty() ? 0 : 1);
        }
        if (Files.exists(meta) && !isCleaveMeta(Files.readString(meta, StandardCharsets.UTF_8).strip())) {
            throw new IllegalArgumentException("out: " + meta + " exists and is not a Cleave fingerprint; Cleave does"
                    + " not overwrite it (move it away or choose another output)");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = meta.resolveSibling(meta.getFileName() + ".tmp");
        Files.writeString(tmp, "{\"schemaVersion\":" + SCHEMA_VERSION + ",\"fingerprint\":\"" + fingerprint + "\"}\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(out, header, StandardCharsets.UTF_8);
        return 0;
    }

    /** Whether {@code text} is a {@code .meta} Cleave wrote: schema 2 JSON or schema 1's bare fingerprint. */
    private static boolean isCleaveMeta(String text) {
        return text.matches("[0-9a-f]{64}")
                || text.matches("\\{\"schemaVersion\":[0-9]+,\"fingerprint\":\"[0-9a-f]{64}\"\\}");
    }

    private static void checkMeta(Path out, Path meta, String fingerprint) throws IOException {
        if (!Files.exists(meta)) {
            throw new IllegalArgumentException("out: " + out + " exists without its .meta (not written by"
                    + " cleave groundtruth, or its .meta was removed); delete it or choose another output");
        }
        String text = Files.readString(meta, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            throw new IllegalArgumentException("out: " + out + " was written by an older Cleave (label schema 1,"
                    + " its .meta holds a bare fingerprint); this one writes schema " + SCHEMA_VERSION
                    + ": delete it and its .meta, or choose another output");
        }
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("out: " + meta + " is not valid JSON; delete " + out
                    + " and its .meta, or choose another output");
        }
        int version = m.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("out: " + out + " has label schema " + version + " (its .meta), this"
                    + " Cleave writes schema " + SCHEMA_VERSION + "; delete it and its .meta, or choose another output");
        }
        if (!fingerprint.equals(m.path("fingerprint").asText())) {
            throw new IllegalArgumentException("out: " + out + " exists and was written with other arguments;"
                    + " delete it or choose another output");
        }
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
