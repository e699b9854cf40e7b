package org.cleave.instances.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Checks;
import org.cleave.core.multiuser.MultiUserCost;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.PlanOption;
import org.cleave.core.multiuser.User;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.multiuser.UserCost;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;
import org.cleave.instances.io.PlanJson;
import org.cleave.instances.io.TextFiles;
import org.cleave.instances.multiuser.CompactMultiUser.DeclaredModel;
import org.cleave.instances.multiuser.CompactMultiUser.ModelUser;
import org.cleave.instances.multiuser.CompactMultiUser.Placement;
import org.cleave.instances.zoo.Zoo;

/**
 * The P4 instance format: {@code edge}, {@code computeUnits} (K_F), {@code bandwidthUnits} (K_B),
 * optional {@code objective}, optional {@code models} and {@code users}: each with {@code id},
 * {@code device}, {@code link} (uplink = the rate with the whole shared uplink), optional
 * {@code deadlineSeconds} and {@code accuracyFloor}, and either its stated {@code options}
 * ({@code label, deviceSeconds, deviceJoules, uploadBits, edgeFlops, downloadBits,
 * offloadProbability, accuracy, exits}) or the name of its {@code model}.
 *
 * <p>The compact form ({@link CompactMultiUser}) declares each model once under {@code models}
 * (name → declaration): exactly one of {@code graph} (an inline model object), {@code zoo} (a zoo
 * model name or a built-in {@code chain-N}, block view unless {@code "view": "layers"}) or
 * {@code file} (a JSON file, relative to the instance file's folder, holding a model object or a
 * Cleave instance with a {@code model}); and optionally {@code options}: {@code "all"} (default:
 * every cut after a cut vertex × every early-exit subset, {@link org.cleave.core.multiuser.PlanOptions})
 * or a list of {@code {"cutAfter": layer, "exits": [early exit ids]}}. A user naming a model gets
 * that model's options computed on their own device when the file is read. Both forms may be
 * mixed. See {@code multiuser.schema.json}.
 */
public final class MultiUserCodec implements FamilyCodec {
    private static final Set<String> USER_FIELDS = Set.of("id", "device", "link", "deadlineSeconds", "accuracyFloor",
            "options", "model");
    private static final Set<String> MODEL_FIELDS = Set.of("graph", "zoo", "view", "file", "options");
    private static final Set<String> PLACEMENT_FIELDS = Set.of("cutAfter", "exits");
    private static final Set<String> OPTION_FIELDS = Set.of("label", "deviceSeconds", "deviceJoules", "uploadBits",
            "edgeFlops", "downloadBits", "offloadProbability", "accuracy", "exits");

    @Override
    public Family family() {
        return Family.MULTIUSER;
    }

    @Override
    public Set<String> fields() {
        return Set.of("edge", "computeUnits", "bandwidthUnits", "objective", "models", "users");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        return read(root, path, Optional.empty());
    }

