package org.cleave.core.solve;

/** What a solver promises about its answer. */
public enum SolverKind {
    /** Proves optimality (within its time limit; otherwise says it did not). */
    EXACT,
    /** Searches for good plans without proof of optimality. */
    HEURISTIC,
    /** A fixed rule from the literature that a method is compared against (device-only, ...). */
    BASELINE;

    /** Lower-case name for tables and the command line. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
