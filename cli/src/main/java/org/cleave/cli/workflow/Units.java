package org.cleave.cli.workflow;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses rates written with units ({@code 0.1Mbps}, {@code 10Gbps}, {@code 5.85e6}) into bit/s. */
public final class Units {
    private static final Pattern RATE = Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([kKmMgG]?)(bps|bit/s)?");

    private Units() {
    }

    /**
     * Bits per second from {@code text}; {@code field} names the option in messages.
     *
     * @throws IllegalArgumentException naming the field and the text
     */
    public static double bitsPerSecond(String field, String text) {
        Matcher m = RATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(field + ": expected a rate such as 0.1Mbps, 5.85Mbps, 10Gbps or 5.85e6,"
                    + " got '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "g" -> 1e9;
            default -> 1;
        };
        double bits = value * factor;
        if (!(bits > 0) || Double.isInfinite(bits)) {
            throw new IllegalArgumentException(field + ": must be a positive rate, got '" + text + "'");
        }
        return bits;
    }
}
