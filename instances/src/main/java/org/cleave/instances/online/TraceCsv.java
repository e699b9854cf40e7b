package org.cleave.instances.online;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.online.Trace;
import org.cleave.instances.io.InvalidInstanceException;

/**
 * The CSV format of P7 traces. UTF-8, comma-separated, no quoting (sample ids must not contain
 * commas); blank lines and lines starting with {@code #} are ignored. The first other line is
 * the header, exactly {@code sample,exit,confidence} or {@code sample,exit,confidence,correct};
 * then one row per sample and exit:
 * <pre>
 *   sample,exit,confidence,correct
 *   s0,0,0.73,1
 *   s0,1,0.91,1
 *   ...
 * </pre>
 * {@code sample}: a non-empty id; {@code exit}: the 0-based exit index (exit i follows layer
 * i+1; the largest index is the final classifier); {@code confidence}: a number in [0, 1] (the
 * max-softmax probability, say); {@code correct}: {@code 1}/{@code 0} or
 * {@code true}/{@code false}, whether that exit's prediction is right — a column that is
 * present must be filled on every row. Rows may come in any order; samples keep the order of
 * their first row. Every sample must have every exit 0 … L−1 exactly once, with L the same for
 * all samples. Every error is one line naming the source, the line, the column and the value.
 */
public final class TraceCsv {
    /** Header without correctness. */
    public static final String HEADER = "sample,exit,confidence";
    /** Header with correctness. */
    public static final String HEADER_WITH_CORRECT = "sample,exit,confidence,correct";
    /** Largest exit index accepted. */
    public static final int MAX_EXIT = 9_999;

    private TraceCsv() {
    }

    /** Reads a trace file. */
    public static Trace read(Path file) {
        String text = org.cleave.instances.io.TextFiles.readUtf8(file);
        try {
            return read(new java.io.StringReader(text), file.toString());
        } catch (IOException e) {
            throw new InvalidInstanceException(org.cleave.instances.io.TextFiles.describe(file, e));
        }
    }

