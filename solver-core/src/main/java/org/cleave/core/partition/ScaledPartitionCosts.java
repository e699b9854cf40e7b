package org.cleave.core.partition;

import org.cleave.core.model.DnnGraph;
import org.cleave.core.solve.IntegerScaling;

/**
 * P1's {@link PartitionCoefficients} as integers for CP solvers (CP-SAT, Choco), through
 * {@link IntegerScaling}, the one place where costs are scaled.
 *
 * <p>The scale is set by an upper bound U on the optimum, the cheaper of device-only and
 * edge-only (both monotone, so U ≥ OPT): {@code scale = 10^digits / U}. The objective
 * <pre>
 *   Σ_v D_v·(1 − x_v) + Σ_v E_v·x_v + Σ_{u: outdeg(u) &gt; 0} S_u·s_u
 * </pre>
 * has k = 2|V| + #producers rounded coefficients, so for every plan p the integer cost differs
 * from {@code scale · cost(p)} by at most {@code k/2} units ({@link #errorUnits()}). A coefficient
 * larger than {@link #cap()} = ⌈scale·U + k/2⌉ + 1 is clamped to it: a plan that pays it costs more
 * than U and cannot be optimal, in either model. Hence
 * <ul>
 *   <li>a proven integer lower bound B gives {@code OPT ≥ (B − k/2) / scale}
 *   ({@link #lowerBound(long)});</li>
 *   <li>the integer optimum q is within {@code k/scale} of OPT in cost units, and every true
 *   optimum has integer cost ≤ {@code q + k} (the band a solver may enumerate to recover the
 *   floating-point optimum exactly).</li>
 * </ul>
 * {@code digits} is chosen so that {@code (k + 2) · 10^digits} stays below the solver's integer
 * limit (2^53 for CP-SAT, whose bounds come back as doubles; Choco's int domains): sums never
 * overflow. Immutable.
 */
public final class ScaledPartitionCosts {
    private final long[] device;
    private final long[] edge;
    private final long[] send;
    private final int terms;
    private final long cap;
    private final long upper;
    private final IntegerScaling scaling;

    private ScaledPartitionCosts(long[] device, long[] edge, long[] send, int terms, long cap, long upper,
                                IntegerScaling scaling) {
        this.device = device;
        this.edge = edge;
        this.send = send;
        this.terms = terms;
        this.cap = cap;
        this.upper = upper;
        this.scaling = scaling;
    }

    /**
     * The integer costs of {@code problem}.
     *
     * @param integerLimit largest integer the solver may hold in a sum (e.g. 2^53)
     * @param maxDigits    at most this many significant digits for U
     * @throws IllegalArgumentException if the graph is so large that fewer than 3 digits remain
     */
    public static ScaledPartitionCosts of(PartitionProblem problem, long integerLimit, int maxDigits) {
        DnnGraph g = problem.graph();
        PartitionCoefficients c = PartitionCoefficients.of(problem);
        int n = g.size();
        int producers = 0;
        for (int v = 0; v < n; v++) {
            if (g.outDegree(v) > 0) {
                producers++;
            }
        }
        double u = upperBound(c);
        int terms = 2 * n + producers;
        int digits = Math.min(maxDigits, (int) Math.floor(Math.log10((double) integerLimit / (terms + 2))));
        if (digits < 3) {
            throw new IllegalArgumentException("model: " + n + " layers leave only " + digits
                    + " significant digits for integer costs. Maybe use mincut or ortools-milp:scip");
        }
        IntegerScaling scaling = IntegerScaling.forMaximum(u, digits);
        double upperScaled = u * scaling.scale();
        long upper = (long) Math.floor(Math.max(upperScaled, 0) + terms * 0.5);
        long cap = (long) Math.ceil(Math.max(upperScaled, 0) + terms * 0.5) + 1;
        long[] dev = new long[n];
        long[] edg = new long[n];
        long[] snd = new long[n];
        for (int v = 0; v < n; v++) {
            dev[v] = clamp(c.deviceCost(v), scaling, cap);
            edg[v] = clamp(c.edgeCost(v), scaling, cap);
            snd[v] = g.outDegree(v) > 0 ? clamp(c.sendCost(v), scaling, cap) : 0;
        }
        return new ScaledPartitionCosts(dev, edg, snd, terms, cap, upper, scaling);
    }

    /**
     * U = min(device-only cost, edge-only cost), the cost of two monotone placements, hence an
     * upper bound on the optimum (cost units).
     */
    public static double upperBound(PartitionCoefficients c) {
        double deviceOnly = 0;
        double edgeOnly = c.deviceCost(0) + c.sendCost(0);
        for (int v = 0; v < c.size(); v++) {
            deviceOnly += c.deviceCost(v);
            edgeOnly += v > 0 ? c.edgeCost(v) : 0;
        }
        return Math.min(deviceOnly, edgeOnly);
    }

    private static long clamp(double cost, IntegerScaling scaling, long cap) {
        return cost * scaling.scale() >= cap ? cap : Math.min(cap, scaling.toLong(cost));
    }

    /** Integer cost of layer {@code v} on the device. */
    public long device(int v) {
        return device[v];
    }

    /** Integer cost of layer {@code v} on the edge (for the output: plus download and latency). */
    public long edge(int v) {
        return edge[v];
    }

    /** Integer cost of sending layer {@code v}'s output; 0 for a layer without consumers. */
    public long send(int v) {
        return send[v];
    }

    /** Number of rounded coefficients k. */
    public int terms() {
        return terms;
    }

    /** Largest coefficient after clamping. */
    public long cap() {
        return cap;
    }

    /** An upper bound on the integer optimum: {@code ⌊scale·U + k/2⌋}. */
    public long upperBound() {
        return upper;
    }

    /** Worst-case rounding error of one plan's integer cost, in integer units: {@code k/2}. */
    public double errorUnits() {
        return terms * 0.5;
    }

    /** The scaling used. */
    public IntegerScaling scaling() {
        return scaling;
    }

    /** A conservative lower bound on the optimum in cost units, from a proven integer lower bound. */
    public double lowerBound(long integerBound) {
        return scaling.toCost(integerBound) - scaling.absoluteError(terms);
    }

    /** Worst-case error of the returned objective versus the optimum, in cost units: {@code k / scale}. */
    public double optimalityError() {
        return 2 * scaling.absoluteError(terms);
    }
}
