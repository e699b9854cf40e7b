package org.cleave.workflows.groundtruth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.cleave.workflows.units.Units;

/**
 * A per-user draw of a multi-user state space (P4): in every state, each user's {@code quantity}
 * ({@code uplink} or {@code downlink} in bit/s, or device {@code load} ρ) is drawn independently
 * from {@code distribution}, or read from a column of a CSV trace ({@link TraceColumn}). The draws of
 * state {@code i} come from a generator seeded by (seed, i), so they depend only on the spec and the
 * index.
 *
 * @param quantity     {@code uplink}, {@code downlink} or {@code load}
 * @param distribution the distribution of each user's value
 */
public record PerUser(String quantity, Distribution distribution) {
    public PerUser {
        if (!quantity.equals("uplink") && !quantity.equals("downlink") && !quantity.equals("load")) {
            throw new IllegalArgumentException("per-user: quantity must be uplink, downlink or load, got '" + quantity
                    + "'");
        }
        if (quantity.equals("load") && !(distribution instanceof Uniform u && u.from() >= 0 && u.to() < 1)
                && !(distribution instanceof TraceColumn)) {
            throw new IllegalArgumentException("per-user load: needs uniform:from=A,to=B with 0 <= A <= B < 1 or a"
                    + " trace, got " + distribution);
        }
    }

    /** A distribution of one user's value. */
    public sealed interface Distribution permits Uniform, LogNormal, TraceColumn {
        /**
         * User {@code user}'s value in state {@code stateIndex} of a run seeded {@code seed}; the random
         * distributions take one draw from {@code rng} (the state's generator) and ignore the rest.
         */
        double draw(SplittableRandom rng, long stateIndex, int user, long seed);
    }

    /**
     * Values read from one column of a CSV trace ({@link NumericCsv}: header line, comma-separated,
     * numbers). User {@code u} in state {@code i} takes row {@code (i + s_u) mod rows}: each user walks
     * the trace one row per state, from its own start row {@code s_u = new SplittableRandom(seed + (u +
     * 1)·0x9E3779B97F4A7C15).nextInt(rows)}, fixed for the run. So consecutive states keep each user's
     * temporal correlation, users sit at different, seeded phases of the trace, and the value depends
     * only on (seed, i, u). Draws no value from the state's generator.
     *
     * @param source the file as named in messages
     * @param column the column name
     * @param values the column's values, in file order (not to be modified)
     * @param sha256 SHA-256 of the file's text
     */
    public record TraceColumn(String source, String column, double[] values, String sha256) implements Distribution {
        public TraceColumn {
            if (values.length == 0) {
                throw new IllegalArgumentException("per-user trace: " + source + ": no rows");
            }
        }

        /** The start row of user {@code user} in a run seeded {@code seed}. */
        public int startRow(int user, long seed) {
            return new SplittableRandom(seed + (user + 1L) * 0x9E3779B97F4A7C15L).nextInt(values.length);
        }

        @Override
        public double draw(SplittableRandom rng, long stateIndex, int user, long seed) {
            return values[(int) ((stateIndex % values.length + startRow(user, seed)) % values.length)];
        }

        /** Identifies the contents (column, rows, SHA-256), not the path, for run fingerprints. */
        @Override
        public String toString() {
            return "trace(column=" + column + ",rows=" + values.length + ",sha256=" + sha256 + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TraceColumn t && t.column.equals(column) && t.sha256.equals(sha256);
        }

        @Override
        public int hashCode() {
            return column.hashCode() * 31 + sha256.hashCode();
        }
    }

    /**
     * Uniform on [from, to].
     *
     * @param from lower end
     * @param to   upper end, {@code >= from}
     */
    public record Uniform(double from, double to) implements Distribution {
        public Uniform {
            if (!Double.isFinite(from) || !Double.isFinite(to) || to < from) {
                throw new IllegalArgumentException("per-user uniform: needs finite from <= to, got " + from + " and "
                        + to);
            }
        }

        @Override
        public double draw(SplittableRandom rng, long stateIndex, int user, long seed) {
            return from + rng.nextDouble() * (to - from);
        }
    }

    /**
     * Log-normal: exp(mu + sigma·Z), Z standard normal; {@code exp(mu)} is the median (in the
     * quantity's unit, bit/s for rates).
     *
     * @param mu    mean of the logarithm
     * @param sigma standard deviation of the logarithm, {@code >= 0}
     */
    public record LogNormal(double mu, double sigma) implements Distribution {
        public LogNormal {
            if (!Double.isFinite(mu) || !Double.isFinite(sigma) || sigma < 0) {
                throw new IllegalArgumentException("per-user lognormal: needs finite mu and sigma >= 0, got mu=" + mu
                        + ", sigma=" + sigma);
            }
        }

