package org.cleave.cli;

import java.util.function.Supplier;

/**
 * Puts the command line's option name into a library message: the workflows name fields and
 * values, the command line says which option the value came from.
 */
final class OptionErrors {
    private OptionErrors() {
    }

    /**
     * {@code work}'s value. An {@link IllegalArgumentException} is rethrown with {@code option} in
     * front of its message, or in place of {@code field} where the message starts with that field
     * name ({@code axis uplink: ...} becomes {@code --axis uplink: ...}).
     */
    static <T> T named(String option, String field, Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            boolean leads = !field.isEmpty() && m.startsWith(field)
                    && (m.startsWith(field + " ") || m.startsWith(field + ":"));
            throw new IllegalArgumentException(leads ? option + m.substring(field.length()) : option + ": " + m, e);
        }
    }
}
