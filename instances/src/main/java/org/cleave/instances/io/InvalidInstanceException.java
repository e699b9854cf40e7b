package org.cleave.instances.io;

/**
 * An instance file that cannot be read: malformed JSON, a missing or mistyped field, a value out
 * of range, or a model that fails validation. The message names the JSON path (e.g.
 * {@code $.model.layers[3].flops}) and the offending value, on one line.
 */
public final class InvalidInstanceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInstanceException(String message) {
        super(message);
    }
}
