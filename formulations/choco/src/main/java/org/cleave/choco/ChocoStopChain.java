package org.cleave.choco;

import java.util.ArrayList;
import java.util.List;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.core.exits.StopChain;
import org.cleave.core.exits.StopProfile;
import org.cleave.core.exits.UnitTimes;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.IntegerScaling;

/**
 * The early-exit model shared by the Choco formulations of P2 and P3: exit choice as Boolean
 * variables, the reach of every layer as a function of one integer variable, and each
 * reach-weighted cost tabulated over the few variables it depends on, so that no product of a
 * reach with a placement has to be linearised.
 *
 * <p><b>Stop chain</b> ({@link StopChain}, priced by {@link UnitTimes}). Nodes k = 0 … m+1: 0 a virtual source (rate R_0 = 0), 1 … m the exits by
 * depth (layer ℓ_k, rate R_k = r_k, or 1 under {@link StopProfile.Mode#TRUNCATE}), m+1 the final
 * classifier (layer = output, R = 1). Layer v lies in segment s(v), the first node k ≥ 1 with
 * ℓ_k ≥ v. Variables:
 * <pre>
 *   z_k ∈ {0,1}             exit k active (1 ≤ k ≤ m)
 *   π_s ∈ {0, …, s−1}       the deepest active node before node s (1 ≤ s ≤ m+1):
 *                           π_1 = 0,  π_{s+1} = element([π_s, s], z_s)
 *   x_v ∈ {0,1}             layer v on the edge; x_input = 0, x_u ≤ x_v on every arc
 *   σ_u ∈ {0,1}             u's tensor is sent: the clauses of the P1 model, σ_u = ¬x_u ∧ ∨_{u→v} x_v
 * </pre>
 * Rates are nondecreasing with depth, so {@link StopProfile}'s quantities are exact functions of
 * π: reach(v) = 1 − R_{π_{s(v)}}, continueAfter(u) = 1 − R_{π_{s(u+1)}}, and for node k (active)
 * branchReach_k = 1 − R_{π_k}, share_k = R_k − R_{π_k}.
 *
 * <p><b>Exact reach-weighted costs.</b> Every cost term of {@link org.cleave.core.exits.ExpectedLoads}
 * depends on one π and one or two Booleans: layer v on (π_{s(v)}, x_v), the tensor of u on
 * (π_{s(u+1)}, σ_u), stop k on (π_k, z_k, x_{ℓ_k}) (branch compute, result download, link
 * latency). For each assignment of those variables the term's real value — a measure
 * Σ_kind w_kind·amount_kind of device seconds, edge seconds, uplink seconds, downlink seconds and
 * touched share — is computed in floating point and rounded once by {@link IntegerScaling}; a
 * measure's total is the global constraint {@link PropReachSum}, total = Σ_t value_t(drivers),
 * which holds each term's values for every assignment of its drivers (so the value of the product
 * reach × indicator itself, for every case: nothing is linearised) and filters by the bounds of
 * the sum. The model's integer total of a plan is therefore round-per-term of the evaluator's
 * terms: off by at most k/2 units for k rounded terms, and by nothing else. Values above a
 * measure's cap (a plan paying one exceeds the measure's upper bound) are clamped to the cap.
 *
 * <p><b>Feasibility exactly as the evaluator decides it.</b> Constraints a family states in
 * floating point (accuracy floor, latency bound, frame rate) are posted as a checker constraint
 * that calls the family evaluator on every complete assignment and fails the infeasible ones, plus
 * an accuracy checker on z alone (the accuracy depends on the exit set only) and the scaled totals'
 * upper bounds relaxed by their rounding error, which prune but never cut off a feasible plan.
 *
 * <p><b>Unreached layers.</b> Layers behind an active exit of rate 1 cost nothing wherever they
 * run; they are put on the edge (monotone, and cost-neutral in every measure since their tensors'
 * continueAfter and their stops' shares are 0), and exits behind such an exit are kept off, so
 * that the plans of equal cost that differ only there are not enumerated.
 */
public final class ChocoStopChain {
    /**
     * The amounts a cost term is made of. A measure's weights are indexed by {@link #ordinal()}:
     * {@code weights[kind.ordinal()]} is the weight of one unit of {@code kind}.
     */
    public enum AmountKind {
        /** Device compute seconds. */
        DEVICE,
        /** Edge compute seconds. */
        EDGE,
        /** Uplink seconds. */
        UPLOAD,
        /** Downlink seconds of results. */
        DOWNLOAD,
        /** Share of samples that touched the edge (× one-way latency). */
        TOUCH;

