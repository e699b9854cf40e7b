package org.cleave.core.online;

import java.util.Map;

/**
 * An online split policy of P7 (SplitEE, SplitEE-S, ε-greedy, fixed splits). A policy object is
 * an immutable, thread-safe factory: {@link #start} makes a fresh {@link Learner} for one run,
 * which holds all the run's state. {@link Simulation} runs it over a trace: for each sample
 * t = 1 … n it asks {@link Learner#choose(long)} for a split, scores it with
 * {@link RewardModel}, and reports {@link Feedback} to {@link Learner#observe(Feedback)}. The
 * learner never sees labels (SplitEE is unsupervised) nor the confidences of deeper exits.
 */
public interface SplitPolicy {
    /** Short stable id, e.g. {@code splitee}, {@code splitee-s}, {@code fixed:3}. */
    String id();

    /** One sentence for listings. */
    String description();

    /** The policy's parameters as strings (exploration constant, ε, ...). */
    Map<String, String> parameters();

    /**
     * A fresh learner for a run over a trace with {@code exits} exits.
     *
     * @param exits the number of exits L (arms 0 … L−1)
     * @param model the reward model (α, λ, o), known to the policy as in SplitEE
     * @param seed  seed of the learner's random choices (policies without randomness ignore it)
     */
    Learner start(int exits, RewardModel model, long seed);

    /** The state of one run. Not thread-safe; used by one simulation. */
    interface Learner {
        /** The split (0 … L−1) for round {@code round} (1-based). */
        int choose(long round);

        /** The feedback of the round just played; the object is only valid during the call. */
        void observe(Feedback feedback);
    }
}
