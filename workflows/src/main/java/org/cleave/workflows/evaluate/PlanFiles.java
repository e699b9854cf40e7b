package org.cleave.workflows.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.Verifier;
import org.cleave.instances.io.FamilyCodec;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.io.Json;
import org.cleave.workflows.groundtruth.Scenario;
import org.cleave.workflows.groundtruth.Scenarios;
import org.cleave.workflows.io.OutputFiles;
import org.cleave.workflows.report.Table;

/**
 * The files of {@code cleave evaluate}: plans, ground-truth labels and a policy's actions, all
 * JSON Lines, and the score table it writes. Every error is one line naming the file, the line
 * number and, inside a plan, the JSON path and the value
 * ({@code plans.jsonl line 3: plan.edgeLayers[1]: unknown layer id "conv9"}).
 *
 * <ul>
 *   <li><b>Plans</b>: one plan per line, either the plan object as {@code cleave solve --json}
 *   writes it under {@code plan} (read by the family's {@link FamilyCodec#readPlan}) or that whole
 *   output, whose {@code plan} is taken. Blank lines are skipped; a plan's index is its 0-based line.</li>
 *   <li><b>Labels</b> (from {@code cleave groundtruth}): one object per state with {@code state_index}
 *   (integer), one {@code state_<axis>} number per state axis, the axis name with {@code -} written
 *   {@code _} ({@code state_uplink_scale} is the axis {@code uplink-scale}), and {@code objective}
 *   (the optimum; {@code null} or NaN when the state has none). Other fields are ignored. The
 *   state is applied to the base instance with the family's groundtruth {@link Scenario}, as
 *   {@code groundtruth} does: first the per-user arrays {@code state_user_<quantity>} (P4), then the
 *   axes in the order of the line's fields, a bandwidth trace's {@code state_uplink_bps} and
 *   {@code state_downlink_bps} read as the {@code uplink} and {@code downlink} axes
 *   ({@code state_trace_row} and {@code state_time_s} are ignored).</li>
 *   <li><b>Actions</b>: {@code {"state_index": 17, "plan": {...}}}, at most one per state, each
 *   state present in the labels.</li>
 * </ul>
 */
public final class PlanFiles {
    private static final PlanEvaluator EVALUATOR = new PlanEvaluator();

    private PlanFiles() {
    }

    /**
     * A plan read from a file.
     *
     * @param index the 0-based line it was on
     * @param plan  the plan, of the problem's plan type
     */
    public record IndexedPlan(long index, Object plan) {
    }

    /**
     * One labelled state.
     *
     * @param stateIndex the label's {@code state_index}
     * @param line       the 1-based line of the labels file
     * @param problem    the base problem with the state applied
     * @param objective  the label's optimum, NaN when it has none
     */
    public record LabelledState(long stateIndex, int line, Problem<?> problem, double objective) {
    }

    /** Reads a plans file for {@code problem}. */
    public static List<IndexedPlan> readPlans(Problem<?> problem, Path file) {
        FamilyCodec codec = InstanceJson.codec(problem.family());
        List<IndexedPlan> plans = new ArrayList<>();
        forEachLine(file, (line, node, where) -> {
            ObjectNode o = object(node, where);
            JsonNode plan = o;
            if (o.has("plan")) {
                // a whole `solve --json` output (no family's plan has a field "plan")
                if (o.hasNonNull("family") && !o.get("family").asText().equals(problem.family().key())) {
                    throw new IllegalArgumentException(where + ": family: \"" + o.get("family").asText()
                            + "\" but the instance is of family " + problem.family().key());
                }
                plan = o.get("plan");
            } else if (o.has("status") && o.has("solver") && !o.has("plan")) {
                throw new IllegalArgumentException(where + ": a solve output without a plan (status "
                        + o.get("status").asText() + ")");
            }
            plans.add(new IndexedPlan(line - 1, readPlan(codec, problem, plan, where)));
        });
        return plans;
    }

