package org.cleave.workflows.groundtruth.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.cleave.algorithms.partition.BandwidthMap;
import org.cleave.algorithms.partition.CompiledPartitionNetwork;
import org.cleave.core.model.Placement;
import org.cleave.core.partition.PartitionProblem;
import org.cleave.core.solve.Verifier;

/**
 * The exact optimal P1 plan of every state of a box of (uplink, downlink, device load) states,
 * from a few min-cut solves at the corners of cells instead of one solve per state: the fast path
 * of {@code cleave groundtruth} for P1 with {@code mincut-compiled}.
 *
 * <p><b>Math.</b> Let θ = (1/(1 − ρ), 1/R_up, 1/R_down). For a fixed monotone placement x, every
 * term of P1's objective (see {@link PartitionProblem}) is affine in θ: device seconds are
 * Σ base_v · θ_1 (the device rate scaled by 1 − ρ), upload seconds Σ_{u ∈ S(x)} 8·b_u · θ_2,
 * download seconds 8·b_out · θ_3 (or 0), edge seconds and the latency are constants, the energy
 * terms are constant multiples of those, and the objective a fixed weighted sum of both. So
 * cost_x(θ) = a_x + c_x·θ and the optimum f(θ) = min_x cost_x(θ) is concave. Take a cell C, the
 * convex hull of finitely many points θ^1..θ^m (here: a box, its 2^d corners), and suppose one
 * plan p is optimal at every corner. Any θ ∈ C is Σ λ_i θ^i with λ ≥ 0, Σ λ = 1, and
 * <pre>
 *   f(θ) ≥ Σ λ_i f(θ^i) = Σ λ_i cost_p(θ^i) = cost_p(θ) ≥ f(θ)
 * </pre>
 * (concavity, then p optimal at the corners, then cost_p affine, then f a minimum): p is optimal
 * on all of C. It is also the plan the solver returns there: the solver returns the
 * inclusion-minimal minimum cut; if another plan q is optimal at a θ in the relative interior of C,
 * then cost_q − cost_p is affine, ≥ 0 at the corners and 0 at θ, so 0 at every corner, so q is
 * optimal at every corner, where the solver preferred p: p ⊆ q. (On a cell's boundary the same
 * holds with the corners of the face θ lies on.)
 *
 * <p><b>Cells.</b> The axes that vary (range lo &lt; hi) span a box; a lattice of 2^D values per
 * axis (log-spaced for rates, linear for the load; its ends exactly lo and hi) cuts it into cells,
 * organised as a tree that splits every axis in two per level (2^d children, d ≤ 3). Any monotone
 * lattice in the axis values is a lattice in θ (each coordinate of θ is a monotone function of one
 * axis), so the cells are boxes in θ and the argument above applies; no interpolation is ever
 * computed, only comparisons of axis values. The tree is built lazily and shared by all threads:
 * a cell's corners are solved (each lattice point once, memoised) when a state first reaches it;
 * a cell whose corners disagree is split only after {@code 2^d} states reached it (about the new
 * corners a split costs), and a state in a cell that is not split (yet, or at depth D: 20, 14 and
 * 10 for d = 1, 2, 3) is solved directly.
 * Hence the solves never exceed the states by more than a constant factor, and a run of many
 * states costs about one point location per state. With only the uplink varying the cells are
 * replaced by the exact {@link BandwidthMap} of the range (Eisner–Severance: at most 2·pieces − 1
 * solves), looked up by binary search.
 *
 * <p><b>Rounding and ties.</b> The argument is exact in real arithmetic; the solver compares cut
 * costs in floating point. Where two plans cost the same to within {@value #TIE_TOLERANCE}
 * relative, which one a floating-point solve returns is a matter of rounding, so there the caller
 * solves the state instead ({@link #nearTie}): for every plan met so far its cost line
 * cost_q(θ) = a_q + c_q·θ is measured once with the family evaluator (d + 1 evaluations), and a
 * state whose plan's evaluated cost is within {@value #TIE_TOLERANCE} relative of another known
 * plan's (or above it, which would contradict the map) is solved. A state outside the box is
 * solved. Plans that are never optimal at a lattice point are not known, so a near tie with such a
 * plan is not detected; the differential tests compare every row with the solver's.
 *
 * <p><b>Thread safety.</b> Lookups may run from many threads; each passes its own
 * {@link CompiledPartitionNetwork} (compiled for the base model) for the solves. The plan of a
 * state does not depend on which thread built which cell (each answer is the exact optimum), so
 * the output is deterministic for any thread count. Lookup cost: O(D·d) comparisons plus, for the
 * tie check, O(k·d) for k known plans.
 */
