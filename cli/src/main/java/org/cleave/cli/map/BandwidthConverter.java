package org.cleave.cli.map;

import org.cleave.workflows.units.Units;
import picocli.CommandLine;

/**
 * Parses a bit rate ({@code 0.1Mbps}, {@code 500kbps}, {@code 10Gbps}, {@code 5M}, {@code 2e6})
 * with {@link Units#bitsPerSecond}, the parser every rate of the command line and the workflows goes
 * through.
 */
public final class BandwidthConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        try {
            return Units.bitsPerSecond("rate", value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
