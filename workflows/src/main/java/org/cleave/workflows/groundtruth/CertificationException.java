package org.cleave.workflows.groundtruth;

/**
 * Two exact solvers disagreed on a state of a {@code --certify} run: the labels are not certified,
 * so the run stops. The message is one line with the state index, both solver ids, their statuses
 * and their objectives.
 */
public final class CertificationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The state whose answers disagree. */
    private final long stateIndex;

    CertificationException(long stateIndex, String message) {
        super(message);
        this.stateIndex = stateIndex;
    }

    /** The state whose answers disagree. */
    public long stateIndex() {
        return stateIndex;
    }
}
