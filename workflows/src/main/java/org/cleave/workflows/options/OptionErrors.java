package org.cleave.workflows.options;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts the command line's option names on library errors. Library code names the parameter it
 * rejects ({@code users: must be >= 1, got 0}); a command that passed an option's value on reports
 * the same error under that option ({@code --users: must be >= 1, got 0}). The one place where a
 * library field is mapped to a flag; the {@code cleave} commands and the Spark jobs (which take the
 * same options) both use it.
 */
public final class OptionErrors {
    private OptionErrors() {
    }

    /** A call into library code that may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Call<T, E extends Exception> {
        /** Runs the call. */
        T get() throws E;
    }

    /**
     * Runs {@code call}; an {@link IllegalArgumentException} whose message starts with the field
     * of one of {@code options} (the option without its leading {@code --}) followed by a colon is
     * rethrown with the option in place of the field. Other errors pass through unchanged.
     */
    public static <T, E extends Exception> T under(Call<T, E> call, String... options) throws E {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String o : options) {
            fields.put(o.substring(2), o);
        }
        return under(fields, call);
    }

    /**
     * Runs {@code call}, reporting an error about a field of {@code fieldToOption}'s keys under
     * the option it maps to (for an option whose name differs from the library's field, e.g.
     * {@code solver} to {@code --solvers}).
     */
    public static <T, E extends Exception> T under(Map<String, String> fieldToOption, Call<T, E> call) throws E {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message != null) {
                for (Map.Entry<String, String> f : fieldToOption.entrySet()) {
                    if (message.startsWith(f.getKey() + ":")) {
                        throw new IllegalArgumentException(f.getValue() + message.substring(f.getKey().length()), e);
                    }
                }
            }
            throw e;
        }
    }

    /**
     * {@code work}'s value. An {@link IllegalArgumentException} is rethrown with {@code option} in
     * front of its message, or in place of {@code field} where the message starts with that field
     * name ({@code axis uplink: ...} becomes {@code --axis uplink: ...}).
     */
    public static <T> T named(String option, String field, Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            boolean leads = !field.isEmpty() && (m.startsWith(field + " ") || m.startsWith(field + ":"));
            throw new IllegalArgumentException(leads ? option + m.substring(field.length()) : option + ": " + m, e);
        }
    }
}
