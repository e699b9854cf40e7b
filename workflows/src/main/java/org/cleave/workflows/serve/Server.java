package org.cleave.workflows.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cleave.algorithms.exits.ExitsBandwidthMap;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.UplinkMap;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Sense;
import org.cleave.core.solve.SolveLimits;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.workflows.serve.ServeException.Code;

/**
 * The {@code cleave serve} protocol ({@code docs/protocol.md}, version {@value #PROTOCOL_VERSION}):
 * JSON Lines requests in, one response line per request out, over {@link Session}s named by
 * handles. {@link #serve} reads lines from a stream with a bounded buffer (a line over
 * {@link #MAX_REQUEST_BYTES} is skipped in constant memory and refused), answers every line (a
 * malformed one with an error) and returns at end of input or after {@code close} without a
 * handle. {@link #handle(String)} answers one line (tests, benchmarks, in-process transports).
 *
 * <p>Every error is one response line {@code {"id", "ok": false, "error": {"code", "message"}}};
 * the message names the JSON path and the value. Only response lines are written to the output;
 * diagnostics of internal errors go to the log stream.
 *
 * <p><b>Thread-safety:</b> single-threaded; one server per input stream.
 */
public final class Server {
    /** The protocol version reported by {@code ping} and {@code describe}. */
    public static final int PROTOCOL_VERSION = 1;
    /** The longest request line accepted, bytes (without the line feed): 16 MiB. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    /** The most handles open at once. */
    public static final int MAX_HANDLES = 1024;
    /** The most requests one {@code batch} carries. */
    public static final int MAX_BATCH_REQUESTS = 4096;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private static final Map<String, Set<String>> OP_FIELDS = new LinkedHashMap<>();

    static {
        OP_FIELDS.put("ping", Set.of());
        OP_FIELDS.put("hello", Set.of());
        OP_FIELDS.put("load", Set.of("instance", "path", "zoo", "multiuser"));
        OP_FIELDS.put("describe", Set.of("handle"));
        OP_FIELDS.put("set", Set.of("handle", "state"));
        OP_FIELDS.put("solve", Set.of("handle", "solver", "timeLimitSeconds", "seed", "threads", "plan", "mask"));
        OP_FIELDS.put("evaluate", Set.of("handle", "action", "state", "withOptimum", "plan", "mask"));
        OP_FIELDS.put("optimum", Set.of("handle", "plan", "mask"));
        OP_FIELDS.put("map", Set.of("handle", "fromBitsPerSecond", "toBitsPerSecond", "exits"));
        OP_FIELDS.put("close", Set.of("handle"));
        OP_FIELDS.put("batch", Set.of("requests"));
    }

    private final int maxRequestBytes;
    private final PrintStream log;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    /** Per session: its cached optimum written once (compact action; plan JSON when first asked for). */
    private final Map<Session, OptimumWritten> writtenOptimum = new HashMap<>();
    private long nextHandle = 1;
    private boolean closed;

    /** A server with the default limit, logging to standard error. */
    public Server() {
        this(MAX_REQUEST_BYTES, System.err);
    }

