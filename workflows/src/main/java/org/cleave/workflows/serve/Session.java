package org.cleave.workflows.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.cleave.algorithms.exits.CompiledMinCutExitsSolver;
import org.cleave.algorithms.exits.ExitsBandwidthMap;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.CompiledMinCutPartitionSolver;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.algorithms.partition.UplinkMap;
import org.cleave.core.exits.ExitsProblem;
import org.cleave.core.model.Checks;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.core.model.Placement;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.PlanOption;
import org.cleave.core.multiuser.User;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.Result;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Solver;
import org.cleave.core.solve.Solvers;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;

/**
 * One loaded instance (P1 {@code partition}, P2 {@code exits} or P4 {@code multiuser}) whose state
 * changes between calls: the in-process equivalent of one {@code cleave serve} handle
 * ({@code docs/protocol.md} lists each request's Java call).
 *
 * <p>{@link #set} changes the state (absolute values; a field the family has not is refused,
 * naming it; a refused update changes nothing), {@link #evaluate} prices a plan with the family's
 * one evaluator ({@link Problem#evaluate}), {@link #solve} runs any registered solver of the family
 * and re-checks its result with {@link Verifier}, {@link #optimum} is the default exact solver's
 * result, cached until the next effective {@link #set}. For P1 and P2 the session compiles the
 * model's flow network once ({@link CompiledPartitionNetwork}); the optimum and the
 * {@code mincut-compiled} solves re-solve on it (re-weighted per exit set for P2), so no graph is
 * built per state: O(layers + arcs) plus the min cuts of the blocks a solve cuts.
 *
 * <p><b>Thread-safety:</b> a session is confined to one thread (it holds a mutable network and
 * cache); use one session per thread.
 */
public final class Session {
    /** The families a session serves. */
    public static final Set<Family> FAMILIES = Set.of(Family.PARTITION, Family.EXITS, Family.MULTIUSER);

    private static final Map<Family, List<String>> STATE_FIELDS = Map.of(
            Family.PARTITION, List.of("uplinkBitsPerSecond", "downlinkBitsPerSecond", "linkLatencySeconds",
                    "deviceLoad", "weights"),
            Family.EXITS, List.of("uplinkBitsPerSecond", "downlinkBitsPerSecond", "linkLatencySeconds",
                    "deviceLoad", "weights", "latencyBoundSeconds", "accuracyFloor"),
            Family.MULTIUSER, List.of("weights", "userUplinkBitsPerSecond", "userDownlinkBitsPerSecond"));

    private final Instance instance;
    private final Family family;
    private final CompiledPartitionNetwork network;
    private final Solver<?, ?> warmSolver;
    private final int[] cutIndex;
    private Problem<?> problem;
    private Solution optimum;

    private Session(Instance instance) {
        this.instance = Checks.present("instance", instance);
        this.problem = instance.problem();
        this.family = problem.family();
        if (!FAMILIES.contains(family)) {
            throw new ServeException(ServeException.Code.UNSUPPORTED, "family: \"" + family.key()
                    + "\" is not served; served: partition, exits, multiuser");
        }
        DnnGraph g = graphOrNull(problem);
        if (g != null) {
            network = CompiledPartitionNetwork.compile(g);
            warmSolver = family == Family.PARTITION ? CompiledMinCutPartitionSolver.warm(network)
                    : CompiledMinCutExitsSolver.warm(network);
            cutIndex = java.util.stream.IntStream.range(0, g.size()).filter(g::isCutVertex).toArray();
        } else {
            network = null;
            warmSolver = null;
            cutIndex = new int[0];
        }
    }

    /** A session on {@code instance} (P1, P2 or P4; another family throws {@link ServeException}). */
    public static Session load(Instance instance) {
        return new Session(instance);
    }

    /** A session on the instance file {@code file}. */
    public static Session load(Path file) {
        return new Session(InstanceJson.read(file));
    }

    /** A session on a zoo model, as {@code cleave zoo export} makes the instance. */
    public static Session zoo(ZooSpec spec) {
        return new Session(spec.instance());
    }

    /** A session on a generated P4 instance, as {@code cleave generate multiuser} makes it. */
    public static Session multiUser(MultiUserSpec spec) {
        return new Session(spec.instance());
    }