public final class PartitionPlanMap {
    /** Relative cost difference below which two plans count as tied and the state is solved. */
    public static final double TIE_TOLERANCE = 1e-9;

    /** The axes of a map; {@code uplink}, {@code downlink} and {@code load}. */
    private static final List<String> AXES = List.of("uplink", "downlink", "load");

    private final PartitionProblem base;
    private final PartitionScenario scenario = new PartitionScenario();
    private final List<String> names;
    /** Per map dimension: the index of its axis in the state array. */
    private final int[] axis;
    /** Per map dimension: whether the axis is the load (linear lattice) rather than a rate (log). */
    private final boolean[] load;
    private final double[] lo;
    private final double[] hi;
    /** Per state axis: the value of an axis that does not vary (NaN for a map dimension). */
    private final double[] fixed;
    private final int d;
    private final int depth;
    private final int splitAfter;
    private final BandwidthMap uplinkMap;
    private final ConcurrentHashMap<Long, Integer> corners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Placement, Integer> ids = new ConcurrentHashMap<>();
    private volatile Known[] known = new Known[0];
    private final Node root;
    private final AtomicLong solves = new AtomicLong();

    /** A plan met at a lattice point, with its cost line a + c·θ over the map dimensions. */
    private record Known(Placement plan, double a, double[] c) {
    }

    /** A cell: pure ({@code plan >= 0}) or mixed, with children made on demand. */
    private static final class Node {
        final int level;
        final int[] index;
        final int plan;
        final AtomicInteger visits = new AtomicInteger();
        volatile AtomicReferenceArray<Node> children;

        Node(int level, int[] index, int plan) {
            this.level = level;
            this.index = index;
            this.plan = plan;
        }
    }

