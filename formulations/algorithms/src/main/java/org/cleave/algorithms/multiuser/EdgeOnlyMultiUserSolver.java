package org.cleave.algorithms.multiuser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.PlanOption;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;

/**
 * Ma et al.'s edge-only baseline with an even resource split (id {@code edge-only}; Ma, Wang and
 * Tang, Electronics 2025, doi:10.3390/electronics14081647): user i gets
 * {@code floor(K/N)} units of each resource, one more for the first {@code K mod N} users, and
 * runs its cheapest admissible {@link PlanOption#edgeOnly() edge-only} option under that share.
 * No plan when some user has no admissible edge-only option under its share (for instance when
 * N &gt; K leaves it without units). O(N·|O|).
 */
public final class EdgeOnlyMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    public EdgeOnlyMultiUserSolver() {
        super("edge-only", Family.MULTIUSER, SolverKind.BASELINE, MultiUserProblem.class, Set.of(),
                "Baseline: every user offloads everything, edge units split evenly.");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        int[] f = BestResponse.evenSplit(problem.computeUnits(), problem.size());
        int[] b = BestResponse.evenSplit(problem.bandwidthUnits(), problem.size());
        List<UserChoice> choices = new ArrayList<>();
        for (int i = 0; i < problem.size(); i++) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            List<PlanOption> options = problem.user(i).options();
            for (int o = 0; o < options.size(); o++) {
                if (options.get(o).edgeOnly() && problem.admissible(i, o, f[i], b[i])) {
                    double c = problem.userCost(i, o, f[i], b[i]).objective();
                    if (c < bestCost) {
                        bestCost = c;
                        best = o;
                    }
                }
            }
            if (best < 0) {
                return BestResponse.outcome(null, "edge-only (user \"" + problem.user(i).id()
                        + "\" has no admissible edge-only option with " + f[i] + " compute and " + b[i]
                        + " bandwidth units)");
            }
            choices.add(new UserChoice(best, f[i], b[i]));
        }
        return BestResponse.outcome(new MultiUserPlan(choices), "edge-only");
    }
}
