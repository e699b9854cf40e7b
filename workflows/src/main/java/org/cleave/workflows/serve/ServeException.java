package org.cleave.workflows.serve;

/**
 * A request the serving layer refuses, with the protocol's error code ({@code docs/protocol.md}).
 * Invalid values inside a request are ordinary {@link IllegalArgumentException}s (code
 * {@code invalid_input}); this type carries the other codes.
 */
public final class ServeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The protocol's error codes. */
    public enum Code {
        /** The line is not JSON or is empty. */
        PARSE_ERROR("parse_error"),
        /** The line is longer than the limit. */
        TOO_LARGE("too_large"),
        /** Valid JSON, but not a valid request (types, missing or unknown fields). */
        BAD_REQUEST("bad_request"),
        /** An unknown {@code op}. */
        UNKNOWN_OP("unknown_op"),
        /** No open instance has the handle. */
        UNKNOWN_HANDLE("unknown_handle"),
        /** Invalid instance, state, action, solver or limits. */
        INVALID_INPUT("invalid_input"),
        /** The family or the operation is not served for this family. */
        UNSUPPORTED("unsupported"),
        /** A server limit was reached. */
        LIMIT("limit"),
        /** An unexpected exception. */
        INTERNAL("internal");

        private final String key;

        Code(String key) {
            this.key = key;
        }

        /** The code as written in responses, e.g. {@code parse_error}. */
        public String key() {
            return key;
        }
    }

    private final Code code;

    /** An error with {@code code} and a one-line {@code message} naming the field and its value. */
    public ServeException(Code code, String message) {
        super(message);
        this.code = code;
    }

    /** The protocol error code. */
    public Code code() {
        return code;
    }
}
