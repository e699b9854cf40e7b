package org.cleave.core.model;

/**
 * The one place where Cleave's value types check their arguments. Every check is NaN-safe and
 * throws {@link InvalidModelException} with a message naming the field and the offending value.
 */
public final class Checks {
    private Checks() {
    }

    /** Requires a finite number {@code >= 0}. */
    public static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidModelException(field, "must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** Requires a finite number {@code > 0}. */
    public static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidModelException(field, "must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** Requires a finite number in {@code [0, 1]}. */
    public static double probability(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw new InvalidModelException(field, "must be a number in [0, 1], got " + value);
        }
        return value;
    }

    /** Requires a finite number in {@code [0, 1)}. */
    public static double load(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value >= 1) {
            throw new InvalidModelException(field, "must be a number in [0, 1), got " + value);
        }
        return value;
    }

    /** Requires a non-blank string. */
    public static String identifier(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidModelException(field, "must be a non-empty string, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    /** Requires a non-null reference. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidModelException(field, "is required, got null");
        }
        return value;
    }
}