    /**
     * A server refusing lines longer than {@code maxRequestBytes} (tests use a small limit), logging
     * internal errors to {@code log}.
     */
    public Server(int maxRequestBytes, PrintStream log) {
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes: must be >= 1, got " + maxRequestBytes);
        }
        this.maxRequestBytes = maxRequestBytes;
        this.log = log;
    }

    /** Whether a {@code close} without handle has ended the session. */
    public boolean closed() {
        return closed;
    }

    /** The open handles, in load order. */
    public List<String> handles() {
        return List.copyOf(sessions.keySet());
    }

    /** The session of {@code handle}, for in-process use alongside the protocol. */
    public Session session(String handle) {
        Session s = sessions.get(handle);
        if (s == null) {
            throw new ServeException(Code.UNKNOWN_HANDLE, "handle: no open instance \"" + handle + "\"");
        }
        return s;
    }

    /**
     * Reads request lines from {@code in} and writes one response line per request to {@code out},
     * until end of input or a {@code close} without handle. The input is read in chunks of up to
     * 64 KiB; a line is held only up to the limit. The responses to the lines of one chunk are
     * flushed together once its last complete line is answered, so every response is flushed before
     * the server waits for more input, and requests a client pipelines come back in one write
     * rather than one per line. A final line without a line feed is answered too.
     *
     * @return 0, the process exit status
     * @throws IOException when reading or writing fails
     */
    public int serve(InputStream in, OutputStream out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        byte[] line = new byte[8 * 1024];
        int length = 0;
        boolean overflow = false;
        boolean pending = false;
        int n;
        while (!closed && (n = in.read(chunk)) >= 0) {
            int start = 0;
            for (int k = 0; k < n && !closed; k++) {
                if (chunk[k] != '\n') {
                    continue;
                }
                int piece = k - start;
                if (!overflow && length + piece <= maxRequestBytes) {
                    line = append(line, length, chunk, start, piece);
                    length += piece;
                    write(out, handle(line, 0, length));
                } else {
                    write(out, tooLarge());
                }
                pending = true;
                length = 0;
                overflow = false;
                start = k + 1;
                if (line.length > 1024 * 1024) {
                    line = new byte[8 * 1024]; // give a big line's memory back
                }
            }
            if (pending) { // every line of the chunk answered: flush before waiting for more input
                out.flush();
                pending = false;
            }
            if (closed) {
                break;
            }
            int rest = n - start;
            if (!overflow) {
                if (length + rest <= maxRequestBytes) {
                    line = append(line, length, chunk, start, rest);
                    length += rest;
                } else {
                    overflow = true;
                    length = 0;
                }
            }
        }
        if (!closed && (overflow || length > 0)) {
            write(out, overflow ? tooLarge() : handle(line, 0, length));
        }
        out.flush();
        return 0;
    }

    private static byte[] append(byte[] line, int length, byte[] from, int offset, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(length + count, Math.min(Integer.MAX_VALUE - 8, line.length * 2)));
        }
        System.arraycopy(from, offset, line, length, count);
        return line;
    }

    private static void write(OutputStream out, byte[] response) throws IOException {
        out.write(response);
        out.write('\n');
    }

    private byte[] tooLarge() {
        return bytes(error(null, new ServeException(Code.TOO_LARGE, "request: line longer than " + maxRequestBytes
                + " bytes (the limit), refused unread")));
    }

    /** Answers one request line (without its line feed). */
    public String handle(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new String(handle(b, 0, b.length), StandardCharsets.UTF_8);
    }

    /** Answers one request line of {@code length} bytes at {@code offset} (UTF-8, without line feed). */
    public byte[] handle(byte[] line, int offset, int length) {
        if (length > 0 && line[offset + length - 1] == '\r') {
            length--;
        }
        if (length > maxRequestBytes) {
            return tooLarge();
        }
        JsonNode request;
        try {
            request = READER.readTree(line, offset, length);
        } catch (JsonProcessingException e) {
            return bytes(error(null, new ServeException(Code.PARSE_ERROR, "request: malformed JSON"
                    + location(e) + ": " + firstLine(e.getOriginalMessage()))));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return bytes(error(null, new ServeException(Code.PARSE_ERROR, "request: unreadable: "
                    + firstLine(String.valueOf(e.getMessage())))));
        }
        if (request == null || request.isMissingNode()) {
            return bytes(error(null, new ServeException(Code.PARSE_ERROR, "request: empty line, expected a JSON"
                    + " object")));
        }
        return bytes(answer(request, false));
    }

    /** The response object to one parsed request; {@code inBatch} refuses a nested {@code batch}. */
    private ObjectNode answer(JsonNode request, boolean inBatch) {
        JsonNode id = null;
        try {
            if (!request.isObject()) {
                throw new ServeException(Code.BAD_REQUEST, "request: must be a JSON object, got "
                        + Actions.describe(request));
            }
            JsonNode rawId = request.get("id");
            if (rawId != null && !(rawId.isTextual() || rawId.isNumber() || rawId.isNull())) {
                throw new ServeException(Code.BAD_REQUEST, "id: must be a string, a number or null, got "
                        + Actions.describe(rawId));
            }
            id = rawId;
            if (inBatch && "batch".equals(request.path("op").textValue())) {
                throw new ServeException(Code.BAD_REQUEST, "op: batch cannot be nested in a batch");
            }
            ObjectNode result = dispatch((ObjectNode) request);
            ObjectNode response = MAPPER.createObjectNode();
            putId(response, id);
            response.put("ok", true);
            response.set("result", result);
            return response;
        } catch (ServeException e) {
            return error(id, e);
        } catch (IllegalArgumentException e) {
            return error(id, new ServeException(Code.INVALID_INPUT, firstLine(String.valueOf(e.getMessage()))));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.println("cleave serve: internal error: " + e);
            e.printStackTrace(log);
            return error(id, new ServeException(Code.INTERNAL, e.getClass().getSimpleName() + ": "
                    + firstLine(String.valueOf(e.getMessage()))));
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    }

    private static String firstLine(String s) {
        int cut = s.indexOf('\n');
        String one = cut >= 0 ? s.substring(0, cut) : s;
        return one.replace('\r', ' ');
    }

    private static void putId(ObjectNode o, JsonNode id) {
        if (id == null) {
            o.putNull("id");
        } else {
            o.set("id", id);
        }
    }

    private static ObjectNode error(JsonNode id, ServeException e) {
        ObjectNode o = MAPPER.createObjectNode();
        putId(o, id);
        o.put("ok", false);
        ObjectNode err = o.putObject("error");
        err.put("code", e.code().key());
        err.put("message", firstLine(String.valueOf(e.getMessage())));
        return o;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response: " + e.getMessage(), e);
        }
    }

    // ---- dispatch ------------------------------------------------------------------------------

    private ObjectNode dispatch(ObjectNode r) {
        JsonNode opNode = r.get("op");
        if (opNode == null || opNode.isNull()) {
            throw new ServeException(Code.BAD_REQUEST, "op: required string is missing; ops: "
                    + String.join(", ", OP_FIELDS.keySet()));
        }
        if (!opNode.isTextual()) {
            throw new ServeException(Code.BAD_REQUEST, "op: must be a string, got " + Actions.describe(opNode));
        }
        String op = opNode.textValue();
        Set<String> allowed = OP_FIELDS.get(op);
        if (allowed == null) {
            throw new ServeException(Code.UNKNOWN_OP, "op: unknown operation \"" + clip(op) + "\"; ops: "
                    + String.join(", ", OP_FIELDS.keySet()));
        }
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("id") && !f.equals("op") && !allowed.contains(f)) {
                throw new ServeException(Code.BAD_REQUEST, clip(f) + ": unknown field for op " + op + "; it takes "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())));
            }
        }
        return switch (op) {
            case "ping", "hello" -> ping();
            case "load" -> load(r);
            case "describe" -> describe(handle(r), session(r));
            case "set" -> set(r);
            case "solve" -> solve(r);
            case "evaluate" -> evaluate(r);
            case "optimum" -> optimum(r);
            case "map" -> map(r);
            case "close" -> close(r);
            case "batch" -> batch(r);
            default -> throw new IllegalStateException("op " + op + " listed but not dispatched");
        };
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private ObjectNode ping() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("protocolVersion", PROTOCOL_VERSION);
        o.put("server", "cleave serve");
        o.put("handles", sessions.size());
        o.put("maxRequestBytes", maxRequestBytes);
        return o;
    }

    private static String handle(ObjectNode r) {
        return requiredString(r, "handle");
    }

    private Session session(ObjectNode r) {
        return session(handle(r));
    }

    // ---- load ----------------------------------------------------------------------------------

    private ObjectNode load(ObjectNode r) {
        List<String> given = new ArrayList<>();
        for (String f : List.of("instance", "path", "zoo", "multiuser")) {
            if (r.has(f)) {
                given.add(f);
            }
        }
        if (given.size() != 1) {
            throw new ServeException(Code.BAD_REQUEST, "load: needs exactly one of instance, path, zoo, multiuser; got "
                    + (given.isEmpty() ? "none" : String.join(", ", given)));
        }
        if (sessions.size() >= MAX_HANDLES) {
            throw new ServeException(Code.LIMIT, "load: " + MAX_HANDLES + " handles are open (the limit); close one");
        }
        Session s = switch (given.get(0)) {
            case "instance" -> Session.load(instance(r.get("instance")));
            case "path" -> loadPath(requiredString(r, "path"));
            case "zoo" -> prefixed("zoo", ZOO_FIELDS, () -> Session.zoo(zooSpec(r.get("zoo"))));
            default -> prefixed("multiuser", MULTIUSER_FIELDS, () -> Session.multiUser(multiUserSpec(r.get("multiuser"))));
        };
        String handle = "h" + nextHandle++;
        sessions.put(handle, s);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("handle", handle);
        o.put("family", s.family().key());
        o.put("name", s.instance().name());
        return o;
    }

    private static Session loadPath(String path) {
        try {
            return Session.load(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("path: not a file path: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("path: " + e.getMessage(), e);
        }
    }

    private static Instance instance(JsonNode node) {
        if (!node.isObject()) {
            throw new ServeException(Code.BAD_REQUEST, "instance: must be an instance object, got "
                    + Actions.describe(node));
        }
        try {
            return InstanceJson.read(MAPPER.writeValueAsString(node), "instance");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(m.startsWith("$") ? "instance" + m.substring(1) : "instance: " + m, e);
        }
    }

    private static final Set<String> ZOO_FIELDS = Set.of("model", "family", "view", "network", "device", "edge",
            "dtype");
    private static final Set<String> MULTIUSER_FIELDS = Set.of("users", "units", "models", "network", "seed",
            "edgeFlopsPerSecond");

    private static ZooSpec zooSpec(JsonNode node) {
        ObjectNode o = object(node, "zoo", ZOO_FIELDS);
        ZooSpec d = ZooSpec.of("x");
        String familyKey = optionalString(o, "zoo", "family", d.family().key());
        Family family;
        try {
            family = Family.fromKey(familyKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("family: " + e.getMessage(), e);
        }
        return new ZooSpec(requiredString(o, "zoo", "model"), family, optionalString(o, "zoo", "view", d.view()),
                optionalString(o, "zoo", "network", d.network()), optionalString(o, "zoo", "device", d.device()),
                optionalString(o, "zoo", "edge", d.edge()), optionalString(o, "zoo", "dtype", d.dtype()));
    }

    private static MultiUserSpec multiUserSpec(JsonNode node) {
        ObjectNode o = object(node, "multiuser", MULTIUSER_FIELDS);
        MultiUserSpec d = MultiUserSpec.of(1, 1);
        List<String> models = d.models();
        JsonNode m = o.get("models");
        if (m != null) {
            if (!m.isArray()) {
                throw bad("multiuser.models: must be an array of model names, got " + Actions.describe(m));
            }
            models = new ArrayList<>();
            for (int k = 0; k < m.size(); k++) {
                if (!m.get(k).isTextual()) {
                    throw bad("multiuser.models[" + k + "]: must be a model name, got " + Actions.describe(m.get(k)));
                }
                models.add(m.get(k).textValue());
            }
        }
        JsonNode seed = o.get("seed");
        if (seed != null && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            throw bad("multiuser.seed: must be an integer, got " + Actions.describe(seed));
        }
        return new MultiUserSpec(requiredInt(o, "multiuser", "users"), requiredInt(o, "multiuser", "units"), models,
                optionalString(o, "multiuser", "network", d.network()), seed == null ? d.seed() : seed.longValue(),
                o.has("edgeFlopsPerSecond") ? number(o.get("edgeFlopsPerSecond"), "multiuser.edgeFlopsPerSecond")
                        : d.edgeFlopsPerSecond());
    }

    /** {@code work}'s value; a library error naming one of {@code fields} is put under {@code prefix.}. */
    private static <T> T prefixed(String prefix, Set<String> fields, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            int colon = m.indexOf(':');
            boolean named = colon > 0 && fields.contains(m.substring(0, colon).replaceAll("\\[.*", ""));
            throw new IllegalArgumentException(named ? prefix + "." + m : prefix + ": " + m, e);
        }
    }

    // ---- state, solve, evaluate, optimum, map, close, describe ----------------------------------

    private ObjectNode set(ObjectNode r) {
        Session s = session(r);
        JsonNode state = r.get("state");
        if (state == null) {
            throw bad("state: required object is missing");
        }
        apply(s, state);
        ObjectNode o = MAPPER.createObjectNode();
        o.set("state", MAPPER.valueToTree(s.state()));
        return o;
    }

    private static void apply(Session s, JsonNode state) {
        if (!state.isObject()) {
            throw bad("state: must be an object, got " + Actions.describe(state));
        }
        StateUpdate.Builder b = StateUpdate.builder();
        List<String> known = Session.stateFields(s.family());
        for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = e.getKey();
            JsonNode v = e.getValue();
            String path = "state." + f;
            if (!known.contains(f)) {
                throw new IllegalArgumentException(path + ": family " + s.family().key() + " has no such state field;"
                        + " it has " + String.join(", ", known));
            }
            switch (f) {
                case "uplinkBitsPerSecond" -> b.uplinkBitsPerSecond(number(v, path));
                case "downlinkBitsPerSecond" -> b.downlinkBitsPerSecond(number(v, path));
                case "linkLatencySeconds" -> b.linkLatencySeconds(number(v, path));
                case "deviceLoad" -> b.deviceLoad(number(v, path));
                case "latencyBoundSeconds" -> b.latencyBoundSeconds(number(v, path));
                case "accuracyFloor" -> b.accuracyFloor(number(v, path));
                case "weights" -> b.weights(weights(v, path));
                case "userUplinkBitsPerSecond" -> b.userUplinkBitsPerSecond(numbers(v, path));
                case "userDownlinkBitsPerSecond" -> b.userDownlinkBitsPerSecond(numbers(v, path));
                default -> throw new IllegalStateException("state field " + f + " listed but not read");
            }
        }
        try {
            s.set(b.build());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state." + e.getMessage(), e);
        }
    }

    private static CostWeights weights(JsonNode v, String path) {
        ObjectNode o = object(v, path, Set.of("latency", "energy"));
        double latency = number(required(o, path, "latency"), path + ".latency");
        double energy = number(required(o, path, "energy"), path + ".energy");
        try {
            return new CostWeights(latency, energy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static List<Double> numbers(JsonNode v, String path) {
        if (!v.isArray()) {
            throw bad(path + ": must be an array of numbers, got " + Actions.describe(v));
        }
        List<Double> list = new ArrayList<>(v.size());
        for (int k = 0; k < v.size(); k++) {
            list.add(number(v.get(k), path + "[" + k + "]"));
        }
        return list;
    }

    private ObjectNode solve(ObjectNode r) {
        Session s = session(r);
        String solver = r.has("solver") ? requiredString(r, "solver") : Session.defaultExact(s.family());
        SolveLimits limits = SolveLimits.none();
        if (r.has("timeLimitSeconds")) {
            double t = number(r.get("timeLimitSeconds"), "timeLimitSeconds");
            if (!(t > 0 && t <= 1e9)) {
                throw new IllegalArgumentException("timeLimitSeconds: must be > 0 and at most 1e9, got " + t);
            }
            limits = limits.withTimeLimit(Duration.ofNanos((long) (t * 1e9)));
        }
        if (r.has("seed")) {
            JsonNode seed = r.get("seed");
            if (!(seed.isIntegralNumber() && seed.canConvertToLong())) {
                throw bad("seed: must be an integer, got " + Actions.describe(seed));
            }
            limits = limits.withSeed(seed.longValue());
        }
        if (r.has("threads")) {
            int threads = requiredInt(r, null, "threads");
            if (threads < 1) {
                throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
            }
            limits = limits.withThreads(threads);
        }
        boolean withPlan = withPlan(r);
        boolean withMask = flag(r, "mask");
        Solution x = s.solve(solver, limits);
        if (x.plan().isEmpty()) {
            return solution(x, withPlan, null);
        }
        Written w = write(s, x.plan().get(), x.breakdown().orElseThrow(), withPlan);
        return solution(x, withPlan, new Written(w.planOrCost(), action(w.action(), withMask)));
    }

    private ObjectNode optimum(ObjectNode r) {
        Session s = session(r);
        boolean withPlan = withPlan(r);
        boolean withMask = flag(r, "mask");
        boolean cached = s.optimumCached();
        Solution x = s.optimum();
        OptimumWritten w = writtenOptimum(s, x);
        ObjectNode o = solution(x, withPlan, w == null ? null
                : new Written(w.planOrCost(s, withPlan), action(w.action, withMask)));
        o.put("cached", cached);
        return o;
    }

    /**
     * A plan written: its full JSON ({@code writePlan}, with the evaluator's {@code cost}) or, for a
     * slim response, only that {@code cost}; and its compact action.
     */
    private record Written(JsonNode planOrCost, JsonNode action) {
    }

    /** {@code plan} written from its breakdown {@code e} (already computed: the plan is not priced again). */
    private static Written write(Session s, Object plan, Evaluation e, boolean withPlan) {
        return new Written(withPlan ? codec(s).writePlan(s.problem(), plan, e) : codec(s).writeCost(s.problem(), plan, e),
                Actions.write(s, plan));
    }

    /**
     * A session's cached optimum {@code solution} written: the compact action at once, the plan
     * JSON (which prices the plan) when first needed. Valid while {@code solution} is the session's
     * cached optimum (compared by identity; the session drops it on an effective {@code set}).
     */
    private static final class OptimumWritten {
        final Solution solution;
        final JsonNode action;
        private JsonNode plan;
        private JsonNode cost;

        OptimumWritten(Session s, Solution solution) {
            this.solution = solution;
            this.action = Actions.write(s, solution.plan().orElseThrow());
        }

        /** The full plan JSON, or with {@code withPlan} false only its {@code cost}; from the solution's breakdown. */
        JsonNode planOrCost(Session s, boolean withPlan) {
            if (withPlan) {
                if (plan == null) {
                    plan = codec(s).writePlan(s.problem(), solution.plan().orElseThrow(),
                            solution.breakdown().orElseThrow());
                }
                return plan;
            }
            if (cost == null) {
                cost = plan != null ? plan.get("cost") : codec(s).writeCost(s.problem(), solution.plan().orElseThrow(),
                        solution.breakdown().orElseThrow());
            }
            return cost;
        }
    }

    /**
     * The session's optimum {@code x} written, from the cache while {@code x} is the cached optimum,
     * so each state's optimum is written and priced for responses once however often it is asked
     * for; null without a plan.
     */
    private OptimumWritten writtenOptimum(Session s, Solution x) {
        if (x.plan().isEmpty()) {
            return null;
        }
        OptimumWritten w = writtenOptimum.get(s);
        if (w == null || w.solution != x) {
            w = new OptimumWritten(s, x);
            writtenOptimum.put(s, w);
        }
        return w;
    }

    /** The request's {@code plan} flag: {@code false} leaves the full plan out of the response (default {@code true}). */
    private static boolean withPlan(ObjectNode r) {
        return flag(r, "plan");
    }

    /** The request's boolean field {@code name}, default {@code true}. */
    private static boolean flag(ObjectNode r, String name) {
        JsonNode w = r.get(name);
        if (w == null) {
            return true;
        }
        if (!w.isBoolean()) {
            throw bad(name + ": must be true or false, got " + Actions.describe(w));
        }
        return w.booleanValue();
    }

    /**
     * A compact action as a response gives it: with {@code withMask} (the request's {@code mask},
     * default true) as {@link Actions#write} wrote it; without, the {@code edgeMask} left out when
     * the action names its {@code cut} (it is then implied by the cut; P4 actions have no mask).
     */
    private static JsonNode action(JsonNode action, boolean withMask) {
        if (withMask || action == null || !action.isObject() || !action.hasNonNull("cut") || !action.has("edgeMask")) {
            return action;
        }
        ObjectNode o = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = action.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("edgeMask")) {
                o.set(e.getKey(), e.getValue());
            }
        }
        return o;
    }

    /**
     * A solve's result; {@code written} is its plan written (null without a plan). With
     * {@code withPlan} false the full {@code plan} is left out and its {@code cost} breakdown given
     * as {@code cost} instead.
     */
    private static ObjectNode solution(Solution x, boolean withPlan, Written written) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("solver", x.solverId());
        o.put("status", x.status().name());
        number(o, "objective", x.objective());
        number(o, "bound", x.bound());
        o.put("wallSeconds", x.wallTime().toNanos() / 1e9);
        o.put("verified", x.verified());
        ArrayNode defects = o.putArray("defects");
        x.defects().forEach(defects::add);
        o.put("message", x.message());
        if (written != null) {
            plan(o, withPlan, written.planOrCost());
            o.set("action", written.action());
        } else {
            if (withPlan) {
                o.putNull("plan");
            } else {
                o.putNull("cost");
            }
            o.putNull("action");
        }
        return o;
    }

    /** The full plan as {@code plan}, or with {@code withPlan} false its {@code cost} breakdown as {@code cost}. */
    private static void plan(ObjectNode o, boolean withPlan, JsonNode planOrCost) {
        o.set(withPlan ? "plan" : "cost", planOrCost == null ? NullNode.getInstance() : planOrCost);
    }

    private static FamilyCodec codec(Session s) {
        return InstanceJson.codec(s.family());
    }

    private ObjectNode evaluate(ObjectNode r) {
        Session s = session(r);
        JsonNode action = r.get("action");
        if (action == null) {
            throw bad("action: required object is missing");
        }
        boolean withOptimum = false;
        if (r.has("withOptimum")) {
            JsonNode w = r.get("withOptimum");
            if (!w.isBoolean()) {
                throw bad("withOptimum: must be true or false, got " + Actions.describe(w));
            }
            withOptimum = w.booleanValue();
        }
        boolean withPlan = withPlan(r);
        boolean withMask = flag(r, "mask");
        if (r.has("state")) {
            apply(s, r.get("state"));
        }
        Object plan = readAction(s, action);
        Assessment a;
        try {
            a = s.evaluate(plan);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action: " + e.getMessage(), e);
        }
        ObjectNode o = MAPPER.createObjectNode();
        number(o, "objective", a.objective());
        o.put("feasible", a.feasible());
        ArrayNode violations = o.putArray("violations");
        a.violations().forEach(violations::add);
        Written written = write(s, plan, a.breakdown(), withPlan);
        plan(o, withPlan, written.planOrCost());
        o.set("action", action(written.action(), withMask));
        if (withOptimum) {
            Solution opt = s.optimum();
            OptimumWritten wo = writtenOptimum(s, opt);
            ObjectNode on = o.putObject("optimum");
            number(on, "objective", opt.objective());
            on.set("action", wo != null ? action(wo.action, withMask) : null);
            on.put("status", opt.status().name());
            on.put("verified", opt.verified());
            double regret = s.problem().sense() == Sense.MINIMIZE ? a.objective() - opt.objective()
                    : opt.objective() - a.objective();
            number(o, "regret", regret);
        }
        return o;
    }

    /** A compact action ({@link Actions}) or, failing that, a full plan as {@code solve --json} writes it. */
    private static Object readAction(Session s, JsonNode action) {
        if (!action.isObject() || Actions.isCompact(s.family(), action)) {
            return Actions.read(s, action, "action");
        }
        return codec(s).readPlan(s.problem(), action, "action");
    }

    /**
     * {@code batch}: answers each of {@code requests} in order exactly as if it had come on its own
     * line (an error answers that request only) and returns the responses as {@code responses}.
     * One line, one parse and one response for many requests: a vector of environments steps in one
     * round trip.
     */
    private ObjectNode batch(ObjectNode r) {
        JsonNode requests = r.get("requests");
        if (requests == null || !requests.isArray()) {
            throw bad("requests: must be an array of request objects, got " + Actions.describe(requests));
        }
        if (requests.size() > MAX_BATCH_REQUESTS) {
            throw new ServeException(Code.LIMIT, "requests: " + requests.size() + " requests, at most "
                    + MAX_BATCH_REQUESTS + " in one batch");
        }
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode responses = o.putArray("responses");
        for (JsonNode request : requests) {
            responses.add(answer(request, true));
        }
        return o;
    }

    private ObjectNode map(ObjectNode r) {
        Session s = session(r);
        double from = number(required(r, null, "fromBitsPerSecond"), "fromBitsPerSecond");
        double to = number(required(r, null, "toBitsPerSecond"), "toBitsPerSecond");
        UplinkMap<?> map;
        JsonNode exits = r.get("exits");
        if (exits == null || (exits.isTextual() && exits.textValue().equals("best"))) {
            map = s.map(from, to);
        } else if (exits.isArray()) {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < exits.size(); k++) {
                if (!exits.get(k).isTextual()) {
                    throw bad("exits[" + k + "]: must be an exit id (string), got " + Actions.describe(exits.get(k)));
                }
                ids.add(exits.get(k).textValue());
            }
            try {
                map = s.map(from, to, ids);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("exits: " + e.getMessage(), e);
            }
        } else {
            throw bad("exits: must be \"best\" or an array of exit ids, got " + Actions.describe(exits));
        }
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode pieces = o.putArray("pieces");
        for (Object piece : map.pieces()) {
            ObjectNode p = pieces.addObject();
            if (piece instanceof BandwidthMap.Piece b) {
                piece(p, b.fromUplinkBitsPerSecond(), b.toUplinkBitsPerSecond(), b.fixedCost(), b.sentBitCost());
                p.set("action", Actions.write(s, b.plan()));
            } else {
                ExitsBandwidthMap.Piece e = (ExitsBandwidthMap.Piece) piece;
                piece(p, e.fromUplinkBitsPerSecond(), e.toUplinkBitsPerSecond(), e.fixedCost(), e.sentBitCost());
                p.set("action", Actions.write(s, e.plan()));
            }
        }
        o.put("minCutCalls", map.minCutCalls());
        return o;
    }

    private static void piece(ObjectNode p, double from, double to, double fixed, double sent) {
        number(p, "fromBitsPerSecond", from);
        number(p, "toBitsPerSecond", to);
        number(p, "fixedCost", fixed);
        number(p, "sentBitCost", sent);
    }

    private ObjectNode close(ObjectNode r) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode closedHandles = o.putArray("closed");
        if (r.has("handle")) {
            String h = handle(r);
            writtenOptimum.remove(session(h));
            sessions.remove(h);
            closedHandles.add(h);
        } else {
            sessions.keySet().forEach(closedHandles::add);
            sessions.clear();
            writtenOptimum.clear();
            closed = true;
        }
        return o;
    }

    private static ObjectNode describe(String handle, Session s) {
        Description d = s.describe();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("protocolVersion", PROTOCOL_VERSION);
        o.put("handle", handle);
        o.put("family", d.family().key());
        o.put("name", d.name());
        o.put("sense", d.sense() == Sense.MINIMIZE ? "minimize" : "maximize");
        o.set("state", MAPPER.valueToTree(d.state()));
        ArrayNode solvers = o.putArray("solvers");
        d.solvers().forEach((id, kind) -> solvers.addObject().put("id", id).put("kind", kind));
        o.put("defaultSolver", d.defaultSolver());
        if (d.family() != Family.MULTIUSER) {
            ArrayNode layers = o.putArray("layers");
            Set<String> cuts = Set.copyOf(d.cutVertices());
            for (Layer l : d.layers()) {
                layers.addObject().put("id", l.id()).put("flops", l.flops()).put("outputBytes", l.outputBytes())
                        .put("cutVertex", cuts.contains(l.id()));
            }
            ArrayNode cutVertices = o.putArray("cutVertices");
            d.cutVertices().forEach(cutVertices::add);
        }
        if (d.family() == Family.EXITS) {
            ArrayNode exits = o.putArray("exits");
            for (Exit e : d.exits()) {
                exits.addObject().put("id", e.id()).put("afterLayer", e.afterLayer()).put("exitRate", e.exitRate())
                        .put("accuracy", e.accuracy());
            }
            o.put("variant", d.variant());
        }
        if (d.family() == Family.MULTIUSER) {
            ArrayNode users = o.putArray("users");
            for (Description.UserOptions u : d.users()) {
                ObjectNode uo = users.addObject().put("id", u.id());
                ArrayNode options = uo.putArray("options");
                u.options().forEach(options::add);
            }
            o.put("computeUnits", d.computeUnits());
            o.put("bandwidthUnits", d.bandwidthUnits());
        }
        return o;
    }

    // ---- JSON helpers: a wrong type is bad_request, a bad value invalid_input -------------------

    private static ServeException bad(String message) {
        return new ServeException(Code.BAD_REQUEST, message);
    }

    private static String path(String parent, String name) {
        return parent == null ? name : parent + "." + name;
    }

    private static ObjectNode object(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw bad(path + ": must be an object, got " + Actions.describe(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw bad(path + "." + clip(f) + ": unknown field; it takes " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
        return (ObjectNode) node;
    }

    private static JsonNode required(ObjectNode o, String parent, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw bad(path(parent, name) + ": required value is missing");
        }
        return v;
    }

    private static String requiredString(ObjectNode o, String name) {
        return requiredString(o, null, name);
    }

    private static String requiredString(ObjectNode o, String parent, String name) {
        JsonNode v = required(o, parent, name);
        if (!v.isTextual()) {
            throw bad(path(parent, name) + ": must be a string, got " + Actions.describe(v));
        }
        return v.textValue();
    }

    private static String optionalString(ObjectNode o, String parent, String name, String fallback) {
        return o.has(name) ? requiredString(o, parent, name) : fallback;
    }

    private static int requiredInt(ObjectNode o, String parent, String name) {
        JsonNode v = required(o, parent, name);
        if (!v.isIntegralNumber()) {
            throw bad(path(parent, name) + ": must be an integer, got " + Actions.describe(v));
        }
        if (!v.canConvertToInt()) {
            throw new IllegalArgumentException(path(parent, name) + ": out of range, got " + v);
        }
        return v.intValue();
    }

    private static double number(JsonNode v, String path) {
        if (v == null || !v.isNumber()) {
            throw bad(path + ": must be a number, got " + Actions.describe(v));
        }
        double x = v.doubleValue();
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(path + ": must be finite, got " + x);
        }
        return x;
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }
}
