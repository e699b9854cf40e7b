package org.cleave.algorithms.online;

import java.util.List;
import org.cleave.core.online.FixedSplit;
import org.cleave.core.online.OnlineProblem;
import org.cleave.core.online.PolicyRun;
import org.cleave.core.online.Simulation;
import org.cleave.core.online.SplitPolicy;

/**
 * The P7 policies by id, for the command line and benchmarks: {@code splitee},
 * {@code splitee-s}, {@code epsilon-greedy}, {@code final-only} and {@code fixed:i}.
 */
public final class SplitPolicies {
    /** The ids (with {@code fixed:i} for a fixed split at exit i). */
    public static final List<String> IDS = List.of("splitee", "splitee-s", "epsilon-greedy", "final-only",
            "fixed:i");

    private SplitPolicies() {
    }

    /**
     * The policy {@code id}.
     *
     * @param id          one of {@link #IDS}
     * @param exploration UCB's exploration constant c (SplitEE, SplitEE-S)
     * @param epsilon     ε (ε-greedy)
     * @throws IllegalArgumentException naming the id and the known ids
     */
    public static SplitPolicy create(String id, double exploration, double epsilon) {
        switch (id) {
            case "splitee":
                return new UcbSplitPolicy(UcbSplitPolicy.SideInformation.NONE, exploration);
            case "splitee-s":
                return new UcbSplitPolicy(UcbSplitPolicy.SideInformation.SHALLOWER_ARMS, exploration);
            case "epsilon-greedy":
                return new EpsilonGreedySplitPolicy(epsilon);
            case "final-only":
                return FixedSplitPolicy.finalOnly();
            default:
                if (id.startsWith("fixed:")) {
                    String number = id.substring("fixed:".length());
                    try {
                        return FixedSplitPolicy.at(Integer.parseInt(number));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("policy: \"" + id + "\" needs an exit number after"
                                + " fixed:, e.g. fixed:3");
                    }
                }
                throw new IllegalArgumentException("policy: unknown policy \"" + id + "\"; known: "
                        + String.join(", ", IDS));
        }
    }

    /** One run of {@code policy} with its regret against the best fixed split in hindsight. */
    public static PolicyRun run(OnlineProblem problem, SplitPolicy policy, long seed) {
        FixedSplit best = BestFixedSplitSolver.bestSplit(problem);
        return Simulation.run(problem, policy, seed, best);
    }
}
