package org.cleave.workflows.groundtruth;

import java.util.Locale;
import org.cleave.workflows.units.Units;

/**
 * One axis of a ground-truth state space: a named parameter swept from {@code from} to {@code to}
 * over {@code points} values, linearly or logarithmically, or drawn uniformly (log-uniformly)
 * from that range for random state spaces.
 *
 * @param name   the parameter, e.g. {@code uplink} (bit/s) or {@code load}
 * @param from   first value
 * @param to     last value
 * @param points grid points, {@code >= 1}
 * @param log    logarithmic spacing (and log-uniform draws)
 */
public record Axis(String name, double from, double to, int points, boolean log) {
    public Axis {
        if (points < 1) {
            throw new IllegalArgumentException("axis " + name + ": needs at least 1 point, got " + points);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("axis " + name + ": bounds must be finite, got " + from + " and " + to);
        }
        if (log && (from <= 0 || to <= 0)) {
            throw new IllegalArgumentException("axis " + name + ": a log axis needs positive bounds, got " + from
                    + " and " + to);
        }
    }

    /**
     * Parses {@code name=from:to[:points[:log|lin]]}; rates of the {@code uplink} and {@code downlink}
     * axes may carry units ({@code 0.1Mbps}).
     */
    public static Axis parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("axis: expected name=from:to[:points[:log|lin]], got '" + spec + "'");
        }
        String name = spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String[] parts = spec.substring(eq + 1).split(":");
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("axis " + name + ": expected from:to[:points[:log|lin]], got '"
                    + spec.substring(eq + 1) + "'");
        }
        boolean rate = name.equals("uplink") || name.equals("downlink");
        double from = rate ? Units.bitsPerSecond("axis " + name, parts[0]) : number(name, parts[0]);
        double to = rate ? Units.bitsPerSecond("axis " + name, parts[1]) : number(name, parts[1]);
        int points = parts.length > 2 ? points(name, parts[2]) : 1;
        boolean log = parts.length > 3 ? switch (parts[3]) {
            case "log" -> true;
            case "lin" -> false;
            default -> throw new IllegalArgumentException("axis " + name + ": spacing must be log or lin, got '"
                    + parts[3] + "'");
        } : rate;
        return new Axis(name, from, to, points, log);
    }

    /** Grid points of one axis: a whole number in [1, {@link GroundTruth#MAX_STATES}]. */
    private static int points(String name, String text) {
        double p = number(name, text);
        if (p != Math.rint(p) || p > GroundTruth.MAX_STATES) {
            throw new IllegalArgumentException("axis " + name + ": points must be a whole number in [1, "
                    + GroundTruth.MAX_STATES + "], got '" + text + "'");
        }
        return (int) p; // below 1: refused by the constructor ("needs at least 1 point")
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("axis " + name + ": not a number: '" + text + "'");
        }
    }

    /** The {@code i}-th grid value. */
    public double gridValue(int i) {
        if (points == 1 || i == 0) {
            return from;
        }
        if (i == points - 1) {
            return to;
        }
        double t = (double) i / (points - 1);
        return log ? Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from))) : from + t * (to - from);
    }

    /** A value drawn from {@code u} uniform in [0, 1). */
    public double draw(double u) {
        return log ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from);
    }
}
