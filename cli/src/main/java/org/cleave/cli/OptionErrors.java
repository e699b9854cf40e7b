package org.cleave.cli;

import java.util.function.Supplier;

/**
 * Puts the command line's option name in front of a library message: the workflows name fields and
 * values, the command line adds which option the value came from.
 */
final class OptionErrors {
    private OptionErrors() {
    }

    /** {@code work}'s value; an {@link IllegalArgumentException} is rethrown as {@code option: message}. */
    static <T> T named(String option, Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
