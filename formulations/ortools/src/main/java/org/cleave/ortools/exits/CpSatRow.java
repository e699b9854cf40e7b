package org.cleave.ortools.exits;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;
import org.cleave.core.solve.IntegerScaling;

/**
 * A real-valued linear row Σ_groups unit_g · Σ_p weight_p · p over the Boolean products of
 * {@link CpSatStopChain.Group}s, as integers for CP-SAT: each product's coefficient
 * unit·weight is rounded once, {@code round(scale · unit · weight)}, with a scale from
 * {@link IntegerScaling}. At most one product per group is true in a plan, so for every plan the
 * integer row differs from {@code scale ×} the real row by at most {@link #errorUnits()} = g/2
 * (g = groups with a nonzero coefficient), whatever the number of products.
 *
 * <p>Scale: {@link #scaling(int, CpSatRow...)} takes {@code 10^digits / T}, T the largest
 * {@link #total()} (sum of <em>every</em> coefficient of a row, alternatives included) of the rows
 * sharing it, so every row's integer coefficients sum to at most 10^{@value #DIGITS} + g/2, below
 * 2^31: no sum overflows, CP-SAT's objective values and bounds (doubles) are exact integers, and
 * the coefficients stay in the range where CP-SAT's presolve is sound. Every solver using these
 * rows re-checks its answer in floating point (a rounding band), so the digits cost speed, never
 * exactness. Mutable while it is filled, then read only.
 */
public final class CpSatRow {
    /** Significant digits of the largest row total: integer row sums stay near 10^9, below 2^31. */
    public static final int DIGITS = 9;

    /**
     * Integer units added to every rounding band, for the floating-point error of the real
     * coefficients and of the evaluator's own sums (both ~10^-16 relative, so ≪ 1 unit at 10^9).
     */
    public static final long MARGIN_UNITS = 2;

    private final List<CpSatStopChain.Group> groups = new ArrayList<>();
    private final List<Double> units = new ArrayList<>();

    /** Adds {@code unit} × the group (nothing for a zero unit or an empty group). */
    public CpSatRow add(CpSatStopChain.Group group, double unit) {
        if (unit > 0 && group.size() > 0) {
            groups.add(group);
            units.add(unit);
        }
        return this;
    }

    /**
     * The row without its products of real value above {@code cap}·(1 + 10^-9), each of which is
     * forbidden in {@code model} (fixed false): a plan with such a product true has, in the
     * evaluator too (its sums of nonnegative terms are at least each term), a row value above
     * {@code cap}. Use it with a cap that no optimal plan exceeds (the cost of a plan the
     * evaluator accepts, a latency bound). Groups left empty are dropped. This row is unchanged.
     */
    public CpSatRow forbidAbove(CpModel model, double cap) {
        CpSatRow kept = new CpSatRow();
        if (!(cap < Double.POSITIVE_INFINITY)) {
            kept.groups.addAll(groups);
            kept.units.addAll(units);
            return kept;
        }
        double limit = cap * (1 + 1e-9);
        for (int g = 0; g < groups.size(); g++) {
            CpSatStopChain.Group group = groups.get(g);
            List<Literal> literals = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int p = 0; p < group.size(); p++) {
                if (units.get(g) * group.weights().get(p) > limit) {
                    model.addBoolAnd(new Literal[] {group.literals().get(p).not()});
                } else {
                    literals.add(group.literals().get(p));
                    weights.add(group.weights().get(p));
                }
            }
            kept.add(new CpSatStopChain.Group(List.copyOf(literals), List.copyOf(weights)), units.get(g));
        }
        return kept;
    }

    /** Sum of every coefficient of the row, alternatives included (real units). */
    public double total() {
        double t = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (double w : groups.get(g).weights()) {
                t += units.get(g) * w;
            }
        }
        return t;
    }

    /** Number of groups g. */
    public int groups() {
        return groups.size();
    }

    /** Worst-case rounding error of one plan's row, in integer units: g/2. */
    public double errorUnits() {
        return groups.size() * 0.5;
    }

    /** The band width k = g + {@link #MARGIN_UNITS} that a rounding-band re-check must cover above an optimum. */
    public long bandUnits() {
        return groups.size() + MARGIN_UNITS;
    }

    /** The scaling shared by {@code rows}: {@code digits} significant digits of their largest total. */
    public static IntegerScaling scaling(int digits, CpSatRow... rows) {
        double t = 0;
        for (CpSatRow r : rows) {
            t = Math.max(t, r.total());
        }
        return IntegerScaling.forMaximum(t, digits);
    }

    /** The integer row: Σ round(scale·unit·weight)·p. */
    public LinearExpr expr(IntegerScaling scaling) {
        LinearExprBuilder b = LinearExpr.newBuilder();
        for (int g = 0; g < groups.size(); g++) {
            CpSatStopChain.Group group = groups.get(g);
            for (int p = 0; p < group.size(); p++) {
                long c = scaling.toLong(units.get(g) * group.weights().get(p));
                if (c != 0) {
                    b.addTerm(group.literals().get(p), c);
                }
            }
        }
        return b.build();
    }

    /** Largest integer the row can take: Σ of its integer coefficients. */
    public long maxUnits(IntegerScaling scaling) {
        long m = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (double w : groups.get(g).weights()) {
                m += scaling.toLong(units.get(g) * w);
            }
        }
        return m;
    }
}
