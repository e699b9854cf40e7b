package org.cleave.algorithms.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
 * PBT-DP, MJOA-MU's pruned binary tree partitioning (Yang et al., Computer Networks 2023,
 * doi:10.1016/j.comnet.2023.109801): per-layer binary decisions (device or edge) taken level by
 * level in topological order; a layer with an input on the edge has only the edge child.
 *
 * <p><b>Long-term influence between layers</b>, in this implementation: a node's decisions act on
 * later layers in two ways, and both are scored with the exact evaluator rather than by a local
 * rule. (1) Monotonicity: an edge layer forces all its descendants onto the edge. (2) The shared
 * uplink: an edge layer's parameters join the topologically ordered upload queue and delay every
 * later upload, and the cut's feature tensors go before all parameters not yet started. Each node
 * is therefore scored by the simulated objective of its two greedy completions (every free later
 * layer on the device; every later layer on the edge), which also updates the incumbent, and
 * bounded below by {@link UploadLowerBound}.
 *
 * <p><b>Exact mode</b> ({@code pbt}): a node is pruned only when its admissible bound is at least
 * the incumbent; the search proves optimality. Worst case O(#ideals · (|V| + |A|)) time and a
 * frontier of up to #ideals nodes; above {@value #MAX_FRONTIER} nodes on one level it stops and
 * reports FEASIBLE. <b>Fast mode</b> ({@code pbt-beam}): the same pruning, then only the
 * {@code beamWidth} nodes with the best completion score (ties: lower bound, then the order of
 * generation) survive each level; a heuristic, O(|V| · beamWidth · (|V| + |A|)). No state merging
 * is done (the paper's DP table over chain prefixes is subsumed by the exact bound pruning).
 */
public final class PrunedBinaryTreeUploadSolver extends AbstractSolver<UploadProblem, Placement> {
    /** Largest frontier of the exact mode. */
    public static final int MAX_FRONTIER = 1 << 20;
    /** The beam width of the no-argument fast-mode constructor. */
    public static final int DEFAULT_BEAM_WIDTH = 4;

    private final int beamWidth; // 0: exact mode

    /** Exact mode, id {@code pbt}. */
    public PrunedBinaryTreeUploadSolver() {
        this(0);
    }

    /** Fast mode with a beam of {@code beamWidth ≥ 1} nodes per level (id {@code pbt-beam}), or exact mode for 0. */
    public PrunedBinaryTreeUploadSolver(int beamWidth) {
        super(beamWidth == 0 ? "pbt" : "pbt-beam", Family.UPLOAD,
                beamWidth == 0 ? SolverKind.EXACT : SolverKind.HEURISTIC, UploadProblem.class,
                Set.of(Capability.TIME_LIMIT), beamWidth == 0
                        ? "PBT-DP exact mode: level-wise binary tree over layers, pruned by admissible bounds only"
                        : "PBT-DP fast mode: level-wise binary tree with a bounded beam (width " + beamWidth + ")");
        if (beamWidth < 0) {
            throw new IllegalArgumentException("beamWidth: must be >= 0, got " + beamWidth);
        }
        this.beamWidth = beamWidth;
    }

    /** The fast mode registered through ServiceLoader needs a public no-argument class. */
    public static final class Beam extends AbstractSolver<UploadProblem, Placement> {
        private final PrunedBinaryTreeUploadSolver delegate = new PrunedBinaryTreeUploadSolver(DEFAULT_BEAM_WIDTH);

        public Beam() {
            super("pbt-beam", Family.UPLOAD, SolverKind.HEURISTIC, UploadProblem.class, Set.of(Capability.TIME_LIMIT),
                    "PBT-DP fast mode: level-wise binary tree with a bounded beam of " + DEFAULT_BEAM_WIDTH
                            + " nodes per level");
        }

        @Override
        protected Outcome<Placement> run(UploadProblem problem, SolveLimits limits, Deadline deadline) {
            return delegate.run(problem, limits, deadline);
        }
    }

    private record Node(boolean[] x, double score, double bound, long order) {
    }

    @Override
    protected Outcome<Placement> run(UploadProblem problem, SolveLimits limits, Deadline deadline) {
        DnnGraph g = problem.graph();
        int n = g.size();
        UploadObjective objective = new UploadObjective(problem);
        UploadLowerBound bound = objective.bound();
        double[] best = {Double.POSITIVE_INFINITY};
        boolean[][] bestPlan = {new boolean[n]};
        long nodes = 0;
        long pruned = 0;
        long order = 0;
        List<Node> level = new ArrayList<>();
        level.add(new Node(new boolean[n], 0, 0, order++));
        score(g, objective, level.get(0).x(), 1, best, bestPlan);
        String stop = "";
        for (int v = 1; v < n && !level.isEmpty(); v++) {
            List<Node> next = new ArrayList<>();
            for (Node node : level) {
                for (int side = UploadObjective.forced(g, node.x(), v) ? 1 : 0; side <= 1; side++) {
                    nodes++;
                    boolean[] x = Arrays.copyOf(node.x(), n);
                    x[v] = side == 1;
                    double lb = bound.of(x, v + 1);
                    if (lb >= best[0]) {
                        pruned++;
                        continue;
                    }
                    double s = score(g, objective, x, v + 1, best, bestPlan);
                    next.add(new Node(x, s, lb, order++));
                }
            }
            if (beamWidth > 0 && next.size() > beamWidth) {
                next.sort(Comparator.comparingDouble(Node::score).thenComparingDouble(Node::bound)
                        .thenComparingLong(Node::order));
                next = new ArrayList<>(next.subList(0, beamWidth));
            }
            // nodes whose bound reached an incumbent found later on this level are dropped too
            double cut = best[0];
            next.removeIf(node -> node.bound() >= cut);
            if (beamWidth == 0 && next.size() > MAX_FRONTIER) {
                stop = "frontier exceeded " + MAX_FRONTIER + " nodes at layer " + v;
                break;
            }
            if (deadline.expired()) {
                stop = "time limit reached at layer " + v + " of " + n;
                break;
            }
            level = next;
        }
        Placement plan = Placement.of(bestPlan[0]);
        Outcome<Placement> o = beamWidth == 0 && stop.isEmpty() ? Outcome.optimal(plan)
                : Outcome.<Placement>feasible(plan).message(stop);
        if (beamWidth > 0) {
            o.param("beamWidth", beamWidth);
        }
        return o.stat("nodes", nodes).stat("pruned", pruned);
    }

    /** Simulates both greedy completions of {@code x[0..v-1]}, updates the incumbent, returns the better. */
    private static double score(DnnGraph g, UploadObjective objective, boolean[] x, int v, double[] best,
                                boolean[][] bestPlan) {
        int n = g.size();
        boolean[] dev = Arrays.copyOf(x, n);
        for (int u = v; u < n; u++) {
            dev[u] = UploadObjective.forced(g, dev, u);
        }
        boolean[] edge = Arrays.copyOf(x, n);
        Arrays.fill(edge, v, n, true);
        double a = objective.of(dev);
        double b = objective.of(edge);
        if (a < best[0]) {
            best[0] = a;
            bestPlan[0] = dev;
        }
        if (b < best[0]) {
            best[0] = b;
            bestPlan[0] = edge;
        }
        return Math.min(a, b);
    }
}
