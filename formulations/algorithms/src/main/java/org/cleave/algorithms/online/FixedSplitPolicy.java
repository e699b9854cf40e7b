package org.cleave.algorithms.online;

import java.util.Map;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.online.Feedback;
import org.cleave.core.online.RewardModel;
import org.cleave.core.online.SplitPolicy;

/**
 * A non-learning baseline: split every sample at the same exit i ({@code fixed:i}), or at the
 * final exit L−1 ({@code final-only}: final-layer inference on the device, cost λ·L per sample,
 * the reference of SplitEE's cost reduction and accuracy drop). O(1) per round.
 */
public final class FixedSplitPolicy implements SplitPolicy {
    private static final int FINAL = -1;

    private final int exit;

    private FixedSplitPolicy(int exit) {
        this.exit = exit;
    }

    /** Split at exit {@code exit} (0-based) for every sample. */
    public static FixedSplitPolicy at(int exit) {
        if (exit < 0) {
            throw new InvalidModelException("exit", "must be >= 0, got " + exit);
        }
        return new FixedSplitPolicy(exit);
    }

    /** Final-layer inference. */
    public static FixedSplitPolicy finalOnly() {
        return new FixedSplitPolicy(FINAL);
    }

    @Override
    public String id() {
        return exit == FINAL ? "final-only" : "fixed:" + exit;
    }

    @Override
    public String description() {
        return exit == FINAL ? "final-layer inference: every sample runs all layers on the device"
                : "fixed split at exit " + exit + " for every sample";
    }

    @Override
    public Map<String, String> parameters() {
        return exit == FINAL ? Map.of() : Map.of("exit", String.valueOf(exit));
    }

    @Override
    public Learner start(int exits, RewardModel model, long seed) {
        if (exit >= exits) {
            throw new InvalidModelException("exit", "must be an exit in [0, " + (exits - 1) + "], got " + exit);
        }
        int chosen = exit == FINAL ? exits - 1 : exit;
        return new Learner() {
            @Override
            public int choose(long round) {
                return chosen;
            }

            @Override
            public void observe(Feedback feedback) {
                // nothing to learn
            }
        };
    }
}