    private static DnnGraph graphOrNull(Problem<?> p) {
        if (p instanceof PartitionProblem pp) {
            return pp.graph();
        }
        if (p instanceof ExitsProblem ep) {
            return ep.graph();
        }
        return null;
    }

    /** The family. */
    public Family family() {
        return family;
    }

    /** The instance as loaded (its problem is the initial state). */
    public Instance instance() {
        return instance;
    }

    /** The problem in the current state. */
    public Problem<?> problem() {
        return problem;
    }

    /**
     * The id of a served family's default exact solver, {@link Solvers#defaultExact} (P1 and P2
     * {@code mincut}, P4 {@code dp}).
     *
     * @throws ServeException {@code unsupported} for a family that is not served
     */
    public static String defaultExact(Family family) {
        if (!FAMILIES.contains(family)) {
            throw new ServeException(ServeException.Code.UNSUPPORTED, "family: \"" + family.key()
                    + "\" is not served; served: partition, exits, multiuser");
        }
        return Solvers.defaultExact(family);
    }

    // ---- state ---------------------------------------------------------------------------------

    /** The state fields {@code family} has, in protocol order. */
    public static List<String> stateFields(Family family) {
        List<String> f = STATE_FIELDS.get(family);
        return f == null ? List.of() : f;
    }

