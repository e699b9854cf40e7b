package org.cleave.cli.map;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses a bit rate: {@code 0.1Mbps}, {@code 500kbps}, {@code 10Gbps}, {@code 2e6bps} or a plain
 * number of bit/s. The unit is bits per second (SI prefixes k = 10³, M = 10⁶, G = 10⁹), case-insensitive.
 */
public final class BandwidthConverter implements CommandLine.ITypeConverter<Double> {
    private static final Pattern RATE = Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([kmg]?)(bps|bit/s)?");

    @Override
    public Double convert(String value) {
        Matcher m = RATE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2).length() > 0 && m.group(3) == null)) {
            throw new CommandLine.TypeConversionException("expected a bit rate such as 0.1Mbps, 500kbps or 10Gbps,"
                    + " got '" + value + "'");
        }
        double scale = switch (m.group(2)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "g" -> 1e9;
            default -> 1;
        };
        double rate = Double.parseDouble(m.group(1)) * scale;
        if (!(rate > 0 && rate < Double.POSITIVE_INFINITY)) {
            throw new CommandLine.TypeConversionException("must be a positive, finite bit rate, got '" + value + "'");
        }
        return rate;
    }
}
