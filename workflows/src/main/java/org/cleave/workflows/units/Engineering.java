package org.cleave.workflows.units;

import java.util.Locale;

/**
 * The one number format of Cleave's human-readable output: engineering notation with an SI
 * prefix and a unit, three significant digits ({@code 12.3 ms}, {@code 4.56 MB},
 * {@code 1.20 Gbit/s}, {@code 350 mJ}). The exponent is a multiple of 3 in [−15, 18] (prefixes
 * f p n µ m, none, k M G T P E); smaller magnitudes print as {@code 0}, larger in scientific
 * notation. NaN prints as {@code –}, infinities as {@code ∞ unit}. Machines read {@code --json},
 * never this.
 */
public final class Engineering {
    private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final int LOWEST = -15;

    private Engineering() {
    }

    /**
     * {@code value} with an SI prefix and {@code unit}, three significant digits, e.g.
     * {@code format(0.01234, "s")} is {@code "12.3 ms"}; an empty unit gives a bare number with a
     * prefix ({@code "4.50 k"}).
     */
    public static String format(double value, String unit) {
        String u = unit.isEmpty() ? "" : " " + unit;
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return (value < 0 ? "-∞" : "∞") + u;
        }
        if (value == 0) {
            return "0" + u;
        }
        double abs = Math.abs(value);
        // round to three significant digits first, so that 999.7 becomes 1.00 k, not 1000
        int exp10 = (int) Math.floor(Math.log10(abs));
        double rounded = Math.round(abs / Math.pow(10, exp10 - 2)) * Math.pow(10, exp10 - 2);
        exp10 = (int) Math.floor(Math.log10(rounded));
        int exp3 = Math.floorDiv(exp10, 3) * 3;
        if (exp3 < LOWEST) {
            return "0" + u;
        }
        int index = (exp3 - LOWEST) / 3;
        String sign = value < 0 ? "-" : "";
        if (index >= PREFIXES.length) {
            return sign + String.format(Locale.ROOT, "%.2e", rounded) + u;
        }
        double mantissa = rounded / Math.pow(10, exp3);
        int decimals = 2 - (exp10 - exp3);
        String p = PREFIXES[index];
        String sep = unit.isEmpty() && p.isEmpty() ? "" : " ";
        return sign + String.format(Locale.ROOT, "%." + decimals + "f", mantissa) + sep + p + unit;
    }

    /** Seconds: {@code format(seconds, "s")}. */
    public static String seconds(double seconds) {
        return format(seconds, "s");
    }

    /** Bytes: {@code format(bytes, "B")}. */
    public static String bytes(double bytes) {
        return format(bytes, "B");
    }

    /** Joules: {@code format(joules, "J")}. */
    public static String joules(double joules) {
        return format(joules, "J");
    }

    /** FLOPs: {@code format(flops, "FLOP")}. */
    public static String flops(double flops) {
        return format(flops, "FLOP");
    }

    /** Rates in bit/s: {@code format(bitsPerSecond, "bit/s")}. */
    public static String bitsPerSecond(double bitsPerSecond) {
        return format(bitsPerSecond, "bit/s");
    }

    /** A fraction in [0, 1] as a percentage with three significant digits ({@code 0.1234} is {@code 12.3 %}). */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "–";
        }
        double p = 100 * fraction;
        if (p == 0) {
            return "0 %";
        }
        int exp10 = (int) Math.floor(Math.log10(Math.abs(p)));
        int decimals = Math.max(0, Math.min(6, 2 - exp10));
        return String.format(Locale.ROOT, "%." + decimals + "f %%", p);
    }
}
