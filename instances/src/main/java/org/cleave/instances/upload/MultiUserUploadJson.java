package org.cleave.instances.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cleave.core.model.Checks;
import org.cleave.core.model.CostWeights;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.Evaluation;
import org.cleave.core.upload.MultiUserUploadCost;
import org.cleave.core.upload.MultiUserUploadPlan;
import org.cleave.core.upload.MultiUserUploadProblem;
import org.cleave.core.upload.UploadCost;
import org.cleave.core.upload.UploadMode;
import org.cleave.core.upload.UploadUser;
import org.cleave.core.upload.UserAllocation;
import org.cleave.instances.io.InvalidInstanceException;
import org.cleave.instances.io.Json;
import org.cleave.instances.io.ModelJson;
import org.cleave.instances.io.PlanJson;

/**
 * The multi-user P5 instance and plan format ({@link MultiUserUploadProblem}), the part of the
 * {@code upload} family's format ({@link UploadCodec}) used when the file has {@code users}.
 *
 * <p>Instance: {@code edge} (rate F), {@code computeUnits} (K_F), {@code uplinkBitsPerSecond} (W,
 * the whole shared uplink), {@code bandwidthUnits} (K_B), optional {@code objective} and
 * {@code mode} (as single-user P5, the same for every user), and {@code users}: each with
 * {@code id}, {@code model} (a model object; layers' {@code paramBytes} are uploaded),
 * {@code device}, {@code downlinkBitsPerSecond} and optional {@code latencySeconds} (default 0).
 *
 * <p>Plan: {@code users}, one object per user in the instance's order, with the user's placement
 * as single-user P5 writes it ({@code edgeLayers}, {@code deviceLayers} and/or {@code edgeMask},
 * see {@link PlanJson}), {@code computeUnits} (k_F,i) and {@code bandwidthUnits} (k_B,i); an
 * {@code id}, when given, must be the user's. {@link #writePlan} adds each user's
 * {@code sentTensors} and {@code cost} and the plan's {@code cost}; these are ignored on reading.
 * Unit budgets, a user that offloads with zero units and non-monotone placements are left to the
 * evaluator. O(Σ|V_i|) per plan.
 */
public final class MultiUserUploadJson {
    /** Top-level instance fields of the multi-user form besides the common ones. */
    static final Set<String> FIELDS = Set.of("edge", "computeUnits", "uplinkBitsPerSecond", "bandwidthUnits",
            "objective", "mode", "users");
    private static final Set<String> USER_FIELDS = Set.of("id", "model", "device", "downlinkBitsPerSecond",
            "latencySeconds");
    private static final Set<String> PLAN_FIELDS = Set.of("users", "cost");
    private static final Set<String> PLAN_USER_FIELDS = Set.of("id", "deviceLayers", "edgeLayers", "edgeMask",
            "computeUnits", "bandwidthUnits", "sentTensors", "cost");

    private MultiUserUploadJson() {
    }