    /** Reads a labels file: the states of {@code base}, by state index. */
    public static Map<Long, LabelledState> readLabels(Problem<?> base, Path file) {
        Scenario scenario = Scenarios.of(base.family());
        Map<String, String> axisByKey = new LinkedHashMap<>();
        for (String axis : scenario.axes().keySet()) {
            axisByKey.put("state_" + axis.replace('-', '_'), axis);
        }
        Map<Long, LabelledState> states = new LinkedHashMap<>();
        forEachLine(file, (line, node, where) -> {
            ObjectNode o = object(node, where);
            long index = stateIndex(o, where);
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            Map<String, double[]> perUser = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey();
                if (scenario.axes().containsKey(key)) {
                    throw new IllegalArgumentException(where + ": " + key + ": a state column without the state_"
                            + " prefix (a label file of schema 1?); expected state_" + key.replace('-', '_'));
                }
                if (!key.startsWith("state_") || key.equals("state_index") || key.equals("state_trace_row")
                        || key.equals("state_time_s")) {
                    continue;
                }
                if (key.startsWith("state_user_") && f.getValue().isArray()) { // per-user draws, applied first
                    JsonNode a = f.getValue();
                    double[] draw = new double[a.size()];
                    for (int u = 0; u < draw.length; u++) {
                        if (!a.get(u).isNumber()) {
                            throw new IllegalArgumentException(where + ": " + key + "[" + u + "]: must be a number,"
                                    + " got " + Json.describe(a.get(u)));
                        }
                        draw[u] = a.get(u).doubleValue();
                    }
                    perUser.put(key.substring("state_user_".length()), draw);
                    continue;
                }
                String axis = key.equals("state_uplink_bps") ? "uplink" // a bandwidth trace's rates
                        : key.equals("state_downlink_bps") ? "downlink" : axisByKey.get(key);
                if (axis == null) {
                    throw new IllegalArgumentException(where + ": " + key + ": not a state axis of family "
                            + base.family().key() + "; known: " + String.join(", ", axisByKey.keySet()));
                }
                if (!f.getValue().isNumber()) {
                    throw new IllegalArgumentException(where + ": " + key + ": must be a number, got "
                            + Json.describe(f.getValue()));
                }
                names.add(axis);
                values.add(f.getValue().doubleValue());
            }
            if (!o.has("objective")) {
                throw new IllegalArgumentException(where + ": objective: required number is missing (the optimum)");
            }
            JsonNode obj = o.get("objective");
            if (!obj.isNull() && !obj.isNumber()) {
                throw new IllegalArgumentException(where + ": objective: must be a number or null, got "
                        + Json.describe(obj));
            }
            double objective = obj.isNull() ? Double.NaN : obj.doubleValue();
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            Problem<?> problem;
            try {
                Problem<?> start = base;
                for (Map.Entry<String, double[]> d : perUser.entrySet()) {
                    start = scenario.applyPerUser(start, d.getKey(), d.getValue());
                }
                problem = scenario.apply(start, names, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": state: " + e.getMessage());
            }
            LabelledState previous = states.put(index, new LabelledState(index, line, problem, objective));
            if (previous != null) {
                throw new IllegalArgumentException(where + ": state_index " + index + " is also on line "
                        + previous.line());
            }
        });
        return states;
    }

    /** Reads an actions file and pairs every action with its labelled state; scores nothing yet. */
    public static List<Map.Entry<LabelledState, Object>> readActions(Map<Long, LabelledState> states, Path file) {
        List<Map.Entry<LabelledState, Object>> out = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        forEachLine(file, (line, node, where) -> {
            ObjectNode o = object(node, where);
            long index = stateIndex(o, where);
            LabelledState state = states.get(index);
            if (state == null) {
                throw new IllegalArgumentException(where + ": state_index " + index + " is not in the labels ("
                        + states.size() + " states)");
            }
            Integer before = seen.put(index, line);
            if (before != null) {
                throw new IllegalArgumentException(where + ": state_index " + index
                        + " already has an action (line " + before + ")");
            }
            if (!o.has("plan")) {
                throw new IllegalArgumentException(where + ": plan: required object is missing");
            }
            Problem<?> p = state.problem();
            out.add(Map.entry(state, readPlan(InstanceJson.codec(p.family()), p, o.get("plan"), where)));
        });
        return out;
    }

    /**
     * Scores each action in its state against the label's optimum. With {@code recheckSolver}
     * given, every acted-on state is first solved again with that exact solver and verified
     * ({@link PlanEvaluator#optimum}); a label whose objective differs by more than
     * {@link Verifier#RELATIVE_TOLERANCE} relative is an error naming both values.
     */
    public static List<PlanScore> scoreActions(List<Map.Entry<LabelledState, Object>> actions, String recheckSolver,
                                               SolveLimits limits, String labelsName) {
        List<PlanScore> scores = new ArrayList<>(actions.size());
        for (Map.Entry<LabelledState, Object> a : actions) {
            LabelledState s = a.getKey();
            if (recheckSolver != null) {
                double solved = EVALUATOR.optimum(s.problem(), recheckSolver, limits).objective();
                boolean same = Double.isNaN(solved) ? Double.isNaN(s.objective())
                        : Verifier.close(solved, s.objective(), Verifier.RELATIVE_TOLERANCE);
                if (!same) {
                    throw new IllegalArgumentException(labelsName + " line " + s.line() + ": objective: "
                            + s.objective() + " but " + recheckSolver + " finds " + solved + " for state_index "
                            + s.stateIndex());
                }
            }
            scores.add(EVALUATOR.score(s.stateIndex(), s.problem(), a.getValue(), s.objective()));
        }
        return scores;
    }

    /** The columns of a score table: the index column, the fixed columns and the family's breakdown. */
    public static List<String> columns(Family family, String indexColumn) {
        return columns(Breakdowns.columns(family), List.of(), indexColumn);
    }

    /**
     * The columns of a score table for {@code problem}: as {@link #columns(Family, String)}, with a
     * multi-user P5 problem's own breakdown and its per-user columns after it ({@link Breakdowns#userColumns}).
     */
    public static List<String> columns(Problem<?> problem, String indexColumn) {
        return columns(Breakdowns.columns(problem), Breakdowns.userColumns(problem), indexColumn);
    }

    private static List<String> columns(List<String> breakdown, List<String> perUser, String indexColumn) {
        List<String> c = new ArrayList<>(List.of(indexColumn, "feasible", "violations", "objective"));
        c.addAll(breakdown);
        c.addAll(perUser);
        c.add("optimum");
        c.add("gap");
        return c;
    }

    /** The score table as text: CSV with a header, or JSON Lines. Violations are joined by {@code "; "}. */
    public static String table(Family family, String indexColumn, List<PlanScore> scores, Table format) {
        return table(Breakdowns.columns(family), List.of(), indexColumn, scores, format);
    }

    /**
     * The score table of {@code problem}'s plans ({@link #columns(Problem, String)}); a per-user
     * column is a JSON array in JSON Lines and the same JSON text in CSV ({@link Table}).
     */
    public static String table(Problem<?> problem, String indexColumn, List<PlanScore> scores, Table format) {
        return table(Breakdowns.columns(problem), Breakdowns.userColumns(problem), indexColumn, scores, format);
    }

    private static String table(List<String> breakdown, List<String> perUser, String indexColumn,
                                List<PlanScore> scores, Table format) {
        List<String> columns = columns(breakdown, perUser, indexColumn);
        StringBuilder b = new StringBuilder(format.header(columns));
        for (PlanScore s : scores) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(s.index());
            row.add(s.feasible());
            row.add(String.join("; ", s.violations()));
            row.add(s.objective());
            for (String k : breakdown) {
                row.add(s.breakdown().get(k));
            }
            for (String k : perUser) {
                row.add(s.perUser().get(k));
            }
            row.add(s.optimum());
            row.add(s.gap());
            b.append(format.row(columns, row));
        }
        return b.toString();
    }

    /**
     * Writes the score table to {@code out} through a temporary file; an existing {@code out} is
     * replaced only if it is a score table (its first line starts with the index column and
     * {@code feasible}, as a CSV header or a JSON Lines row).
     */
    public static void write(Family family, String indexColumn, List<PlanScore> scores, Table format, Path out) {
        OutputFiles.writeString("out", out, table(family, indexColumn, scores, format));
    }

    /** {@link #write(Family, String, List, Table, Path)} with {@code problem}'s columns ({@link #table(Problem, String, List, Table)}). */
    public static void write(Problem<?> problem, String indexColumn, List<PlanScore> scores, Table format, Path out) {
        OutputFiles.writeString("out", out, table(problem, indexColumn, scores, format));
    }

    @FunctionalInterface
    interface LineHandler {
        void accept(int line, JsonNode node, String where);
    }

    static void forEachLine(Path file, LineHandler handler) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(name + ": no such file: " + file);
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = r.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String where = name + " line " + line;
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    String msg = e.getOriginalMessage();
                    int cut = msg.indexOf('\n');
                    throw new IllegalArgumentException(where + ": malformed JSON"
                            + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()) + ": "
                            + (cut >= 0 ? msg.substring(0, cut) : msg));
                }
                handler.accept(line, node, where);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read " + file + " (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    static ObjectNode object(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": must be a JSON object, got " + Json.describe(node));
        }
        return (ObjectNode) node;
    }

    private static long stateIndex(ObjectNode o, String where) {
        JsonNode n = o.get("state_index");
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(where + ": state_index: required integer is missing");
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new IllegalArgumentException(where + ": state_index: must be an integer >= 0, got "
                    + Json.describe(n));
        }
        return n.longValue();
    }

    private static Object readPlan(FamilyCodec codec, Problem<?> problem, JsonNode plan, String where) {
        try {
            return codec.readPlan(problem, plan, "plan");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