        /** Number of amount kinds: the length of a measure's weights. */
        public static final int COUNT = values().length;
    }

    /** At most this many digits: a total of 10^7 plus rounding stays below Choco's domain bound ±21,474,836. */
    static final int MAX_DIGITS = 7;

    /** What a cost term prices: a layer's compute, a tensor's upload, or a stop (exit or final classifier). */
    enum Kind {
        LAYER, TENSOR, STOP
    }

    /** One cost term: its kind, the layer or node it belongs to, and the segment whose π drives it. */
    record Term(Kind kind, int index, int segment) {
    }

    private final DnnGraph graph;
    private final StopChain chain;
    private final UnitTimes unit;
    private final int exits;
    private final List<Term> terms = new ArrayList<>();

    private ChocoStopChain(DnnGraph g, StopChain chain, UnitTimes unit) {
        this.graph = g;
        this.chain = chain;
        this.unit = unit;
        exits = chain.exits();
        int n = g.size();
        for (int v = 0; v < n; v++) {
            terms.add(new Term(Kind.LAYER, v, chain.segment(v)));
        }
        for (int u = 0; u < n; u++) {
            if (unit.upload(u) > 0) {
                terms.add(new Term(Kind.TENSOR, u, chain.segment(u + 1)));
            }
        }
        for (int k = 1; k <= chain.last(); k++) {
            terms.add(new Term(Kind.STOP, k, k));
        }
    }

    /**
     * The Choco model of {@code chain} (the stop chain of {@code g}'s exits) priced by {@code unit}
     * (the unit times of {@code g} on the problem's tiers).
     */
    public static ChocoStopChain of(DnnGraph g, StopChain chain, UnitTimes unit) {
        return new ChocoStopChain(g, chain, unit);
    }

    /** Amounts (by kind) of term {@code t} when its π is {@code p}, its bit {@code b} and its gate {@code gate}. */
    private double[] amounts(Term t, int p, int b, int gate) {
        double[] a = new double[AmountKind.COUNT];
        double reach = 1 - chain.rate(p);
        switch (t.kind()) {
            case LAYER -> a[(b == 1 ? AmountKind.EDGE : AmountKind.DEVICE).ordinal()] =
                    reach * (b == 1 ? unit.edge(t.index()) : unit.device(t.index()));
            case TENSOR -> a[AmountKind.UPLOAD.ordinal()] = b == 1 ? reach * unit.upload(t.index()) : 0;
            case STOP -> {
                if (gate == 1) {
                    double share = chain.rate(t.index()) - chain.rate(p);
                    if (b == 1) {
                        a[AmountKind.EDGE.ordinal()] = reach * unit.branchEdge(t.index());
                        a[AmountKind.DOWNLOAD.ordinal()] = share * unit.resultSeconds();
                        a[AmountKind.TOUCH.ordinal()] = share;
                    } else {
                        a[AmountKind.DEVICE.ordinal()] = reach * unit.branchDevice(t.index());
                    }
                }
            }
            default -> throw new IllegalStateException(t.kind().name());
        }
        return a;
    }

    private static double value(double[] amounts, double[] weights) {
        double v = 0;
        for (int i = 0; i < AmountKind.COUNT; i++) {
            v += weights[i] * amounts[i];
        }
        return v;
    }