    /** Reads the multi-user problem from the instance's root object ({@code path} is {@code $}). */
    public static MultiUserUploadProblem read(ObjectNode root, String path) {
        for (String single : List.of("model", "device", "link", "deviceLoad")) {
            if (Json.has(root, single)) {
                throw new InvalidInstanceException(path + "." + single + ": a multi-user P5 instance (it has users)"
                        + " states " + single + " per user; remove the top-level " + single);
            }
        }
        EdgeServer edge = ModelJson.readEdge(Json.object(root, "edge", path), path + ".edge");
        int kf = Json.integer(root, "computeUnits", path);
        double w = Json.number(root, "uplinkBitsPerSecond", path);
        int kb = Json.integer(root, "bandwidthUnits", path);
        CostWeights weights = ModelJson.readWeights(root, "objective", path);
        UploadMode mode;
        try {
            mode = UploadMode.fromKey(Json.optionalString(root, "mode", path, UploadMode.PARALLEL.key()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInstanceException(path + "." + e.getMessage());
        }
        List<ObjectNode> nodes = Json.objects(root, "users", path);
        List<UploadUser> users = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            ObjectNode u = nodes.get(i);
            String p = path + ".users[" + i + "]";
            Json.onlyFields(u, p, USER_FIELDS);
            String id = Json.string(u, "id", p);
            DnnGraph graph = ModelJson.readModel(Json.object(u, "model", p), p + ".model");
            var device = ModelJson.readDevice(Json.object(u, "device", p), p + ".device");
            double down = Json.number(u, "downlinkBitsPerSecond", p);
            double latency = Json.optionalNumber(u, "latencySeconds", p, 0);
            users.add(ModelJson.at(p, () -> new UploadUser(id, graph, device, down, latency)));
        }
        return ModelJson.at(path, () -> new MultiUserUploadProblem(users, edge, kf, w, kb, weights, mode));
    }

    /** Writes {@code p}'s fields into {@code root}; {@link #read} gives an equal problem back. */
    public static void write(MultiUserUploadProblem p, ObjectNode root) {
        root.set("edge", ModelJson.writeEdge(p.edge()));
        root.put("computeUnits", p.computeUnits());
        root.put("uplinkBitsPerSecond", p.uplinkBitsPerSecond());
        root.put("bandwidthUnits", p.bandwidthUnits());
        root.set("objective", ModelJson.writeWeights(p.weights()));
        root.put("mode", p.mode().key());
        ArrayNode users = root.putArray("users");
        for (UploadUser u : p.users()) {
            ObjectNode un = users.addObject();
            un.put("id", u.id());
            un.set("model", ModelJson.writeModel(u.graph()));
            un.set("device", ModelJson.writeDevice(u.device()));
            un.put("downlinkBitsPerSecond", u.downlinkBitsPerSecond());
            un.put("latencySeconds", u.latencySeconds());
        }
    }

    /**
     * Reads a plan's decision (see the class comment).
     *
     * @throws InvalidInstanceException naming the JSON path and the value: a wrong number of users,
     *                                  a mismatched id, an unknown layer, a negative or non-integer unit count
     */
    public static MultiUserUploadPlan readPlan(MultiUserUploadProblem p, JsonNode plan, String path) {
        ObjectNode o = PlanJson.object(plan, path, PLAN_FIELDS);
        ArrayNode users = Json.array(o, "users", path);
        if (users.size() != p.users().size()) {
            throw new InvalidInstanceException(path + ".users: " + users.size() + " entries, the instance has "
                    + p.users().size() + " users");
        }
        List<UserAllocation> allocations = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String up = path + ".users[" + i + "]";
            ObjectNode u = PlanJson.object(users.get(i), up, PLAN_USER_FIELDS);
            UploadUser user = p.users().get(i);
            if (Json.has(u, "id") && !Json.string(u, "id", up).equals(user.id())) {
                throw new InvalidInstanceException(up + ".id: \"" + u.get("id").asText() + "\" but user " + i
                        + " of the instance is \"" + user.id() + "\"");
            }
            Placement placement = PlanJson.placement(user.graph(), u, up);
            int kf = PlanJson.nonNegativeInteger(u, "computeUnits", up);
            int kb = PlanJson.nonNegativeInteger(u, "bandwidthUnits", up);
            allocations.add(new UserAllocation(placement, kf, kb));
        }
        return new MultiUserUploadPlan(allocations);
    }

    /** The plan as JSON with every user's cost and the plan's cost, from {@code evaluation} ({@code p}'s evaluation of it). */
    public static ObjectNode writePlan(MultiUserUploadProblem p, MultiUserUploadPlan plan, Evaluation evaluation) {
        Checks.present("plan", plan);
        MultiUserUploadCost cost = cost(evaluation);
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode users = o.putArray("users");
        for (int i = 0; i < plan.allocations().size(); i++) {
            UserAllocation a = plan.allocations().get(i);
            DnnGraph g = p.users().get(i).graph();
            UploadCost uc = cost.users().get(i);
            ObjectNode u = users.addObject();
            u.put("id", p.users().get(i).id());
            u.putPOJO("deviceLayers", a.placement().deviceLayerIds(g));
            u.putPOJO("edgeLayers", a.placement().edgeLayerIds(g));
            u.put("computeUnits", a.computeUnits());
            u.put("bandwidthUnits", a.bandwidthUnits());
            u.putPOJO("sentTensors", uc.sentTensors());
            u.set("cost", UploadCodec.writeCost(uc));
        }
        o.set("cost", writeCost(cost));
        return o;
    }

    /** The plan's {@code cost}: objective, totals, unit use and violations. */
    public static ObjectNode writeCost(Evaluation evaluation) {
        MultiUserUploadCost cost = cost(evaluation);
        double latency = 0;
        double energy = 0;
        for (UploadCost u : cost.users()) {
            latency += u.latencySeconds();
            energy += u.energyJoules();
        }
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("objective", cost.objective());
        t.put("latencySeconds", latency);
        t.put("energyJoules", energy);
        t.put("computeUnits", cost.computeUnitsUsed());
        t.put("bandwidthUnits", cost.bandwidthUnitsUsed());
        ArrayNode v = t.putArray("violations");
        cost.violations().forEach(v::add);
        return t;
    }

    private static MultiUserUploadCost cost(Evaluation evaluation) {
        if (evaluation instanceof MultiUserUploadCost c) {
            return c;
        }
        throw new IllegalArgumentException("evaluation: a multi-user P5 plan's breakdown is a MultiUserUploadCost,"
                + " got " + (evaluation == null ? "null" : evaluation.getClass().getSimpleName()));
    }
}
