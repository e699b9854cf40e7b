package org.cleave.core.model;

/**
 * Thrown when a model, a problem or a plan is malformed. The message names the offending field
 * and its value; {@link #field()} gives the field on its own so that readers of a file format can
 * prefix it with their own path (for example {@code $.model.} in the JSON instance format).
 */
public final class InvalidModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    /**
     * @param field  the field, in a path-like notation relative to the object being built,
     *               e.g. {@code layers[3].flops} or {@code arcs[2]}
     * @param detail what is wrong, naming the value, e.g. {@code must be >= 0, got -1.0}
     */
    public InvalidModelException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
        this.detail = detail;
    }

    /** The field, relative to the object that was being built. */
    public String field() {
        return field;
    }

    /** The message without the field. */
    public String detail() {
        return detail;
    }

    /** The same error with {@code prefix} prepended to the field. */
    public InvalidModelException withPrefix(String prefix) {
        return new InvalidModelException(prefix + field, detail);
    }
}