    /** Reads the problem; {@code file} entries of {@code models} are resolved against {@code directory}. */
    @Override
    public Problem<?> read(ObjectNode root, String path, Optional<Path> directory) {
        var edge = ModelJson.readEdge(Json.object(root, "edge", path), path + ".edge");
        int kf = Json.integer(root, "computeUnits", path);
        int kb = Json.integer(root, "bandwidthUnits", path);
        var weights = ModelJson.readWeights(root, "objective", path);
        Map<String, DeclaredModel> models = new LinkedHashMap<>();
        if (Json.has(root, "models")) {
            ObjectNode mn = Json.object(root, "models", path);
            var names = mn.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String mp = path + ".models." + name;
                models.put(name, readDeclaredModel(Json.object(mn, name, path + ".models"), mp, directory));
            }
        }
        List<ObjectNode> nodes = Json.objects(root, "users", path);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            users.add(readUser(nodes.get(i), path + ".users[" + i + "]", models, edge, path + ".models"));
        }
        return ModelJson.at(path, () -> new MultiUserProblem(edge, kf, kb, weights, users));
    }

    private static DeclaredModel readDeclaredModel(ObjectNode m, String p, Optional<Path> directory) {
        Json.onlyFields(m, p, MODEL_FIELDS);
        int sources = (Json.has(m, "graph") ? 1 : 0) + (Json.has(m, "zoo") ? 1 : 0) + (Json.has(m, "file") ? 1 : 0);
        if (sources != 1) {
            throw new InvalidInstanceException(p + ": needs exactly one of graph, zoo or file, got " + sources);
        }
        if (Json.has(m, "view") && !Json.has(m, "zoo")) {
            throw new InvalidInstanceException(p + ".view: only a zoo model has views; remove it or use zoo");
        }
        DnnGraph graph;
        if (Json.has(m, "graph")) {
            graph = ModelJson.readModel(Json.object(m, "graph", p), p + ".graph");
        } else if (Json.has(m, "zoo")) {
            graph = zooModel(Json.string(m, "zoo", p), Json.optionalString(m, "view", p, "blocks"), p);
        } else {
            graph = importedModel(Json.string(m, "file", p), p + ".file", directory);
        }
        Optional<List<Placement>> placements = Optional.empty();
        if (Json.has(m, "options")) {
            JsonNode o = m.get("options");
            if (o.isTextual()) {
                if (!o.asText().equals("all")) {
                    throw new InvalidInstanceException(p + ".options: must be \"all\" or a list of {cutAfter, exits},"
                            + " got " + Json.describe(o));
                }
            } else {
                List<ObjectNode> list = Json.objects(m, "options", p);
                List<Placement> pl = new ArrayList<>();
                for (int k = 0; k < list.size(); k++) {
                    pl.add(readPlacement(list.get(k), p + ".options[" + k + "]"));
                }
                placements = Optional.of(pl);
            }
        }
        Optional<List<Placement>> chosen = placements;
        return ModelJson.at(p, () -> new DeclaredModel(graph, chosen));
    }

    private static Placement readPlacement(ObjectNode o, String p) {
        Json.onlyFields(o, p, PLACEMENT_FIELDS);
        String cut = Json.string(o, "cutAfter", p);
        return new Placement(cut, Json.has(o, "exits") ? strings(Json.array(o, "exits", p), p + ".exits") : List.of());
    }

    private static List<String> strings(ArrayNode a, String p) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < a.size(); j++) {
            if (!a.get(j).isTextual()) {
                throw new InvalidInstanceException(p + "[" + j + "]: must be a string, got " + Json.describe(a.get(j)));
            }
            out.add(a.get(j).asText());
        }
        return out;
    }

    /** A zoo model (or built-in {@code chain-N}) by name, as {@code cleave generate multiuser} uses it. */
    static DnnGraph zooModel(String name, String view, String p) {
        String v = view.toLowerCase(Locale.ROOT);
        if (!v.equals("blocks") && !v.equals("layers")) {
            throw new InvalidInstanceException(p + ".view: must be \"blocks\" or \"layers\", got \"" + view + "\"");
        }
        try {
            if (name.toLowerCase(Locale.ROOT).startsWith("chain-")) {
                return RandomZooMultiUserInstances.builtInModel(name);
            }
            var model = Zoo.get(name);
            return v.equals("blocks") ? model.blockGraph() : model.layerGraph();
        } catch (InvalidInstanceException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidInstanceException(p + ".zoo: " + e.getMessage());
        }
    }

    private static DnnGraph importedModel(String name, String p, Optional<Path> directory) {
        Path file = Path.of(name);
        if (!file.isAbsolute() && directory.isPresent()) {
            file = directory.get().resolve(file);
        }
        String source = file.toString();
        ObjectNode root;
        try {
            root = Json.object(Json.parse(TextFiles.readUtf8(file), source), source + ":$");
        } catch (InvalidInstanceException e) {
            throw new InvalidInstanceException(p + ": " + e.getMessage());
        }
        if (Json.has(root, "layers")) {
            return ModelJson.readModel(root, source + ":$");
        }
        if (Json.has(root, "model")) {
            return ModelJson.readModel(Json.object(root, "model", source + ":$"), source + ":$.model");
        }
        throw new InvalidInstanceException(p + ": \"" + name + "\" holds neither a model object (layers, arcs,"
                + " exits) nor an instance with a model");
    }

    private static User readUser(ObjectNode u, String p, Map<String, DeclaredModel> models, EdgeServer edge,
                                 String modelsPath) {
        Json.onlyFields(u, p, USER_FIELDS);
        String id = Json.string(u, "id", p);
        var device = ModelJson.readDevice(Json.object(u, "device", p), p + ".device");
        var link = ModelJson.readLink(Json.object(u, "link", p), p + ".link");
        OptionalDouble deadline = Json.has(u, "deadlineSeconds")
                ? OptionalDouble.of(Json.number(u, "deadlineSeconds", p)) : OptionalDouble.empty();
        OptionalDouble floor = Json.has(u, "accuracyFloor")
                ? OptionalDouble.of(Json.number(u, "accuracyFloor", p)) : OptionalDouble.empty();
        if (Json.has(u, "model") && Json.has(u, "options")) {
            throw new InvalidInstanceException(p + ": has both model and options; give one of them");
        }
        if (Json.has(u, "model")) {
            String name = Json.string(u, "model", p);
            DeclaredModel declared = models.get(name);
            if (declared == null) {
                throw new InvalidInstanceException(p + ".model: no model \"" + name + "\" in models"
                        + (models.isEmpty() ? " (the instance declares none)" : "; declared: "
                        + String.join(", ", models.keySet())));
            }
            List<PlanOption> options;
            try {
                options = declared.options(device, edge);
            } catch (InvalidModelException e) {
                throw new InvalidInstanceException(modelsPath + "." + name + "." + e.field() + ": " + e.detail()
                        + " (stating the options of " + p + ")");
            }
            return ModelJson.at(p, () -> new User(id, device, link, deadline, floor, options));
        }
        if (!Json.has(u, "options")) {
            throw new InvalidInstanceException(p + ": needs model (a name declared under models) or options,"
                    + " got neither");
        }
        List<ObjectNode> on = Json.objects(u, "options", p);
        List<PlanOption> options = new ArrayList<>();
        for (int k = 0; k < on.size(); k++) {
            options.add(readOption(on.get(k), p + ".options[" + k + "]"));
        }
        return ModelJson.at(p, () -> new User(id, device, link, deadline, floor, options));
    }

    private static PlanOption readOption(ObjectNode o, String p) {
        Json.onlyFields(o, p, OPTION_FIELDS);
        List<String> exits = new ArrayList<>();
        if (Json.has(o, "exits")) {
            ArrayNode a = Json.array(o, "exits", p);
            for (int j = 0; j < a.size(); j++) {
                if (!a.get(j).isTextual()) {
                    throw new InvalidInstanceException(p + ".exits[" + j + "]: must be a string, got "
                            + Json.describe(a.get(j)));
                }
                exits.add(a.get(j).asText());
            }
        }
        return ModelJson.at(p, () -> new PlanOption(Json.string(o, "label", p), Json.number(o, "deviceSeconds", p),
                Json.number(o, "deviceJoules", p), Json.number(o, "uploadBits", p), Json.number(o, "edgeFlops", p),
                Json.number(o, "downloadBits", p), Json.number(o, "offloadProbability", p),
                Json.number(o, "accuracy", p), exits));
    }

    @Override
    public void write(Problem<?> problem, ObjectNode root) {
        MultiUserProblem p = (MultiUserProblem) problem;
        root.set("edge", ModelJson.writeEdge(p.edge()));
        root.put("computeUnits", p.computeUnits());
        root.put("bandwidthUnits", p.bandwidthUnits());
        root.set("objective", ModelJson.writeWeights(p.weights()));
        ArrayNode users = root.putArray("users");
        for (User u : p.users()) {
            ObjectNode un = users.addObject();
            un.put("id", u.id());
            un.set("device", ModelJson.writeDevice(u.device()));
            un.set("link", ModelJson.writeLink(u.link()));
            u.deadlineSeconds().ifPresent(d -> un.put("deadlineSeconds", d));
            u.accuracyFloor().ifPresent(a -> un.put("accuracyFloor", a));
            ArrayNode options = un.putArray("options");
            for (PlanOption o : u.options()) {
                ObjectNode on = options.addObject();
                on.put("label", o.label());
                on.put("deviceSeconds", o.deviceSeconds());
                on.put("deviceJoules", o.deviceJoules());
                on.put("uploadBits", o.uploadBits());
                on.put("edgeFlops", o.edgeFlops());
                on.put("downloadBits", o.downloadBits());
                on.put("offloadProbability", o.offloadProbability());
                on.put("accuracy", o.accuracy());
                ArrayNode ex = on.putArray("exits");
                o.exits().forEach(ex::add);
            }
        }
    }

    /**
     * Writes {@code c} in the compact form into {@code root}: each model once under {@code models}
     * as an inline {@code graph} (so the file does not depend on the zoo's version) with its
     * option rule, users naming their model. Reading it back gives {@code c.toProblem()}.
     */
    public static void writeCompact(CompactMultiUser c, ObjectNode root) {
        root.set("edge", ModelJson.writeEdge(c.edge()));
        root.put("computeUnits", c.computeUnits());
        root.put("bandwidthUnits", c.bandwidthUnits());
        root.set("objective", ModelJson.writeWeights(c.weights()));
        ObjectNode models = root.putObject("models");
        c.models().forEach((name, m) -> {
            ObjectNode mn = models.putObject(name);
            mn.set("graph", ModelJson.writeModel(m.graph()));
            if (m.placements().isPresent()) {
                ArrayNode list = mn.putArray("options");
                for (Placement pl : m.placements().get()) {
                    ObjectNode o = list.addObject();
                    o.put("cutAfter", pl.cutAfter());
                    ArrayNode ex = o.putArray("exits");
                    pl.exits().forEach(ex::add);
                }
            }
        });
        ArrayNode users = root.putArray("users");
        for (ModelUser u : c.users()) {
            ObjectNode un = users.addObject();
            un.put("id", u.id());
            un.set("device", ModelJson.writeDevice(u.device()));
            un.set("link", ModelJson.writeLink(u.link()));
            u.deadlineSeconds().ifPresent(d -> un.put("deadlineSeconds", d));
            u.accuracyFloor().ifPresent(a -> un.put("accuracyFloor", a));
            un.put("model", u.model());
        }
    }

    private static final Set<String> PLAN_FIELDS = Set.of("users", "cost");
    private static final Set<String> PLAN_USER_FIELDS = Set.of("id", "option", "label", "exits", "computeUnits",
            "bandwidthUnits", "cost");

    /**
     * Reads {@code users}: one object per user in the instance's order with {@code option} (index
     * into the user's options), {@code computeUnits} and {@code bandwidthUnits}; {@code id} and
     * {@code label}, when given, must match the user and the option. Unit budgets are left to the
     * evaluator.
     */
    @Override
    public Object readPlan(Problem<?> problem, JsonNode plan, String path) {
        MultiUserProblem p = (MultiUserProblem) problem;
        ObjectNode o = PlanJson.object(plan, path, PLAN_FIELDS);
        ArrayNode users = Json.array(o, "users", path);
        if (users.size() != p.users().size()) {
            throw new InvalidInstanceException(path + ".users: " + users.size() + " entries, the instance has "
                    + p.users().size() + " users");
        }
        List<UserChoice> choices = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String up = path + ".users[" + i + "]";
            ObjectNode u = PlanJson.object(users.get(i), up, PLAN_USER_FIELDS);
            User user = p.user(i);
            if (Json.has(u, "id") && !Json.string(u, "id", up).equals(user.id())) {
                throw new InvalidInstanceException(up + ".id: \"" + u.get("id").asText() + "\" but user " + i
                        + " of the instance is \"" + user.id() + "\"");
            }
            int option = PlanJson.nonNegativeInteger(u, "option", up);
            if (option >= user.options().size()) {
                throw new InvalidInstanceException(up + ".option: " + option + " is out of range; user \"" + user.id()
                        + "\" has " + user.options().size() + " options (0.." + (user.options().size() - 1) + ")");
            }
            if (Json.has(u, "label") && !Json.string(u, "label", up).equals(user.options().get(option).label())) {
                throw new InvalidInstanceException(up + ".label: \"" + u.get("label").asText() + "\" but option "
                        + option + " of user \"" + user.id() + "\" is \"" + user.options().get(option).label() + "\"");
            }
            choices.add(new UserChoice(option, PlanJson.nonNegativeInteger(u, "computeUnits", up),
                    PlanJson.nonNegativeInteger(u, "bandwidthUnits", up)));
        }
        return new MultiUserPlan(choices);
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan) {
        MultiUserPlan mp = (MultiUserPlan) Checks.present("plan", plan);
        return writePlan(problem, mp, ((MultiUserProblem) problem).evaluate(mp));
    }

    @Override
    public JsonNode writePlan(Problem<?> problem, Object plan, Evaluation evaluation) {
        MultiUserProblem p = (MultiUserProblem) problem;
        MultiUserPlan mp = (MultiUserPlan) Checks.present("plan", plan);
        MultiUserCost cost = cost(evaluation);
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode users = o.putArray("users");
        for (int i = 0; i < mp.size(); i++) {
            UserChoice c = mp.choice(i);
            PlanOption opt = p.user(i).options().get(c.option());
            UserCost uc = cost.users().get(i);
            ObjectNode u = users.addObject();
            u.put("id", p.user(i).id());
            u.put("option", c.option());
            u.put("label", opt.label());
            ArrayNode ex = u.putArray("exits");
            opt.exits().forEach(ex::add);
            u.put("computeUnits", c.computeUnits());
            u.put("bandwidthUnits", c.bandwidthUnits());
            ObjectNode uco = u.putObject("cost");
            uco.put("objective", uc.objective());
            uco.put("latencySeconds", uc.latencySeconds());
            uco.put("deviceComputeSeconds", uc.deviceSeconds());
            uco.put("uploadSeconds", uc.uploadSeconds());
            uco.put("edgeComputeSeconds", uc.edgeSeconds());
            uco.put("downloadSeconds", uc.downloadSeconds());
            uco.put("linkLatencySeconds", uc.linkLatencySeconds());
            uco.put("energyJoules", uc.energyJoules());
            uco.put("computeJoules", uc.computeJoules());
            uco.put("transmitJoules", uc.transmitJoules());
            uco.put("idleJoules", uc.idleJoules());
            uco.put("accuracy", uc.accuracy());
        }
        o.set("cost", writeCost(p, mp, cost));
        return o;
    }

    @Override
    public JsonNode writeCost(Problem<?> problem, Object plan, Evaluation evaluation) {
        MultiUserCost cost = cost(evaluation);
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("objective", cost.objective());
        t.put("latencySeconds", cost.latencySeconds());
        t.put("energyJoules", cost.energyJoules());
        t.put("computeUnits", cost.computeUnits());
        t.put("bandwidthUnits", cost.bandwidthUnits());
        ArrayNode v = t.putArray("violations");
        cost.violations().forEach(v::add);
        return t;
    }

    private static MultiUserCost cost(Evaluation evaluation) {
        if (evaluation instanceof MultiUserCost cost) {
            return cost;
        }
        throw new IllegalArgumentException("evaluation: a P4 plan's breakdown is a MultiUserCost, got "
                + (evaluation == null ? "null" : evaluation.getClass().getSimpleName()));
    }
}