    /**
     * Reads a trace from {@code reader}; {@code source} names it in error messages.
     *
     * @throws InvalidInstanceException on the first malformed line or an incomplete sample
     */
    public static Trace read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Rows rows = new Rows();
        boolean withCorrect = false;
        boolean headerSeen = false;
        Map<String, Integer> samples = new LinkedHashMap<>();
        List<Integer> firstLine = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                String header = text.replace(" ", "").toLowerCase(Locale.ROOT);
                if (header.equals(HEADER_WITH_CORRECT)) {
                    withCorrect = true;
                } else if (!header.equals(HEADER)) {
                    throw error(source, lineNumber, "expected the header \"" + HEADER + "\" or \""
                            + HEADER_WITH_CORRECT + "\", got \"" + text + "\"");
                }
                headerSeen = true;
                continue;
            }
            String[] cells = text.split(",", -1);
            int columns = withCorrect ? 4 : 3;
            if (cells.length != columns) {
                throw error(source, lineNumber, "expected " + columns + " columns ("
                        + (withCorrect ? HEADER_WITH_CORRECT : HEADER) + "), got " + cells.length);
            }
            String id = cells[0].strip();
            if (id.isEmpty()) {
                throw error(source, lineNumber, "column sample: must be a non-empty id, got \"\"");
            }
            int exit = parseExit(source, lineNumber, cells[1].strip());
            double confidence = parseConfidence(source, lineNumber, cells[2].strip());
            byte correct = withCorrect ? parseCorrect(source, lineNumber, cells[3].strip()) : -1;
            Integer sample = samples.get(id);
            if (sample == null) {
                sample = samples.size();
                samples.put(id, sample);
                firstLine.add(lineNumber);
            }
            rows.add(sample, exit, confidence, correct, lineNumber);
        }
        if (!headerSeen) {
            throw new InvalidInstanceException(source + ": empty file, expected the header \"" + HEADER_WITH_CORRECT
                    + "\" (correct optional) and one row per sample and exit");
        }
        if (samples.isEmpty()) {
            throw new InvalidInstanceException(source + ": no rows after the header");
        }
        return assemble(source, rows, new ArrayList<>(samples.keySet()), firstLine, withCorrect);
    }

    private static Trace assemble(String source, Rows rows, List<String> ids, List<Integer> firstLine,
                                  boolean withCorrect) {
        int exits = 0;
        for (int r = 0; r < rows.size; r++) {
            exits = Math.max(exits, rows.exit[r] + 1);
        }
        int n = ids.size();
        if ((long) n * exits != rows.size) {
            incomplete(source, rows, ids, firstLine, exits); // before allocating samples x exits
        }
        double[][] confidence = new double[n][exits];
        boolean[][] correct = withCorrect ? new boolean[n][exits] : null;
        int[][] seenAt = new int[n][exits];
        for (int r = 0; r < rows.size; r++) {
            int t = rows.sample[r];
            int i = rows.exit[r];
            if (seenAt[t][i] != 0) {
                throw error(source, rows.line[r], "column exit: sample \"" + ids.get(t) + "\" already has exit " + i
                        + " (line " + seenAt[t][i] + ")");
            }
            seenAt[t][i] = rows.line[r];
            confidence[t][i] = rows.confidence[r];
            if (correct != null) {
                correct[t][i] = rows.correct[r] == 1;
            }
        }
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < exits; i++) {
                if (seenAt[t][i] == 0) {
                    throw new InvalidInstanceException(source + ": sample \"" + ids.get(t) + "\" (first at line "
                            + firstLine.get(t) + ") has no row for exit " + i + "; every sample needs exits 0 to "
                            + (exits - 1));
                }
            }
        }
        try {
            return Trace.of(ids, confidence, correct);
        } catch (InvalidModelException e) {
            throw new InvalidInstanceException(source + ": " + e.getMessage());
        }
    }

    private static int parseExit(String source, int line, String cell) {
        try {
            int exit = Integer.parseInt(cell);
            if (exit >= 0 && exit <= MAX_EXIT) {
                return exit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(source, line, "column exit: must be an integer in [0, " + MAX_EXIT + "], got \"" + cell + "\"");
    }

    private static double parseConfidence(String source, int line, String cell) {
        try {
            double c = Double.parseDouble(cell);
            if (c >= 0 && c <= 1) {
                return c;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(source, line, "column confidence: must be a number in [0, 1], got \"" + cell + "\"");
    }

    private static byte parseCorrect(String source, int line, String cell) {
        switch (cell.toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
                return 1;
            case "0":
            case "false":
                return 0;
            default:
                throw error(source, line, "column correct: must be 1, 0, true or false, got \"" + cell + "\"");
        }
    }

    private static InvalidInstanceException error(String source, int line, String detail) {
        return new InvalidInstanceException(source + ": line " + line + ", " + detail);
    }

    /** Writes {@code trace} in this format (sample by sample, exits in order; confidences round-trip exactly). */
    public static void write(Trace trace, Writer writer) throws IOException {
        for (int t = 0; t < trace.size(); t++) {
            if (trace.sampleId(t).contains(",") || trace.sampleId(t).contains("\n")) {
                throw new InvalidInstanceException("sample id \"" + trace.sampleId(t) + "\" contains a comma or a"
                        + " line break, which the CSV trace format cannot hold");
            }
        }
        BufferedWriter out = writer instanceof BufferedWriter b ? b : new BufferedWriter(writer);
        boolean withCorrect = trace.hasCorrectness();
        out.write(withCorrect ? HEADER_WITH_CORRECT : HEADER);
        out.write('\n');
        for (int t = 0; t < trace.size(); t++) {
            for (int i = 0; i < trace.exits(); i++) {
                out.write(trace.sampleId(t));
                out.write(',');
                out.write(Integer.toString(i));
                out.write(',');
                out.write(Double.toString(trace.confidence(t, i)));
                if (withCorrect) {
                    out.write(trace.correct(t, i) ? ",1" : ",0");
                }
                out.write('\n');
            }
        }
        out.flush();
    }

    /** Writes {@code trace} to {@code file}. */
    public static void write(Trace trace, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(trace, w);
        } catch (IOException e) {
            throw new InvalidInstanceException(org.cleave.instances.io.TextFiles.describe(file, e));
        }
    }

    /**
     * Reports the first sample with a missing or repeated exit when the row count is not samples ×
     * exits, in O(rows + exits) memory (a row naming exit 9,999 must not allocate samples × 10,000).
     */
    private static void incomplete(String source, Rows rows, List<String> ids, List<Integer> firstLine, int exits) {
        int[] count = new int[ids.size()];
        for (int r = 0; r < rows.size; r++) {
            count[rows.sample[r]]++;
        }
        for (int t = 0; t < count.length; t++) {
            if (count[t] == exits) {
                continue;
            }
            int[] seenAt = new int[exits];
            for (int r = 0; r < rows.size; r++) {
                if (rows.sample[r] != t) {
                    continue;
                }
                int i = rows.exit[r];
                if (seenAt[i] != 0) {
                    throw error(source, rows.line[r], "column exit: sample \"" + ids.get(t) + "\" already has exit "
                            + i + " (line " + seenAt[i] + ")");
                }
                seenAt[i] = rows.line[r];
            }
            for (int i = 0; i < exits; i++) {
                if (seenAt[i] == 0) {
                    throw new InvalidInstanceException(source + ": sample \"" + ids.get(t) + "\" (first at line "
                            + firstLine.get(t) + ") has no row for exit " + i + "; every sample needs exits 0 to "
                            + (exits - 1));
                }
            }
        }
        throw new IllegalStateException("row count " + rows.size + " but every sample complete");
    }

    /** Growable columns of the rows read. */
    private static final class Rows {
        int size;
        int[] sample = new int[1024];
        int[] exit = new int[1024];
        double[] confidence = new double[1024];
        byte[] correct = new byte[1024];
        int[] line = new int[1024];

        void add(int s, int e, double c, byte ok, int l) {
            if (size == sample.length) {
                int cap = size * 2;
                sample = Arrays.copyOf(sample, cap);
                exit = Arrays.copyOf(exit, cap);
                confidence = Arrays.copyOf(confidence, cap);
                correct = Arrays.copyOf(correct, cap);
                line = Arrays.copyOf(line, cap);
            }
            sample[size] = s;
            exit[size] = e;
            confidence[size] = c;
            correct[size] = ok;
            line[size] = l;
            size++;
        }
    }
}
