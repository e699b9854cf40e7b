package org.cleave.workflows.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cleave.core.online.Trace;
import org.cleave.instances.io.Json;
import org.cleave.workflows.io.OutputFiles;
import org.cleave.workflows.report.Table;

/**
 * The files of {@code cleave evaluate --online}: a P7 schedule (JSON Lines) and the per-sample
 * table it writes.
 *
 * <p><b>Schedule.</b> One line per trace sample, in trace order:
 * {@code {"sample": 0, "id": "s0", "split": 3}}. {@code sample} (required, integer) is the
 * sample's 0-based position in the trace and must be 0, 1, 2, … on successive lines;
 * {@code split} (required, integer) is the exit the policy split at, in [0, L−1] (the numbering
 * of the trace and of {@code cleave online}); {@code id} (optional, string) must equal the
 * trace's id of that sample when given, which catches a schedule paired with a reordered or
 * different trace. Other fields are ignored; blank lines are skipped. There is one format: a
 * fixed split is a schedule with the same {@code split} on every line. Every error is one line
 * naming the file, the line, the field and the value ({@code s.jsonl line 17: sample: 20,
 * expected 16}).
 */
public final class ScheduleFiles {
    /** The columns of the per-sample table, in order. */
    public static final List<String> COLUMNS = List.of("sample", "id", "split", "offloaded", "answer_exit",
            "confidence", "correct", "reward", "cost", "best_fixed_reward", "oracle_split", "oracle_reward",
            "regret_best_fixed", "regret_oracle");

    private ScheduleFiles() {
    }

    /**
     * Reads a schedule for {@code trace}: the split of every sample.
     *
     * @throws IllegalArgumentException one line naming the file, the line, the field and the value
     */
    public static int[] read(Trace trace, Path file) {
        int n = trace.size();
        int last = trace.exits() - 1;
        int[] splits = new int[n];
        int[] count = {0};
        PlanFiles.forEachLine(file, (line, node, where) -> {
            ObjectNode o = PlanFiles.object(node, where);
            int expected = count[0];
            long sample = integer(o, "sample", where);
            if (expected >= n) {
                throw new IllegalArgumentException(where + ": sample: " + sample + ", but the trace has only " + n
                        + " samples (0 … " + (n - 1) + ")");
            }
            if (sample != expected) {
                throw new IllegalArgumentException(where + ": sample: " + sample + ", expected " + expected
                        + " (one line per sample, in trace order)");
            }
            long split = integer(o, "split", where);
            if (split < 0 || split > last) {
                throw new IllegalArgumentException(where + ": split: " + split + ", expected an exit in [0, " + last
                        + "]");
            }
            JsonNode id = o.get("id");
            if (id != null && !id.isNull()) {
                if (!id.isTextual()) {
                    throw new IllegalArgumentException(where + ": id: must be a string, got " + Json.describe(id));
                }
                if (!id.asText().equals(trace.sampleId(expected))) {
                    throw new IllegalArgumentException(where + ": id: \"" + id.asText() + "\" but sample " + expected
                            + " of the trace is \"" + trace.sampleId(expected) + "\"");
                }
            }
            splits[expected] = (int) split;
            count[0]++;
        });
        if (count[0] < n) {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            throw new IllegalArgumentException(name + ": " + count[0] + " schedule lines for a trace of " + n
                    + " samples; sample " + count[0] + (count[0] < n - 1 ? " … " + (n - 1) : "") + " missing");
        }
        return splits;
    }

    /** The schedule as JSON Lines: {@code {"sample":t,"id":"…","split":i}} per sample. O(n). */
    public static String text(Trace trace, int[] splits) {
        if (splits.length != trace.size()) {
            throw new IllegalArgumentException("schedule: must have one split per sample (" + trace.size()
                    + "), got " + splits.length);
        }
        StringBuilder b = new StringBuilder(splits.length * 32);
        for (int t = 0; t < splits.length; t++) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("sample", t);
            o.put("id", trace.sampleId(t));
            o.put("split", splits[t]);
            b.append(o).append('\n');
        }
        return b.toString();
    }

    /** The per-sample table ({@link #COLUMNS}) as CSV with a header or JSON Lines. */
    public static String table(ScheduleScore score, Table format) {
        StringBuilder b = new StringBuilder(format.header(COLUMNS));
        for (SampleScore s : score.samples()) {
            List<Object> row = new ArrayList<>(COLUMNS.size());
            row.add(s.sample());
            row.add(s.sampleId());
            row.add(s.split());
            row.add(s.offloaded());
            row.add(s.answeringExit());
            row.add(s.confidence());
            row.add(s.correct().orElse(null));
            row.add(s.reward());
            row.add(s.cost());
            row.add(s.bestFixedReward());
            row.add(s.oracleSplit());
            row.add(s.oracleReward());
            row.add(s.regretBestFixed());
            row.add(s.regretOracle());
            b.append(format.row(COLUMNS, row));
        }
        return b.toString();
    }

    /** Writes the per-sample table to {@code out} through a temporary file and a move ({@link OutputFiles}). */
    public static void write(ScheduleScore score, Table format, Path out) {
        OutputFiles.writeString("out", out, table(score, format));
    }

    private static long integer(ObjectNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": " + field + ": required integer is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(where + ": " + field + ": must be an integer, got " + Json.describe(v));
        }
        return v.longValue();
    }
}
