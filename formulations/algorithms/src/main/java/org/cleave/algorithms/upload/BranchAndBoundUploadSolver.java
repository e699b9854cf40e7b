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
 * Worst case O(#ideals · (|V| + |A|)); memory O(|V|); the search is a loop, not a recursion. Refuses
 * models of more than {@link #MAX_LAYERS} layers (INVALID_INPUT). Proves optimality unless the time limit
 * stops it (then FEASIBLE, with the root bound as the proven bound).
 * After Yang et al., MJOA-MU, doi:10.1016/j.comnet.2023.109801 (whose PBT-DP prunes the same tree).
 */
public final class BranchAndBoundUploadSolver extends AbstractSolver<UploadProblem, Placement> {
    /** Most layers (input included) accepted: 5,000. */
    public static final int MAX_LAYERS = 5_000;

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

        /**
         * The depth-first search from layer {@code start}, as a loop with an explicit stage per
         * depth (0: not entered, 1: device branch taken, 2: edge branch taken) rather than
         * recursion, so the depth is bounded by memory, not by the thread's stack.
         */
        void dfs(int start) {
            int n = g.size();
            byte[] stage = new byte[n + 1];
            int v = start;
            while (true) {
                boolean descend = false;
                if (stage[v] == 0) {
                    nodes++;
                    if ((nodes & 1023) == 0 && deadline.expired()) {
                        stopped = true;
                        return;
                    }
                    if (v == n) {
                        offer(x);
                    } else if (bound.of(x, v) >= bestCost) {
                        pruned++;
                    } else if (!UploadObjective.forced(g, x, v)) {
                        stage[v] = 1;
                        x[v] = false;
                        descend = true;
                    } else {
                        stage[v] = 2;
                        x[v] = true;
                        descend = true;
                    }
                } else if (stage[v] == 1) {
                    stage[v] = 2;
                    x[v] = true;
                    descend = true;
                }
                if (descend) {
                    v++;
                    stage[v] = 0;
                    continue;
                }
                if (v < n) {
                    stage[v] = 0;
                    x[v] = false;
                }
                if (v == start) {
                    return;
                }
                v--;
            }
        }
    }

    @Override
    protected Outcome<Placement> run(UploadProblem problem, SolveLimits limits, Deadline deadline) {
        if (problem.graph().size() > MAX_LAYERS) {
            throw new IllegalArgumentException("model.layers: " + problem.graph().size() + " layers; branch-and-bound"
                    + " handles at most " + MAX_LAYERS + " (its bound costs O(|V|) per node, so even one path of the"
                    + " search is O(|V|^2)); use pbt-beam for larger models");
        }
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
