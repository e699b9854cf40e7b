package org.cleave.cli;

import java.time.Duration;
import org.cleave.workflows.units.Units;
import picocli.CommandLine;

/**
 * Parses {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or an ISO-8601 duration ({@code PT10S})
 * with {@link Units#duration}.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Units.duration("duration", value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
