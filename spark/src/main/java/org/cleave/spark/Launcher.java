package org.cleave.spark;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.cleave.workflows.units.Units;
import picocli.CommandLine;

/**
 * Runs a job's picocli command with the cli's error rules: bad input is one line naming the field
 * or option and the value, exit status 2, never a stack trace.
 */
final class Launcher {
    /** Exit status of bad input, as the cli's. */
    static final int BAD_INPUT = 2;

    private Launcher() {
    }

    /** Parses {@code args} into {@code command} and runs it; returns the exit status. */
    static int execute(Object command, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("cleave-spark: " + ex.getMessage());
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable root = ex;
            if (root instanceof IllegalArgumentException || root instanceof UncheckedIOException
                    || root instanceof java.io.IOException) {
                err.println("cleave-spark: " + root.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** picocli converter of {@code 500ms}, {@code 10s}, {@code 2m}, {@code PT10S} ({@link Units#duration}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Units.duration("duration", value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
