package org.cleave.workflows.units;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of quantities written with units. Every method takes the name of the field being
 * parsed, for its messages, and throws {@link IllegalArgumentException} naming that field and the
 * text.
 *
 * <ul>
 *   <li>Rates, in bit/s: a number, an optional SI prefix {@code k} (10³), {@code M} (10⁶) or
 *   {@code G} (10⁹), and an optional unit {@code bps} or {@code bit/s}; prefix and unit are
 *   case-insensitive ({@code 5M}, {@code 0.1Mbps}, {@code 500kbps}, {@code 10GBPS},
 *   {@code 2e6bit/s}, {@code 5.85e6}). The SI prefix {@code m} is mega here, never milli.</li>
 *   <li>Sizes, in bytes: a number and an optional unit {@code B}, {@code kB}, {@code MB},
 *   {@code GB} (powers of 10³) or {@code KiB}, {@code MiB}, {@code GiB} (powers of 2¹⁰),
 *   case-insensitive.</li>
 *   <li>Durations: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} (decimals allowed) or
 *   ISO-8601 ({@code PT10S}, taken as written); a short form must be positive.</li>
 * </ul>
 */
public final class Units {
    private static final String NUMBER = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
    private static final Pattern RATE = Pattern.compile(NUMBER + "\\s*([kmg]?)(bps|bit/s)?");
    private static final Pattern SIZE = Pattern.compile(NUMBER + "\\s*(b|kb|mb|gb|kib|mib|gib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Units() {
    }

    /**
     * Bits per second from {@code text}.
     *
     * @param field names the field in messages
     * @throws IllegalArgumentException naming the field and the text if it is not a positive, finite rate
     */
    public static double bitsPerSecond(String field, String text) {
        Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(field + ": expected a bit rate such as 0.1Mbps, 500kbps, 10Gbps, 5M"
                    + " or 5.85e6, got '" + text + "'");
        }
        double factor = switch (m.group(2)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "g" -> 1e9;
            default -> 1;
        };
        double bits = Double.parseDouble(m.group(1)) * factor;
        if (!(bits > 0) || Double.isInfinite(bits)) {
            throw new IllegalArgumentException(field + ": must be a positive, finite bit rate, got '" + text + "'");
        }
        return bits;
    }

    /**
     * Bytes from {@code text}.
     *
     * @param field names the field in messages
     * @throws IllegalArgumentException naming the field and the text if it is not a non-negative, finite size
     */
    public static double bytes(String field, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(field + ": expected a size such as 512, 44.7MB, 2kB or 1.5GiB, got '"
                    + text + "'");
        }
        double factor = m.group(2) == null ? 1 : switch (m.group(2)) {
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            default -> 1;
        };
        double bytes = Double.parseDouble(m.group(1)) * factor;
        if (Double.isInfinite(bytes)) {
            throw new IllegalArgumentException(field + ": must be a finite size, got '" + text + "'");
        }
        return bytes;
    }

    /**
     * A duration from {@code text}.
     *
     * @param field names the field in messages
     * @throws IllegalArgumentException naming the field and the text if it is neither form, or a short form that is not positive
     */
    public static Duration duration(String field, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double nanos = switch (m.group(2)) {
                case "ms" -> amount * 1e6;
                case "s" -> amount * 1e9;
                case "m" -> amount * 60e9;
                default -> amount * 3600e9;
            };
            if (nanos <= 0) {
                throw new IllegalArgumentException(field + ": must be positive, got '" + text + "'");
            }
            return Duration.ofNanos((long) nanos);
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": expected a duration such as 500ms, 10s, 2m or PT10S,"
                    + " got '" + text + "'");
        }
    }
}
