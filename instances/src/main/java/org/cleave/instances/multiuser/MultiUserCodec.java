package org.cleave.instances.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
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

/**
 * The P4 instance format: {@code edge}, {@code computeUnits} (K_F), {@code bandwidthUnits} (K_B),
 * optional {@code objective} and {@code users}: each with {@code id}, {@code device}, {@code link}
 * (uplink = the rate with the whole shared uplink), optional {@code deadlineSeconds} and
 * {@code accuracyFloor}, and its stated {@code options} ({@code label, deviceSeconds, deviceJoules,
 * uploadBits, edgeFlops, downloadBits, offloadProbability, accuracy, exits}). See
 * {@code multiuser.schema.json}.
 */
public final class MultiUserCodec implements FamilyCodec {
    private static final Set<String> USER_FIELDS = Set.of("id", "device", "link", "deadlineSeconds", "accuracyFloor",
            "options");
    private static final Set<String> OPTION_FIELDS = Set.of("label", "deviceSeconds", "deviceJoules", "uploadBits",
            "edgeFlops", "downloadBits", "offloadProbability", "accuracy", "exits");

    @Override
    public Family family() {
        return Family.MULTIUSER;
    }

    @Override
    public Set<String> fields() {
        return Set.of("edge", "computeUnits", "bandwidthUnits", "objective", "users");
    }

    @Override
    public Problem<?> read(ObjectNode root, String path) {
        var edge = ModelJson.readEdge(Json.object(root, "edge", path), path + ".edge");
        int kf = Json.integer(root, "computeUnits", path);
        int kb = Json.integer(root, "bandwidthUnits", path);
        var weights = ModelJson.readWeights(root, "objective", path);
        List<ObjectNode> nodes = Json.objects(root, "users", path);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            users.add(readUser(nodes.get(i), path + ".users[" + i + "]"));
        }
        return ModelJson.at(path, () -> new MultiUserProblem(edge, kf, kb, weights, users));
    }

    private static User readUser(ObjectNode u, String p) {
        Json.onlyFields(u, p, USER_FIELDS);
        String id = Json.string(u, "id", p);
        var device = ModelJson.readDevice(Json.object(u, "device", p), p + ".device");
        var link = ModelJson.readLink(Json.object(u, "link", p), p + ".link");
        OptionalDouble deadline = Json.has(u, "deadlineSeconds")
                ? OptionalDouble.of(Json.number(u, "deadlineSeconds", p)) : OptionalDouble.empty();
        OptionalDouble floor = Json.has(u, "accuracyFloor")
                ? OptionalDouble.of(Json.number(u, "accuracyFloor", p)) : OptionalDouble.empty();
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
