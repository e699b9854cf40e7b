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
 * Ma et al.'s device-only baseline (id {@code device-only}; Ma, Wang and Tang, Electronics 2025,
 * doi:10.3390/electronics14081647): every user runs a {@link PlanOption#deviceOnly() device-only}
 * option (the cheapest admissible one; with exits, the best exit set), with no edge units — the
 * even split of the edge is irrelevant as nobody uses it. No plan when some user has no admissible
 * device-only option. O(N·|O|).
 */
public final class DeviceOnlyMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    public DeviceOnlyMultiUserSolver() {
        super("device-only", Family.MULTIUSER, SolverKind.BASELINE, MultiUserProblem.class, Set.of(),
                "Baseline: every user computes on its device (best device-only option).");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        List<UserChoice> choices = new ArrayList<>();
        for (int i = 0; i < problem.size(); i++) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            List<PlanOption> options = problem.user(i).options();
            for (int o = 0; o < options.size(); o++) {
                if (options.get(o).deviceOnly() && problem.admissible(i, o, 0, 0)) {
                    double c = problem.userCost(i, o, 0, 0).objective();
                    if (c < bestCost) {
                        bestCost = c;
                        best = o;
                    }
                }
            }
            if (best < 0) {
                return BestResponse.outcome(null, "device-only (user \"" + problem.user(i).id()
                        + "\" has no admissible device-only option)");
            }
            choices.add(new UserChoice(best, 0, 0));
        }
        return BestResponse.outcome(new MultiUserPlan(choices), "device-only");
    }
}
