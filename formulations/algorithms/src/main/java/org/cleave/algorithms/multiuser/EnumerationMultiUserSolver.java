package org.cleave.algorithms.multiuser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cleave.core.multiuser.MultiUserPlan;
import org.cleave.core.multiuser.MultiUserProblem;
import org.cleave.core.multiuser.UserChoice;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.solve.Status;

/**
 * Exact P4 by exhaustive enumeration, the reference for tiny instances (id {@code enumerate}).
 *
 * <p>Depth-first over users, trying every option × k_F ∈ 0..K_F × k_B ∈ 0..K_B, pruning only on
 * capacity, admissibility (the evaluator's constraints) and the running cost against the best
 * complete plan found (costs are non-negative). It shares no code with the other exact solvers
 * beyond the evaluator. O((|O|·(K_F+1)·(K_B+1))^N): refused (INVALID_INPUT) above
 * {@value #MAX_LEAVES} leaves.
 */
public final class EnumerationMultiUserSolver extends AbstractSolver<MultiUserProblem, MultiUserPlan> {
    /** Largest search-space size accepted. */
    public static final double MAX_LEAVES = 1e8;

    public EnumerationMultiUserSolver() {
        super("enumerate", Family.MULTIUSER, SolverKind.EXACT, MultiUserProblem.class, Set.of(Capability.TIME_LIMIT),
                "Exhaustive enumeration of options and unit counts (tiny instances only; the reference).");
    }

    @Override
    protected Outcome<MultiUserPlan> run(MultiUserProblem problem, SolveLimits limits, Deadline deadline) {
        double leaves = 1;
        for (int i = 0; i < problem.size(); i++) {
            leaves *= problem.user(i).options().size() * (problem.computeUnits() + 1.0) * (problem.bandwidthUnits() + 1.0);
        }
        if (leaves > MAX_LEAVES) {
            throw new IllegalArgumentException("enumerate: the search space has " + String.format("%.3g", leaves)
                    + " leaves, more than " + String.format("%.0e", MAX_LEAVES) + ". Maybe use dp");
        }
        Search s = new Search(problem, deadline);
        s.dfs(0, 0, 0, 0);
        if (s.stopped) {
            return s.bestPlan == null ? Outcome.none(Status.NO_SOLUTION_IN_LIMIT, "time limit reached")
                    : Outcome.feasible(s.bestPlan).stat("nodes", s.nodes).message("time limit reached");
        }
        if (s.bestPlan == null) {
            return Outcome.none(Status.INFEASIBLE, "no combination of options and units is feasible");
        }
        return Outcome.optimal(s.bestPlan).stat("nodes", s.nodes);
    }

    private static final class Search {
        final MultiUserProblem p;
        final Deadline deadline;
        final UserChoice[] current;
        double best = Double.POSITIVE_INFINITY;
        MultiUserPlan bestPlan;
        long nodes;
        boolean stopped;

        Search(MultiUserProblem p, Deadline deadline) {
            this.p = p;
            this.deadline = deadline;
            this.current = new UserChoice[p.size()];
        }

        void dfs(int i, int usedF, int usedB, double cost) {
            if (stopped || cost >= best) {
                return;
            }
            if (i == p.size()) {
                best = cost;
                List<UserChoice> choices = new ArrayList<>(List.of(current));
                bestPlan = new MultiUserPlan(choices);
                return;
            }
            if ((++nodes & 0xfff) == 0 && deadline.expired()) {
                stopped = true;
                return;
            }
            for (int o = 0; o < p.user(i).options().size(); o++) {
                for (int f = 0; f + usedF <= p.computeUnits(); f++) {
                    for (int b = 0; b + usedB <= p.bandwidthUnits(); b++) {
                        if (p.admissible(i, o, f, b)) {
                            current[i] = new UserChoice(o, f, b);
                            dfs(i + 1, usedF + f, usedB + b, cost + p.userCost(i, o, f, b).objective());
                        }
                    }
                }
            }
        }
    }
}
