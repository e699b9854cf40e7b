package org.cleave.core.online;

import java.util.Arrays;
import java.util.Map;

/**
 * The outcome of one seeded run of a {@link SplitPolicy} over a trace: the split chosen for
 * every sample, the evaluator's figures of that schedule, and the cumulative regret curve
 * against a fixed comparator split c (normally the best fixed split in hindsight):
 * <pre>
 *   Regret(T) = Σ_{t ≤ T} (reward(t, c) − reward(t, i_t)),   T = 1 … n.
 * </pre>
 * Regret can be negative: an adaptive policy may beat the best fixed split on a trace, and
 * prefixes of the curve may favour the policy. The per-sample oracle bounds every policy.
 */
public final class PolicyRun {
    private final String policyId;
    private final Map<String, String> parameters;
    private final long seed;
    private final int[] splits;
    private final double[] regret;
    private final FixedSplit comparator;
    private final OnlineEvaluation evaluation;
    private final OnlineEvaluation comparatorEvaluation;

    PolicyRun(String policyId, Map<String, String> parameters, long seed, int[] splits, double[] regret,
              FixedSplit comparator, OnlineEvaluation evaluation, OnlineEvaluation comparatorEvaluation) {
        this.policyId = policyId;
        this.parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        this.seed = seed;
        this.splits = splits;
        this.regret = regret;
        this.comparator = comparator;
        this.evaluation = evaluation;
        this.comparatorEvaluation = comparatorEvaluation;
    }

    public String policyId() {
        return policyId;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public long seed() {
        return seed;
    }

    /** Number of rounds n (samples). */
    public int rounds() {
        return splits.length;
    }

    /** The split chosen in round {@code round} (1-based). */
    public int split(int round) {
        return splits[round - 1];
    }

    /** A copy of the schedule, index t = round − 1. */
    public int[] schedule() {
        return splits.clone();
    }

    /** Regret(T) for T = {@code round} (1-based). */
    public double cumulativeRegret(int round) {
        return regret[round - 1];
    }

    /** Regret(T)/T. */
    public double regretPerRound(int round) {
        return regret[round - 1] / round;
    }

    /** Regret(n). */
    public double finalRegret() {
        return regret[regret.length - 1];
    }

    /** How often each split was chosen. */
    public long[] splitCounts(int exits) {
        long[] counts = new long[exits];
        for (int s : splits) {
            counts[s]++;
        }
        return counts;
    }

    /** The comparator split of the regret. */
    public FixedSplit comparator() {
        return comparator;
    }

    /** The evaluator's figures for the policy's schedule. */
    public OnlineEvaluation evaluation() {
        return evaluation;
    }

    /** The evaluator's figures for the comparator. */
    public OnlineEvaluation comparatorEvaluation() {
        return comparatorEvaluation;
    }

    @Override
    public String toString() {
        return policyId + " seed " + seed + ": " + rounds() + " rounds, regret " + finalRegret() + ", splits "
                + Arrays.toString(splitCounts(1 + Arrays.stream(splits).max().orElse(0)));
    }
}