        @Override
        public double draw(SplittableRandom rng, long stateIndex, int user, long seed) {
            return Math.exp(mu + sigma * gaussian(rng));
        }

        /** A standard normal by the Box–Muller transform (two uniforms, deterministic). */
        private static double gaussian(SplittableRandom rng) {
            double u1 = 1.0 - rng.nextDouble(); // (0, 1]
            double u2 = rng.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }

    /**
     * Parses {@code QUANTITY=uniform:from=A,to=B} or {@code QUANTITY=lognormal:median=M,sigma=S}
     * ({@code mu=} in place of {@code median=}: the mean of ln(value)); rates may carry units
     * ({@code uplink=lognormal:median=5Mbps,sigma=0.8}); or {@code QUANTITY=trace:FILE[,column=NAME]}
     * (see {@link TraceColumn}; the column defaults to {@code uplink_bps}, {@code downlink_bps} or
     * {@code load}; rates in bit/s, {@code > 0}; loads in [0, 1)). Reads the trace file.
     */
    public static PerUser parse(String spec) {
        int traceAt = spec.indexOf("=trace:");
        if (traceAt > 0) {
            return parseTrace(spec.substring(0, traceAt).trim().toLowerCase(Locale.ROOT),
                    spec.substring(traceAt + "=trace:".length()));
        }
        int eq = spec.indexOf('=');
        int colon = spec.indexOf(':');
        if (eq <= 0 || colon < eq) {
            throw new IllegalArgumentException("per-user: expected QUANTITY=uniform:from=A,to=B or"
                    + " QUANTITY=lognormal:median=M,sigma=S, got '" + spec + "'");
        }
        String quantity = spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String kind = spec.substring(eq + 1, colon).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : spec.substring(colon + 1).split(",")) {
            int e = part.indexOf('=');
            if (e <= 0) {
                throw new IllegalArgumentException("per-user " + quantity + ": expected name=value, got '" + part + "'");
            }
            params.put(part.substring(0, e).trim().toLowerCase(Locale.ROOT), part.substring(e + 1).trim());
        }
        boolean rate = !quantity.equals("load");
        Distribution d = switch (kind) {
            case "uniform" -> new Uniform(value(quantity, rate, params, "from"), value(quantity, rate, params, "to"));
            case "lognormal" -> {
                double mu = params.containsKey("median") ? Math.log(value(quantity, rate, params, "median"))
                        : number(quantity, params, "mu");
                yield new LogNormal(mu, number(quantity, params, "sigma"));
            }
            default -> throw new IllegalArgumentException("per-user " + quantity + ": distribution must be uniform or"
                    + " lognormal, got '" + kind + "'");
        };
        return new PerUser(quantity, d);
    }

    private static PerUser parseTrace(String quantity, String rest) {
        new PerUser(quantity, new Uniform(0, 0)); // checks the quantity first
        String file = rest;
        String column = switch (quantity) {
            case "uplink" -> BandwidthTrace.UPLINK;
            case "downlink" -> BandwidthTrace.DOWNLINK;
            default -> "load";
        };
        int c = rest.lastIndexOf(",column=");
        if (c >= 0) {
            file = rest.substring(0, c);
            column = rest.substring(c + ",column=".length()).trim();
        }
        if (file.isBlank()) {
            throw new IllegalArgumentException("per-user " + quantity + ": expected trace:FILE[,column=NAME], got"
                    + " no file");
        }
        NumericCsv csv = NumericCsv.read("per-user " + quantity, java.nio.file.Path.of(file.trim()));
        double[] values = quantity.equals("load")
                ? csv.column("per-user " + quantity, column, v -> v >= 0 && v < 1, "a load must be in [0, 1)")
                : csv.column("per-user " + quantity, column, v -> v > 0, "a rate must be > 0 bit/s");
        return new PerUser(quantity, new TraceColumn(csv.source(), column, values, csv.sha256()));
    }

    private static double value(String quantity, boolean rate, Map<String, String> params, String name) {
        if (!params.containsKey(name)) {
            throw new IllegalArgumentException("per-user " + quantity + ": missing " + name + "=");
        }
        return rate ? Units.bitsPerSecond("per-user " + quantity + " " + name, params.get(name))
                : number(quantity, params, name);
    }

    private static double number(String quantity, Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null) {
            throw new IllegalArgumentException("per-user " + quantity + ": missing " + name + "=");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("per-user " + quantity + ": " + name + " is not a number: '" + text
                    + "'");
        }
    }
}
