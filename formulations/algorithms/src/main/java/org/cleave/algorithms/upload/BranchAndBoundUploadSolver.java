package org.cleave.algorithms.upload;

import java.util.Set;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.solve.AbstractSolver;
import org.cleave.core.solve.Capability;
import org.cleave.core.solve.Deadline;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Outcome;
import org.cleave.core.solve.SolveLimits;
import org.cleave.core.solve.SolverKind;
import org.cleave.core.upload.UploadProblem;

/**
 * Exact P5 by depth-first branch and bound over the layers in topological order. A layer with an
 * input on the edge is forced onto the edge (monotone placements only); any other layer branches
 * device-first, then edge. A node is pruned when the admissible bound
 * {@link UploadLowerBound} (device part + feature uploads + edge path, upload work, exact compute
 * and transmit energy; stated there) is at least the incumbent, which starts as the better of
 * device-only and everything-but-the-input-on-the-edge. Leaves are simulated by the P5 evaluator.
 * Worst case O(#ideals · (|V| + |A|)); memory O(|V|). Proves optimality unless the time limit
 * stops it (then FEASIBLE, with the root bound as the proven bound).
 * After Yang et al., MJOA-MU, doi:10.1016/j.comnet.2023.109801 (whose PBT-DP prunes the same tree).
 */
public final class BranchAndBoundUploadSolver extends AbstractSolver<UploadProblem, Placement> {
    public BranchAndBoundUploadSolver() {
        super("branch-and-bound", Family.UPLOAD, SolverKind.EXACT, UploadProblem.class, Set.of(Capability.TIME_LIMIT),
                "depth-first branch and bound over per-layer device/edge decisions with an admissible bound");
    }

    private static final class Search {
        final DnnGraph g;
        final UploadObjective objective;
        final UploadLowerBound bound;
        final Deadline deadline;
        final boolean[] x;
        boolean[] best;
        double bestCost;
        long nodes;
        long pruned;
        boolean stopped;

        Search(UploadProblem p, Deadline deadline) {
            this.g = p.graph();
            this.objective = new UploadObjective(p);
            this.bound = objective.bound();
            this.deadline = deadline;
            this.x = new boolean[g.size()];
        }

        void offer(boolean[] plan) {
            double c = objective.of(plan);
            if (c < bestCost) {
                bestCost = c;
                best = plan.clone();
            }
        }

        void dfs(int v) {
            if (stopped) {
                return;
            }
            nodes++;
            if ((nodes & 1023) == 0 && deadline.expired()) {
                stopped = true;
                return;
            }
            if (v == g.size()) {
                offer(x);
                return;
            }
            if (bound.of(x, v) >= bestCost) {
                pruned++;
                return;
            }
            if (!UploadObjective.forced(g, x, v)) {
                x[v] = false;
                dfs(v + 1);
            }
            x[v] = true;
            dfs(v + 1);
            x[v] = false;
        }
    }

    @Override
    protected Outcome<Placement> run(UploadProblem problem, SolveLimits limits, Deadline deadline) {
        Search s = new Search(problem, deadline);
        int n = s.g.size();
        s.bestCost = Double.POSITIVE_INFINITY;
        s.offer(new boolean[n]);
        if (n > 1) {
            boolean[] edge = new boolean[n];
            java.util.Arrays.fill(edge, 1, n, true);
            s.offer(edge);
        }
        double rootBound = s.bound.of(s.x, 1);
        s.dfs(1);
        Placement plan = Placement.of(s.best);
        Outcome<Placement> o = s.stopped
                ? Outcome.<Placement>feasible(plan).bound(Math.min(rootBound, s.bestCost))
                        .message("time limit reached after " + s.nodes + " nodes")
                : Outcome.optimal(plan);
        return o.stat("nodes", s.nodes).stat("pruned", s.pruned);
    }
}
