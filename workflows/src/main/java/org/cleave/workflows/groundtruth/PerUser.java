package org.cleave.workflows.groundtruth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.cleave.workflows.units.Units;

/**
 * A per-user draw of a multi-user state space (P4): in every state, each user's {@code quantity}
 * ({@code uplink} or {@code downlink} in bit/s, or device {@code load} ρ) is drawn independently
 * from {@code distribution}. The draws of state {@code i} come from a generator seeded by (seed, i),
 * so they depend only on the spec and the index.
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
        if (quantity.equals("load") && !(distribution instanceof Uniform u && u.from() >= 0 && u.to() < 1)) {
            throw new IllegalArgumentException("per-user load: needs uniform:from=A,to=B with 0 <= A <= B < 1, got "
                    + distribution);
        }
    }

    /** A distribution of one user's value. */
    public sealed interface Distribution permits Uniform, LogNormal {
        /** One draw. */
        double draw(SplittableRandom rng);
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
        public double draw(SplittableRandom rng) {
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
        public double draw(SplittableRandom rng) {
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
     * ({@code uplink=lognormal:median=5Mbps,sigma=0.8}).
     */
    public static PerUser parse(String spec) {
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