    /** Whether {@code t} has a nonzero value under {@code weights} for some assignment. */
    boolean counts(Term t, double[] weights) {
        for (int p = 0; p < t.segment(); p++) {
            for (int b = 0; b <= 1; b++) {
                if (value(amounts(t, p, b, 1), weights) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** k: the number of rounded terms of a measure with {@code weights}. */
    public int terms(double[] weights) {
        int k = 0;
        for (Term t : terms) {
            if (counts(t, weights)) {
                k++;
            }
        }
        return k;
    }

    /**
     * Significant digits for a measure of {@code terms} rounded terms: at most {@value #MAX_DIGITS},
     * and 10^digits + k below Choco's domain bound {@link IntVar#MAX_INT_BOUND} (a total is at most
     * 10^digits + k/2 + 1; the sums themselves are kept in {@code long} by {@link PropReachSum}).
     *
     * @throws IllegalArgumentException if fewer than 3 digits remain (a graph far too large)
     */
    public int digits(int terms) {
        int digits = Math.min(MAX_DIGITS, (int) Math.floor(Math.log10(IntVar.MAX_INT_BOUND - terms)));
        if (digits < 3) {
            throw new IllegalArgumentException("model: " + terms + " cost terms leave too few significant digits"
                    + " for Choco's integer costs. Maybe use mincut, enumerate or ortools-milp:scip");
        }
        return digits;
    }

    /**
     * A scaled measure: Σ_kind {@code weights[kind]}·amount, scaled by {@code scaling}; plans whose
     * measure exceeds {@code upperCost} are not needed. Its total is bounded by
     * ⌊scale·upperCost + k/2⌋ (no plan within upperCost is cut off) and its terms clamped to one
     * more than that.
     */
    public Measure measure(String name, double[] weights, IntegerScaling scaling, double upperCost) {
        int k = terms(weights);
        double scaled = Math.max(0, upperCost * scaling.scale());
        long upper = (long) Math.floor(scaled + k * 0.5);
        return new Measure(name, weights.clone(), scaling, k, upper, upper + 1);
    }

    /**
     * A measure of the model.
     *
     * @param name    variable name
     * @param weights weight per amount kind
     * @param scaling the integer scaling
     * @param terms   k, the number of rounded terms
     * @param upper   the total's upper bound in integer units
     * @param cap     largest term value after clamping
     */
    public record Measure(String name, double[] weights, IntegerScaling scaling, int terms, long upper, long cap) {
        /** Worst-case rounding error of one plan's total, in integer units: k/2. */
        public double errorUnits() {
            return terms * 0.5;
        }

        /** The real value of integer units, less the rounding error: a conservative lower bound, at least 0. */
        public double lowerBound(long units) {
            return Math.max(0, scaling.toCost(units) - scaling.absoluteError(terms));
        }

        long scaled(double cost) {
            return cost * scaling.scale() >= cap ? cap : Math.min(cap, scaling.toLong(cost));
        }
    }

    /** Σ over all terms of each term's largest value under {@code weights}: at least any plan's measure. */
    public double worstCase(double[] weights) {
        double total = 0;
        for (Term t : terms) {
            double max = 0;
            for (int p = 0; p < t.segment(); p++) {
                for (int b = 0; b <= 1; b++) {
                    max = Math.max(max, value(amounts(t, p, b, 1), weights));
                }
            }
            total += max;
        }
        return total;
    }

    /**
     * A lower bound on device + edge compute of any plan, in seconds: every layer runs on one tier,
     * and is reached by at least 1 − R_{s(v)−1} of the samples (all exits before it active),
     * Σ_v min(t_d(v), t_e(v))·(1 − R_{s(v)−1}), the input on the device. Branches are left out.
     */
    public double computeFloorSeconds() {
        double total = unit.device(0);
        for (int v = 1; v < unit.size(); v++) {
            total += Math.min(unit.device(v), unit.edge(v)) * (1 - chain.rate(chain.segment(v) - 1));
        }
        return total;
    }

    /** A Choco model of this chain with the totals of {@code measures}. */
    public ChocoStopChainModel build(String name, List<Measure> measures) {
        return new ChocoStopChainModel(this, name, measures);
    }

    DnnGraph graph() {
        return graph;
    }

    StopChain chain() {
        return chain;
    }

    UnitTimes unit() {
        return unit;
    }

    /** m: the number of exits. */
    int exits() {
        return exits;
    }

    /** The cost terms, layers first, then sent tensors, then stops. */
    List<Term> costTerms() {
        return terms;
    }

    /**
     * The values of term {@code t} under {@code mu}, scaled and clamped: value[p][b][g] for π = p,
     * bit b and gate g; when {@code gated} is false the term has no gate and both g read gate 1.
     */
    long[][][] scaledValues(Term t, Measure mu, boolean gated) {
        long[][][] v = new long[t.segment()][2][2];
        for (int p = 0; p < t.segment(); p++) {
            for (int b = 0; b <= 1; b++) {
                for (int g = 0; g <= 1; g++) {
                    v[p][b][g] = mu.scaled(value(amounts(t, p, b, gated ? g : 1), mu.weights()));
                }
            }
        }
        return v;
    }
}
