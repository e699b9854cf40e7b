package org.cleave.workflows.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.cleave.core.exits.ExitPlan;
import org.cleave.core.model.Placement;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.Family;

/**
 * The compact actions of {@code docs/protocol.md} (for RL agents), read into plans and written
 * from them. P1: {@code {"cut": i}} or {@code {"edgeMask": [0, 1, ...]}}; P2: the same plus
 * {@code "exits": [ids]}; P4: {@code {"options": [...], "computeUnits": [...],
 * "bandwidthUnits": [...]}}. Reading checks the shape (lengths, types, ranges of {@code cut});
 * everything else (monotone placement, input on the device, known exits, option indices) is left
 * to the family's evaluator. O(layers) or O(users) per action.
 */
public final class Actions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PLACEMENT_FIELDS = Set.of("cut", "edgeMask");
    private static final Set<String> EXITS_FIELDS = Set.of("cut", "edgeMask", "exits");
    private static final Set<String> MULTIUSER_FIELDS = Set.of("options", "computeUnits", "bandwidthUnits");

    private Actions() {
    }

    /** The compact fields of {@code family}'s actions. */
    public static Set<String> fields(Family family) {
        return switch (family) {
            case PARTITION -> PLACEMENT_FIELDS;
            case EXITS -> EXITS_FIELDS;
            case MULTIUSER -> MULTIUSER_FIELDS;
            default -> Set.of();
        };
    }

    /** Whether {@code node} is an object using only compact fields (an empty object counts as compact). */
    public static boolean isCompact(Family family, JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        Set<String> f = fields(family);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!f.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The plan of compact action {@code node} on {@code session}.
     *
     * @param path the JSON path of {@code node} in messages, e.g. {@code action}
     * @throws ServeException            {@code bad_request} for a wrong JSON type or an unknown field
     * @throws IllegalArgumentException for a value that does not fit (length, range), naming the path
     */
    public static Object read(Session session, JsonNode node, String path) {
        Family family = session.family();
        if (node == null || !node.isObject()) {
            throw bad(path + ": must be an object, got " + describe(node));
        }
        Set<String> allowed = fields(family);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw bad(path + "." + f + ": unknown field; " + family.key() + " actions have "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return switch (family) {
            case PARTITION -> placement(session, node, path);
            case EXITS -> new ExitPlan(exits(node, path), placement(session, node, path));
            case MULTIUSER -> multiUser(session, node, path);
            default -> throw new ServeException(ServeException.Code.UNSUPPORTED, path + ": family " + family.key()
                    + " has no compact actions");
        };
    }

    private static Placement placement(Session session, JsonNode node, String path) {
        JsonNode cut = node.get("cut");
        JsonNode mask = node.get("edgeMask");
        if (cut == null && mask == null) {
            throw bad(path + ": needs cut or edgeMask");
        }
        Placement byCut = null;
        if (cut != null) {
            int i = integer(cut, path + ".cut", "cut");
            try {
                byCut = session.cutPlacement(i);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + "." + e.getMessage(), e);
            }
        }
        Placement byMask = mask == null ? null : mask(session, mask, path + ".edgeMask");
        if (byCut != null && byMask != null && !byCut.equals(byMask)) {
            throw new IllegalArgumentException(path + ": cut " + cut.asInt() + " and edgeMask disagree; give one");
        }
        return byCut != null ? byCut : byMask;
    }

    private static Placement mask(Session session, JsonNode mask, String path) {
        if (!mask.isArray()) {
            throw bad(path + ": must be an array of 0/1, got " + describe(mask));
        }
        int n = session.layerCount();
        if (mask.size() != n) {
            throw new IllegalArgumentException(path + ": length " + mask.size() + ", expected " + n
                    + " (one entry per layer)");
        }
        boolean[] edge = new boolean[n];
        for (int v = 0; v < n; v++) {
            JsonNode x = mask.get(v);
            if (x.isBoolean()) {
                edge[v] = x.booleanValue();
            } else if (x.isIntegralNumber() && (x.asLong() == 0 || x.asLong() == 1)) {
                edge[v] = x.asLong() == 1;
            } else if (x.isNumber() || x.isBoolean()) {
                throw new IllegalArgumentException(path + "[" + v + "]: must be 0 or 1, got " + x);
            } else {
                throw bad(path + "[" + v + "]: must be 0 or 1, got " + describe(x));
            }
        }
        return Placement.of(edge);
    }

    private static List<String> exits(JsonNode node, String path) {
        JsonNode e = node.get("exits");
        if (e == null || e.isNull()) {
            return List.of();
        }
        if (!e.isArray()) {
            throw bad(path + ".exits: must be an array of exit ids, got " + describe(e));
        }
        List<String> ids = new ArrayList<>(e.size());
        for (int k = 0; k < e.size(); k++) {
            if (!e.get(k).isTextual()) {
                throw bad(path + ".exits[" + k + "]: must be an exit id (string), got " + describe(e.get(k)));
            }
            ids.add(e.get(k).textValue());
        }
        return ids;
    }

    private static MultiUserPlan multiUser(Session session, JsonNode node, String path) {
        int n = session.userCount();
        int[] options = ints(node, "options", path, n);
        int[] kf = ints(node, "computeUnits", path, n);
        int[] kb = ints(node, "bandwidthUnits", path, n);
        List<UserChoice> choices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (options[i] < 0 || kf[i] < 0 || kb[i] < 0) {
                String f = options[i] < 0 ? "options" : kf[i] < 0 ? "computeUnits" : "bandwidthUnits";
                int v = options[i] < 0 ? options[i] : kf[i] < 0 ? kf[i] : kb[i];
                throw new IllegalArgumentException(path + "." + f + "[" + i + "]: must be >= 0, got " + v);
            }
            choices.add(new UserChoice(options[i], kf[i], kb[i]));
        }
        return new MultiUserPlan(choices);
    }

    private static int[] ints(JsonNode node, String name, String path, int n) {
        JsonNode a = node.get(name);
        String p = path + "." + name;
        if (a == null) {
            throw bad(p + ": required array is missing (one integer per user)");
        }
        if (!a.isArray()) {
            throw bad(p + ": must be an array of integers, got " + describe(a));
        }
        if (a.size() != n) {
            throw new IllegalArgumentException(p + ": length " + a.size() + ", expected " + n + " (one per user)");
        }
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = integer(a.get(i), p + "[" + i + "]", null);
        }
        return r;
    }

    private static int integer(JsonNode x, String path, String what) {
        if (!x.isIntegralNumber()) {
            throw bad(path + ": must be an integer, got " + describe(x));
        }
        if (!x.canConvertToInt()) {
            throw new IllegalArgumentException(path + ": out of range, got " + x);
        }
        return x.intValue();
    }

    /** The canonical compact action of {@code plan} (see the class comment). */
    public static ObjectNode write(Session session, Object plan) {
        ObjectNode o = NODES.objectNode();
        if (plan instanceof Placement p) {
            placement(session, p, o);
        } else if (plan instanceof ExitPlan e) {
            placement(session, e.placement(), o);
            ArrayNode ex = o.putArray("exits");
            e.activeExits().forEach(ex::add);
        } else if (plan instanceof MultiUserPlan m) {
            ArrayNode options = o.putArray("options");
            ArrayNode kf = o.putArray("computeUnits");
            ArrayNode kb = o.putArray("bandwidthUnits");
            for (UserChoice c : m.choices()) {
                options.add(c.option());
                kf.add(c.computeUnits());
                kb.add(c.bandwidthUnits());
            }
        } else {
            throw new IllegalArgumentException("plan: no compact form for a " + plan.getClass().getSimpleName());
        }
        return o;
    }

    private static void placement(Session session, Placement p, ObjectNode o) {
        OptionalInt cut = session.cutOf(p);
        if (cut.isPresent()) {
            o.put("cut", cut.getAsInt());
        } else {
            o.putNull("cut");
        }
        ArrayNode mask = o.putArray("edgeMask");
        for (int v = 0; v < p.size(); v++) {
            mask.add(p.onEdge(v) ? 1 : 0);
        }
    }

    private static ServeException bad(String message) {
        return new ServeException(ServeException.Code.BAD_REQUEST, message);
    }

    /** A short description of a JSON value for messages: its type and, when short, its text. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String type = node.isObject() ? "an object" : node.isArray() ? "an array" : node.isTextual() ? "a string"
                : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "a number";
        if (node.isContainerNode()) {
            return type;
        }
        String text = node.toString();
        return node.isNull() ? type : type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
