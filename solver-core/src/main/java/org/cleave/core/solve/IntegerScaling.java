package org.cleave.core.solve;

/**
 * The one place where real costs become integers for CP solvers (CP-SAT, Choco), which need
 * integer coefficients. A cost c becomes {@code round(c · scale)} with
 * {@code scale = 10^digits / maxMagnitude} (so the largest coefficient has about {@code digits}
 * significant decimal digits and stays far from overflow). The rounding error of one coefficient
 * is at most {@code 0.5 / scale}; a model summing k coefficients is off by at most
 * {@code k · 0.5 / scale}, which {@link #absoluteError(int)} reports. Results are re-evaluated in
 * floating point by the family evaluator; the scale and the error bound are recorded as result
 * parameters ({@link #describe()}).
 *
 * @param scale  integer units per cost unit
 * @param digits significant decimal digits kept for the largest magnitude
 */
public record IntegerScaling(double scale, int digits) {
    /** Default digits: 9 keeps sums of thousands of terms below 2^53 and far from overflow of 64-bit integers. */
    public static final int DEFAULT_DIGITS = 9;

    public IntegerScaling {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
    }

    /** A scaling for costs whose largest magnitude is {@code maxMagnitude}. */
    public static IntegerScaling forMaximum(double maxMagnitude, int digits) {
        double m = maxMagnitude > 0 && Double.isFinite(maxMagnitude) ? maxMagnitude : 1.0;
        return new IntegerScaling(Math.pow(10, digits) / m, digits);
    }

    /** {@link #forMaximum(double, int)} with {@link #DEFAULT_DIGITS}. */
    public static IntegerScaling forMaximum(double maxMagnitude) {
        return forMaximum(maxMagnitude, DEFAULT_DIGITS);
    }

    /** The integer for {@code cost}. */
    public long toLong(double cost) {
        return Math.round(cost * scale);
    }

    /** The cost for an integer. */
    public double toCost(long scaled) {
        return scaled / scale;
    }

    /** Worst-case absolute error of a sum of {@code terms} rounded coefficients, in cost units. */
    public double absoluteError(int terms) {
        return terms * 0.5 / scale;
    }

    /** How results record the scaling, e.g. {@code "scale=1.0e+09 per unit, 9 digits"}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "scale=%.6e per unit, %d digits", scale, digits);
    }
}