    /**
     * A map over the states of {@code names} (axes of P1, in state order) with values in
     * [{@code from[k]}, {@code to[k]}] (either order), applied to {@code base}; {@code network} (a
     * network compiled for {@code base}'s graph) solves the first corners.
     *
     * @throws IllegalArgumentException if an axis is not one of uplink, downlink, load, or appears
     *                                  twice
     */
    public PartitionPlanMap(PartitionProblem base, List<String> names, double[] from, double[] to,
                            CompiledPartitionNetwork network) {
        this.base = base;
        this.names = List.copyOf(names);
        this.fixed = new double[names.size()];
        List<Integer> dims = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            if (!AXES.contains(names.get(k)) || names.indexOf(names.get(k)) != k) {
                throw new IllegalArgumentException("axes: a plan map needs distinct uplink, downlink and load axes,"
                        + " got " + names);
            }
            double a = Math.min(from[k], to[k]);
            double b = Math.max(from[k], to[k]);
            if (a < b) {
                dims.add(k);
                fixed[k] = Double.NaN;
            } else {
                fixed[k] = a;
            }
        }
        this.d = dims.size();
        this.axis = new int[d];
        this.load = new boolean[d];
        this.lo = new double[d];
        this.hi = new double[d];
        for (int i = 0; i < d; i++) {
            int k = dims.get(i);
            axis[i] = k;
            load[i] = names.get(k).equals("load");
            lo[i] = Math.min(from[k], to[k]);
            hi[i] = Math.max(from[k], to[k]);
        }
        this.depth = d <= 1 ? 20 : d == 2 ? 14 : 10;
        this.splitAfter = 1 << d;
        if (d == 1 && names.get(axis[0]).equals("uplink")) {
            network.setProblem(problem(corner(new int[] {0})));
            this.uplinkMap = BandwidthMap.of(network, lo[0], hi[0]);
            for (BandwidthMap.Piece p : uplinkMap.pieces()) {
                id(p.plan());
            }
            this.root = null;
        } else {
            this.uplinkMap = null;
            this.root = d == 0 ? null : examine(0, new int[d], network);
        }
    }

    /** Number of varying axes (map dimensions). */
    public int dimensions() {
        return d;
    }

    /** Distinct plans met so far (optimal at some lattice point, or pieces of the bandwidth map). */
    public int knownPlans() {
        return known.length;
    }

    /** Min-cut solves spent on corners so far (the bandwidth map's calls included). */
    public long cornerSolves() {
        return solves.get() + (uplinkMap == null ? 0 : uplinkMap.minCutCalls());
    }

    /**
     * The optimal plan of the state {@code values} (axis order of the constructor) when the map
     * proves it, else null (the caller solves the state). May solve cell corners with
     * {@code network} (the calling thread's).
     */
    public Placement plan(double[] values, CompiledPartitionNetwork network) {
        for (int k = 0; k < fixed.length; k++) {
            if (fixed[k] == fixed[k] && values[k] != fixed[k]) {
                return null;
            }
        }
        if (d == 0) {
            return null;
        }
        if (uplinkMap != null) {
            double u = values[axis[0]];
            if (!(u >= lo[0] && u <= hi[0])) {
                return null;
            }
            return uplinkMap.pieceAt(u).plan();
        }
        int cells = 1 << depth;
        int[] j = new int[d];
        for (int i = 0; i < d; i++) {
            double v = values[axis[i]];
            if (!(v >= lo[i] && v <= hi[i])) {
                return null;
            }
            j[i] = cellOf(i, v, cells);
        }
        Node n = root;
        while (true) {
            if (n.plan >= 0) {
                return known[n.plan].plan();
            }
            if (n.level == depth) {
                return null;
            }
            AtomicReferenceArray<Node> ch = n.children;
            if (ch == null) {
                if (n.visits.incrementAndGet() < splitAfter) {
                    return null;
                }
                synchronized (n) {
                    if (n.children == null) {
                        n.children = new AtomicReferenceArray<>(1 << d);
                    }
                    ch = n.children;
                }
            }
            int shift = depth - n.level - 1;
            int slot = 0;
            int[] index = new int[d];
            for (int i = 0; i < d; i++) {
                int bit = (j[i] >> shift) & 1;
                slot |= bit << i;
                index[i] = 2 * n.index[i] + bit;
            }
            Node c = ch.get(slot);
            if (c == null) {
                c = examine(n.level + 1, index, network);
                if (!ch.compareAndSet(slot, null, c)) {
                    c = ch.get(slot);
                }
            }
            n = c;
        }
    }

    /**
     * Whether the state {@code values}, whose plan {@code plan} the evaluator prices at
     * {@code objective}, has another known plan within {@value #TIE_TOLERANCE} relative of that
     * cost, or cheaper: then the caller solves it.
     */
    public boolean nearTie(double[] values, Placement plan, double objective) {
        Known[] ks = known;
        double[] theta = new double[d];
        for (int i = 0; i < d; i++) {
            double v = values[axis[i]];
            theta[i] = load[i] ? 1 / (1 - v) : 1 / v;
        }
        double slack = TIE_TOLERANCE * Math.abs(objective) + Verifier.ABSOLUTE_FLOOR;
        for (Known k : ks) {
            if (k.plan().equals(plan)) {
                continue;
            }
            double cost = k.a();
            for (int i = 0; i < d; i++) {
                cost += k.c()[i] * theta[i];
            }
            if (cost <= objective + slack) {
                return true;
            }
        }
        return false;
    }

    /** The finest cell index along dimension {@code i} holding value {@code v} (in the box). */
    private int cellOf(int i, double v, int cells) {
        double t = load[i] ? (v - lo[i]) / (hi[i] - lo[i])
                : (Math.log(v) - Math.log(lo[i])) / (Math.log(hi[i]) - Math.log(lo[i]));
        int c = (int) Math.max(0, Math.min(cells - 1, Math.floor(t * cells)));
        while (c > 0 && latticeValue(i, c) > v) {
            c--;
        }
        while (c < cells - 1 && latticeValue(i, c + 1) < v) {
            c++;
        }
        return c;
    }

    /** Lattice value {@code j} ∈ [0, 2^D] of dimension {@code i}: monotone in j, ends exactly lo and hi. */
    private double latticeValue(int i, int j) {
        int cells = 1 << depth;
        if (j <= 0) {
            return lo[i];
        }
        if (j >= cells) {
            return hi[i];
        }
        double t = (double) j / cells;
        double v = load[i] ? lo[i] + t * (hi[i] - lo[i])
                : Math.exp(Math.log(lo[i]) + t * (Math.log(hi[i]) - Math.log(lo[i])));
        return Math.min(hi[i], Math.max(lo[i], v));
    }

    /** The state values (constructor order) of lattice point {@code j}. */
    private double[] corner(int[] j) {
        double[] values = fixed.clone();
        for (int i = 0; i < d; i++) {
            values[axis[i]] = j == null ? lo[i] : latticeValue(i, j[i]);
        }
        return values;
    }

    private PartitionProblem problem(double[] values) {
        return (PartitionProblem) scenario.apply(base, names, values);
    }

    /** Solves (or recalls) the corners of cell {@code index} at {@code level}. */
    private Node examine(int level, int[] index, CompiledPartitionNetwork network) {
        int span = 1 << (depth - level);
        int plan = -2;
        int[] j = new int[d];
        for (int mask = 0; mask < (1 << d); mask++) {
            long key = 0;
            for (int i = 0; i < d; i++) {
                j[i] = (index[i] + ((mask >> i) & 1)) * span;
                key = (key << 21) | j[i];
            }
            Integer p = corners.get(key);
            if (p == null) {
                network.setProblem(problem(corner(j)));
                network.solve();
                solves.incrementAndGet();
                p = id(network.plan());
                corners.putIfAbsent(key, p);
            }
            if (plan == -2) {
                plan = p;
            } else if (plan != p) {
                plan = -1;
            }
        }
        return new Node(level, index.clone(), plan);
    }

    /** The id of {@code plan}, registering it (with its cost line) when new. */
    private int id(Placement plan) {
        Integer id = ids.get(plan);
        if (id != null) {
            return id;
        }
        synchronized (this) {
            id = ids.get(plan);
            if (id != null) {
                return id;
            }
            Known[] ks = known;
            Known[] more = java.util.Arrays.copyOf(ks, ks.length + 1);
            more[ks.length] = line(plan);
            known = more; // published before the id, so known[id] is visible to whoever reads the id
            ids.put(plan, ks.length);
            return ks.length;
        }
    }

    /**
     * The cost line of {@code plan}, measured with the family evaluator: its objective at the lower
     * corner of the box and at that corner moved to the upper end of each dimension in turn.
     */
    private Known line(Placement plan) {
        double[] low = corner(null);
        double f0 = problem(low).evaluate(plan).objective();
        double[] c = new double[d];
        double a = f0;
        for (int i = 0; i < d; i++) {
            double[] v = low.clone();
            v[axis[i]] = hi[i];
            double t0 = theta(i, lo[i]);
            double t1 = theta(i, hi[i]);
            c[i] = (problem(v).evaluate(plan).objective() - f0) / (t1 - t0);
            a -= c[i] * t0;
        }
        return new Known(plan, a, c);
    }

    private double theta(int i, double v) {
        return load[i] ? 1 / (1 - v) : 1 / v;
    }
}