    /**
     * The current state: every state field of the family with its value ({@code Double},
     * {@code List<Double>}, {@code weights} as {@code {latency, energy}}, or {@code null} when unset,
     * e.g. no latency bound).
     */
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        if (problem instanceof PartitionProblem p) {
            link(s, p.link());
            s.put("deviceLoad", p.deviceLoad());
            s.put("weights", weights(p.weights()));
        } else if (problem instanceof ExitsProblem p) {
            link(s, p.link());
            s.put("deviceLoad", p.deviceLoad());
            if (p.variant() instanceof ExitsProblem.MinCost m) {
                s.put("weights", weights(m.weights()));
                s.put("latencyBoundSeconds", m.maxLatencySeconds().isPresent() ? m.maxLatencySeconds().getAsDouble()
                        : null);
                s.put("accuracyFloor", m.minAccuracy());
            } else {
                s.put("weights", null);
                s.put("latencyBoundSeconds", ((ExitsProblem.RightSizing) p.variant()).maxLatencySeconds());
                s.put("accuracyFloor", null);
            }
        } else {
            MultiUserProblem p = (MultiUserProblem) problem;
            s.put("weights", weights(p.weights()));
            s.put("userUplinkBitsPerSecond", p.users().stream().map(u -> u.link().uplinkBitsPerSecond()).toList());
            s.put("userDownlinkBitsPerSecond", p.users().stream().map(u -> u.link().downlinkBitsPerSecond())
                    .toList());
        }
        return Collections.unmodifiableMap(s);
    }

    private static void link(Map<String, Object> s, Link l) {
        s.put("uplinkBitsPerSecond", l.uplinkBitsPerSecond());
        s.put("downlinkBitsPerSecond", l.downlinkBitsPerSecond());
        s.put("linkLatencySeconds", l.latencySeconds());
    }

    private static Map<String, Double> weights(CostWeights w) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("latency", w.latencyWeight());
        m.put("energy", w.energyWeight());
        return Collections.unmodifiableMap(m);
    }

    /**
     * Applies {@code update} to the current state. All or nothing: on an error the state is
     * unchanged. An update that sets no field changes nothing and keeps the cached optimum.
     *
     * @throws IllegalArgumentException naming the field (as spelled in {@link StateUpdate}) and the
     *                                  value, for a field the family has not or an invalid value
     */
    public void set(StateUpdate update) {
        Checks.present("update", update);
        Set<String> fields = update.fields();
        if (fields.isEmpty()) {
            return;
        }
        List<String> known = stateFields(family);
        for (String f : fields) {
            if (!known.contains(f)) {
                throw new IllegalArgumentException(f + ": family " + family.key() + " has no such state field; it has "
                        + String.join(", ", known));
            }
        }
        Problem<?> next;
        if (problem instanceof PartitionProblem p) {
            next = new PartitionProblem(p.graph(), p.device(), p.edge(), link(p.link(), update),
                    update.weights().orElse(p.weights()), load(update, p.deviceLoad()));
        } else if (problem instanceof ExitsProblem p) {
            next = new ExitsProblem(p.graph(), p.device(), p.edge(), link(p.link(), update),
                    load(update, p.deviceLoad()), p.finalAccuracy(), variant(p.variant(), update));
        } else {
            next = multiUser((MultiUserProblem) problem, update);
        }
        problem = next;
        optimum = null;
    }

    private static Link link(Link l, StateUpdate u) {
        double up = positive("uplinkBitsPerSecond", u.uplinkBitsPerSecond(), l.uplinkBitsPerSecond());
        double down = positive("downlinkBitsPerSecond", u.downlinkBitsPerSecond(), l.downlinkBitsPerSecond());
        double lat = l.latencySeconds();
        if (u.linkLatencySeconds().isPresent()) {
            lat = Checks.nonNegative("linkLatencySeconds", u.linkLatencySeconds().getAsDouble());
        }
        return new Link(up, down, lat);
    }

    private static double positive(String field, OptionalDouble v, double current) {
        return v.isPresent() ? Checks.positive(field, v.getAsDouble()) : current;
    }

    private static double load(StateUpdate u, double current) {
        return u.deviceLoad().isPresent() ? Checks.load("deviceLoad", u.deviceLoad().getAsDouble()) : current;
    }

    private static ExitsProblem.Variant variant(ExitsProblem.Variant v, StateUpdate u) {
        OptionalDouble bound = u.latencyBoundSeconds();
        if (bound.isPresent()) {
            Checks.positive("latencyBoundSeconds", bound.getAsDouble());
        }
        if (v instanceof ExitsProblem.MinCost m) {
            double floor = m.minAccuracy();
            if (u.accuracyFloor().isPresent()) {
                floor = Checks.probability("accuracyFloor", u.accuracyFloor().getAsDouble());
            }
            return new ExitsProblem.MinCost(u.weights().orElse(m.weights()), floor,
                    bound.isPresent() ? bound : m.maxLatencySeconds());
        }
        ExitsProblem.RightSizing r = (ExitsProblem.RightSizing) v;
        if (u.weights().isPresent()) {
            throw new IllegalArgumentException("weights: variant (b) (rightSizing) has no weights, it ranks plans by"
                    + " accuracy under the latency bound");
        }
        if (u.accuracyFloor().isPresent()) {
            throw new IllegalArgumentException("accuracyFloor: variant (b) (rightSizing) has no accuracy floor, got "
                    + u.accuracyFloor().getAsDouble());
        }
        return bound.isPresent() ? new ExitsProblem.RightSizing(bound.getAsDouble()) : r;
    }

    private static MultiUserProblem multiUser(MultiUserProblem p, StateUpdate u) {
        List<User> users = p.users();
        double[] up = rates("userUplinkBitsPerSecond", u.userUplinkBitsPerSecond(), users.size());
        double[] down = rates("userDownlinkBitsPerSecond", u.userDownlinkBitsPerSecond(), users.size());
        if (up != null || down != null) {
            List<User> changed = new ArrayList<>(users.size());
            for (int i = 0; i < users.size(); i++) {
                User x = users.get(i);
                Link l = x.link();
                changed.add(new User(x.id(), x.device(), new Link(up == null ? l.uplinkBitsPerSecond() : up[i],
                        down == null ? l.downlinkBitsPerSecond() : down[i], l.latencySeconds()),
                        x.deadlineSeconds(), x.accuracyFloor(), x.options()));
            }
            users = changed;
        }
        return new MultiUserProblem(p.edge(), p.computeUnits(), p.bandwidthUnits(), u.weights().orElse(p.weights()),
                users);
    }

    private static double[] rates(String field, Optional<List<Double>> v, int users) {
        if (v.isEmpty()) {
            return null;
        }
        List<Double> list = v.get();
        if (list.size() != users) {
            throw new IllegalArgumentException(field + ": has " + list.size() + " entries, the instance has " + users
                    + " users");
        }
        double[] r = new double[users];
        for (int i = 0; i < users; i++) {
            Double x = list.get(i);
            if (x == null) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be a number, got null");
            }
            r[i] = Checks.positive(field + "[" + i + "]", x);
        }
        return r;
    }

    // ---- plans ---------------------------------------------------------------------------------

    /** P1/P2: ids of the model's cut vertices in topological order (the input first, the output last). */
    public List<String> cutVertices() {
        DnnGraph g = graphOrNull(problem);
        List<String> ids = new ArrayList<>(cutIndex.length);
        for (int v : cutIndex) {
            ids.add(g.layer(v).id());
        }
        return ids;
    }

    /**
     * P1/P2: the placement of compact action {@code cut = i}: the device runs the layers up to and
     * including cut vertex {@code i} in topological order (the vertex and its ancestors), the edge
     * the rest. {@code i = 0}: only the input on the device (all-edge); the last index: all-device.
     *
     * @throws IllegalArgumentException if {@code i} is out of range or the family has no cut vertices
     */
    public Placement cutPlacement(int i) {
        requireGraph("cut");
        if (i < 0 || i >= cutIndex.length) {
            throw new IllegalArgumentException("cut: must be in 0.." + (cutIndex.length - 1) + " (the model's "
                    + cutIndex.length + " cut vertices), got " + i);
        }
        return Placement.prefixOnDevice(graphOrNull(problem).size(), cutIndex[i] + 1);
    }

    /** P1/P2: the compact {@code cut} index of {@code placement}, empty when it is not a cut placement. */
    public OptionalInt cutOf(Placement placement) {
        requireGraph("cut");
        int n = placement.size();
        int device = n - placement.edgeCount();
        if (device < 1 || device > n) {
            return OptionalInt.empty();
        }
        for (int v = 0; v < device; v++) {
            if (placement.onEdge(v)) {
                return OptionalInt.empty();
            }
        }
        int k = Arrays.binarySearch(cutIndex, device - 1);
        return k >= 0 ? OptionalInt.of(k) : OptionalInt.empty();
    }

    private void requireGraph(String what) {
        if (network == null) {
            throw new IllegalArgumentException(what + ": family " + family.key() + " has no layer placement");
        }
    }

    // ---- evaluate, solve, optimum --------------------------------------------------------------

    /**
     * Prices {@code plan} (a {@code Placement} for P1, an {@code ExitPlan} for P2, a
     * {@code MultiUserPlan} for P4) on the current state with the family's evaluator only.
     *
     * @throws IllegalArgumentException if the plan does not fit (wrong type or size, non-monotone,
     *                                  unknown exit, option out of range)
     */
    public Assessment evaluate(Object plan) {
        Checks.present("plan", plan);
        Evaluation e = evaluateRaw(problem, plan);
        return new Assessment(plan, e, e.objective(), e.feasible(), e.violations());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Evaluation evaluateRaw(Problem<?> p, Object plan) {
        if (!p.planType().isInstance(plan)) {
            throw new IllegalArgumentException("plan: family " + p.family().key() + " takes a "
                    + p.planType().getSimpleName() + ", got a " + plan.getClass().getSimpleName());
        }
        return ((Problem) p).evaluate(plan);
    }

    /**
     * Runs the family's solver {@code solverId} on the current state and verifies its result. On
     * P1 and P2, {@code mincut-compiled} re-solves on the session's warm network.
     *
     * @throws IllegalArgumentException for an id that is no solver of the family (naming the known ids)
     */
    public Solution solve(String solverId, SolveLimits limits) {
        Checks.present("solver", solverId);
        Checks.present("limits", limits);
        Solver<?, ?> solver;
        if (warmSolver != null && solverId.equals(warmSolver.id())) {
            solver = warmSolver;
        } else {
            solver = Solvers.find(family, solverId).orElseThrow(() -> new IllegalArgumentException("solver: \""
                    + solverId + "\" is no solver of family " + family.key() + "; known: " + String.join(", ",
                    Solvers.of(family).stream().map(Solver::id).toList())));
        }
        return run(solver, limits);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Solution run(Solver<?, ?> solver, SolveLimits limits) {
        Problem p = problem;
        Result result = ((Solver) solver).solve(p, limits);
        Verifier.Verdict verdict = Verifier.verify(p, result);
        Optional<Object> plan = result.plan();
        Optional<Evaluation> breakdown = plan.map(x -> p.evaluate(x));
        return new Solution(result.solverId(), result.status(), plan, breakdown, result.objective(), result.bound(),
                result.wallTime(), verdict.ok(), verdict.defects(), result.statistics(), result.message());
    }

    /**
     * The optimum of the current state by the family's default exact solver ({@link #defaultExact}),
     * cached until the next effective {@link #set}. On P1 and P2 the same min-cut search runs on the
     * session's warm network ({@code mincut-compiled}, checked equal to {@code mincut} by the test
     * suite).
     */
    public Solution optimum() {
        if (optimum == null) {
            optimum = warmSolver != null ? run(warmSolver, SolveLimits.none())
                    : solve(defaultExact(family), SolveLimits.none());
        }
        return optimum;
    }

    /** Whether {@link #optimum()} would answer from its cache. */
    public boolean optimumCached() {
        return optimum != null;
    }

    // ---- map -----------------------------------------------------------------------------------

    /**
     * The bandwidth map over [{@code fromBitsPerSecond}, {@code toBitsPerSecond}] with the rest of the
     * current state: P1 a {@link BandwidthMap} on the warm network, P2 the best exit set's map
     * ({@link ExitsBandwidthMap#best}).
     *
     * @throws ServeException {@code unsupported} for P4
     */
    public UplinkMap<?> map(double fromBitsPerSecond, double toBitsPerSecond) {
        if (problem instanceof PartitionProblem p) {
            network.clearReachWeights();
            network.setProblem(p);
            return BandwidthMap.of(network, fromBitsPerSecond, toBitsPerSecond);
        }
        if (problem instanceof ExitsProblem p) {
            return ExitsBandwidthMap.best(p, fromBitsPerSecond, toBitsPerSecond);
        }
        throw new ServeException(ServeException.Code.UNSUPPORTED, "op map: family " + family.key()
                + " has no bandwidth map (partition and exits have)");
    }

    /** P2: the map of the fixed exit set {@code exitIds} ({@link ExitsBandwidthMap#of}). */
    public ExitsBandwidthMap map(double fromBitsPerSecond, double toBitsPerSecond, List<String> exitIds) {
        if (problem instanceof ExitsProblem p) {
            return ExitsBandwidthMap.of(p, exitIds, fromBitsPerSecond, toBitsPerSecond);
        }
        throw new ServeException(ServeException.Code.UNSUPPORTED, "exits: family " + family.key()
                + " has no exits to fix (exits has)");
    }

    // ---- describe ------------------------------------------------------------------------------

    /** What the session holds: layers, cut vertices, exits, users, solvers and the state. */
    public Description describe() {
        Map<String, String> solvers = new LinkedHashMap<>();
        for (Solver<?, ?> s : Solvers.of(family)) {
            solvers.put(s.id(), s.kind().key());
        }
        DnnGraph g = graphOrNull(problem);
        List<Description.UserOptions> users = new ArrayList<>();
        int kf = 0;
        int kb = 0;
        if (problem instanceof MultiUserProblem p) {
            for (User u : p.users()) {
                users.add(new Description.UserOptions(u.id(), u.options().stream().map(PlanOption::label).toList()));
            }
            kf = p.computeUnits();
            kb = p.bandwidthUnits();
        }
        String variant = problem instanceof ExitsProblem p
                ? (p.variant() instanceof ExitsProblem.MinCost ? "minCost" : "rightSizing") : "";
        return new Description(family, instance.name(), problem.sense(), g == null ? List.of() : g.layers(),
                g == null ? List.of() : cutVertices(), g == null ? List.of() : g.exits(), variant, users, kf, kb,
                Collections.unmodifiableMap(solvers), defaultExact(family), state());
    }

    /** The type of the family's plans. */
    public Class<?> planType() {
        return problem.planType();
    }

    /** P1/P2: the number of layers (the length of an edge mask); 0 for P4. */
    public int layerCount() {
        DnnGraph g = graphOrNull(problem);
        return g == null ? 0 : g.size();
    }

    /** P4: the number of users ({@link MultiUserPlan}s have one choice each); 0 for P1 and P2. */
    public int userCount() {
        return problem instanceof MultiUserProblem p ? p.users().size() : 0;
    }
}
