package org.cleave.algorithms.multiuser;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.Status;

/**
 * Each user's best response h_i(f, b): the least cost over the options admissible with f compute
 * and b bandwidth units (+∞ if none), and that option. Dense over 0..K_F × 0..K_B; built with the
 * evaluator's user cost. Shared by the heuristics of this package.
 */
final class BestResponse {
    final MultiUserProblem problem;
    private final double[][][] cost;
    private final int[][][] option;

    BestResponse(MultiUserProblem problem) {
        this.problem = problem;
        int n = problem.size();
        int kf = problem.computeUnits();
        int kb = problem.bandwidthUnits();
        cost = new double[n][kf + 1][kb + 1];
        option = new int[n][kf + 1][kb + 1];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f <= kf; f++) {
                for (int b = 0; b <= kb; b++) {
                    double best = Double.POSITIVE_INFINITY;
                    int arg = -1;
                    for (int o = 0; o < problem.user(i).options().size(); o++) {
                        if (problem.admissible(i, o, f, b)) {
                            double c = problem.userCost(i, o, f, b).objective();
                            if (c < best) {
                                best = c;
                                arg = o;
                            }
                        }
                    }
                    cost[i][f][b] = best;
                    option[i][f][b] = arg;
                }
            }
        }
    }

    /** h_i(f, b); +∞ outside 0..K or when no option is admissible. */
    double cost(int i, int f, int b) {
        if (f < 0 || b < 0 || f > problem.computeUnits() || b > problem.bandwidthUnits()) {
            return Double.POSITIVE_INFINITY;
        }
        return cost[i][f][b];
    }

    /** The best option at (f, b), or -1. */
    int option(int i, int f, int b) {
        return option[i][f][b];
    }

    /** The plan giving user i {@code f[i], b[i]} units and its best option there, or null if a user has none. */
    MultiUserPlan plan(int[] f, int[] b) {
        List<UserChoice> choices = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            int o = option[i][f[i]][b[i]];
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
