package org.cleave.core.online;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;

/**
 * A P7 trace: n samples, each with a confidence C_{t,i} ∈ [0, 1] at every exit i = 0 … L−1
 * (exit L−1 is the final classifier) and, where known, whether the prediction at that exit is
 * correct. Confidences need not rise with depth. Immutable; stored flat (n·L doubles) so that
 * a trace of 10^5 samples with 12 exits takes about 10 MB.
 */
public final class Trace {
    private final String[] ids;
    private final int exits;
    private final double[] confidence;
    private final boolean[] correct;

    private Trace(String[] ids, int exits, double[] confidence, boolean[] correct) {
        this.ids = ids;
        this.exits = exits;
        this.confidence = confidence;
        this.correct = correct;
    }

    /**
     * A trace from per-sample rows.
     *
     * @param sampleIds  one non-blank id per sample, distinct
     * @param confidence confidence[t][i] ∈ [0, 1]; every row has the same length L ≥ 1
     * @param correct    correct[t][i], or {@code null} when correctness is unknown
     * @throws InvalidModelException naming the field ({@code confidence[t][i]}, ...) and value
     */
    public static Trace of(List<String> sampleIds, double[][] confidence, boolean[][] correct) {
        Checks.present("sampleIds", sampleIds);
        Checks.present("confidence", confidence);
        int n = confidence.length;
        if (n == 0) {
            throw new InvalidModelException("confidence", "must hold at least one sample, got 0");
        }
        if (sampleIds.size() != n) {
            throw new InvalidModelException("sampleIds", "must have one id per sample (" + n + "), got "
                    + sampleIds.size());
        }
        int exits = Checks.present("confidence[0]", confidence[0]).length;
        if (exits == 0) {
            throw new InvalidModelException("confidence[0]", "must hold at least one exit, got 0");
        }
        if (correct != null && correct.length != n) {
            throw new InvalidModelException("correct", "must have one row per sample (" + n + "), got "
                    + correct.length);
        }
        String[] ids = new String[n];
        java.util.Set<String> seen = new java.util.HashSet<>();
        double[] flat = new double[n * exits];
        boolean[] ok = correct == null ? null : new boolean[n * exits];
        for (int t = 0; t < n; t++) {
            ids[t] = Checks.identifier("sampleIds[" + t + "]", sampleIds.get(t));
            if (!seen.add(ids[t])) {
                throw new InvalidModelException("sampleIds[" + t + "]", "duplicate id \"" + ids[t] + "\"");
            }
            double[] row = Checks.present("confidence[" + t + "]", confidence[t]);
            if (row.length != exits) {
                throw new InvalidModelException("confidence[" + t + "]", "must have " + exits
                        + " exits like sample 0, got " + row.length);
            }
            for (int i = 0; i < exits; i++) {
                flat[t * exits + i] = Checks.probability("confidence[" + t + "][" + i + "]", row[i]);
            }
            if (ok != null) {
                boolean[] c = Checks.present("correct[" + t + "]", correct[t]);
                if (c.length != exits) {
                    throw new InvalidModelException("correct[" + t + "]", "must have " + exits + " exits, got "
                            + c.length);
                }
                System.arraycopy(c, 0, ok, t * exits, exits);
            }
        }
        return new Trace(ids, exits, flat, ok);
    }

    /** Number of samples n. */
    public int size() {
        return ids.length;
    }

    /** Number of exits L (the final classifier included). */
    public int exits() {
        return exits;
    }

    /** Id of sample t. */
    public String sampleId(int t) {
        return ids[t];
    }

    /** C_{t,i}. */
    public double confidence(int t, int exit) {
        return confidence[t * exits + exit];
    }

    /** Whether the trace says which predictions are correct. */
    public boolean hasCorrectness() {
        return correct != null;
    }

    /**
     * Whether the prediction of sample t at exit i is correct.
     *
     * @throws IllegalStateException when the trace has no correctness
     */
    public boolean correct(int t, int exit) {
        if (correct == null) {
            throw new IllegalStateException("the trace has no correctness column");
        }
        return correct[t * exits + exit];
    }

    /** Correctness as an optional, empty when unknown. */
    public Optional<Boolean> correctIfKnown(int t, int exit) {
        return correct == null ? Optional.empty() : Optional.of(correct[t * exits + exit]);
    }

    /** The first {@code n} samples. */
    public Trace prefix(int n) {
        if (n < 1 || n > size()) {
            throw new InvalidModelException("prefix", "must be in [1, " + size() + "], got " + n);
        }
        return new Trace(Arrays.copyOf(ids, n), exits, Arrays.copyOf(confidence, n * exits),
                correct == null ? null : Arrays.copyOf(correct, n * exits));
    }

    /** The same samples in a random order (Fisher–Yates with {@link SplittableRandom}{@code (seed)}). */
    public Trace shuffled(long seed) {
        int n = size();
        int[] order = new int[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = n - 1; t > 0; t--) {
            int j = rng.nextInt(t + 1);
            int tmp = order[t];
            order[t] = order[j];
            order[j] = tmp;
        }
        String[] newIds = new String[n];
        double[] conf = new double[n * exits];
        boolean[] ok = correct == null ? null : new boolean[n * exits];
        for (int t = 0; t < n; t++) {
            newIds[t] = ids[order[t]];
            System.arraycopy(confidence, order[t] * exits, conf, t * exits, exits);
            if (ok != null) {
                System.arraycopy(correct, order[t] * exits, ok, t * exits, exits);
            }
        }
        return new Trace(newIds, exits, conf, ok);
    }

    @Override
    public String toString() {
        return "trace of " + size() + " samples, " + exits + " exits"
                + (hasCorrectness() ? ", with correctness" : ", correctness unknown");
    }
}
