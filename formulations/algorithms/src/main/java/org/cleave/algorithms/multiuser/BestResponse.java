package org.cleave.algorithms.multiuser;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.multiuser.AllocationTable;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Status;

/**
 * Each user's best response h_i(f, b): the least cost over the options admissible with f compute
 * and b bandwidth units (+∞ if none), and that option: a view of the dense table of
 * {@link AllocationTable} (same bits as the evaluator's user cost). Shared by the heuristics of this
 * package.
 */
final class BestResponse {
    final MultiUserProblem problem;
    private final AllocationTable table;

    BestResponse(MultiUserProblem problem) {
        this(AllocationTable.build(problem));
    }

    BestResponse(AllocationTable table) {
        this.problem = table.problem();
        this.table = table;
    }

    /** h_i(f, b); +∞ outside 0..K or when no option is admissible. */
    double cost(int i, int f, int b) {
        return table.bestCost(i, f, b);
    }

    /** The best option at (f, b), or -1. */
    int option(int i, int f, int b) {
        return table.bestOption(i, f, b);
    }

    /** The plan giving user i {@code f[i], b[i]} units and its best option there, or null if a user has none. */
    MultiUserPlan plan(int[] f, int[] b) {
        List<UserChoice> choices = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            int o = option(i, f[i], b[i]);
            if (o < 0) {
                return null;
            }
            choices.add(new UserChoice(o, f[i], b[i]));
        }
        return new MultiUserPlan(choices);
    }

    /** A heuristic's outcome: the plan if every user is served, else "found nothing". */
    static Outcome<MultiUserPlan> outcome(MultiUserPlan plan, String what) {
        if (plan == null) {
            return Outcome.none(Status.NO_SOLUTION_IN_LIMIT, what + " found no feasible plan (a heuristic: this"
                    + " does not prove that none exists)");
        }
        return Outcome.feasible(plan);
    }

    /** Even split of {@code units} over {@code users}: floor(units/users), one more for the first units mod users. */
    static int[] evenSplit(int units, int users) {
        int[] k = new int[users];
        for (int i = 0; i < users; i++) {
            k[i] = units / users + (i < units % users ? 1 : 0);
        }
        return k;
    }
}
