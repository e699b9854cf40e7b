package org.cleave.core.solve;

/** The problem families of Cleave (see DESIGN.md). */
public enum Family {
    /** P1: single-user partition (Neurosurgeon, DADS light load). */
    PARTITION("partition", "P1"),
    /** P2: partition with early exits (Edgent, DAPDEE, BranchyNet). */
    EXITS("exits", "P2"),
    /** P3: heavy-load throughput (DADS heavy load). */
    THROUGHPUT("throughput", "P3"),
    /** P4: multi-user partition, exit and resource allocation (Ma et al., MJOA-MU's ARA). */
    MULTIUSER("multiuser", "P4"),
    /** P5: partition with model uploading (MJOA-MU). */
    UPLOAD("upload", "P5"),
    /** P6: model placement and online splitting under fading (Yan et al. 2021). */
    STOPPING("stopping", "P6"),
    /** P7: online split with early exit (SplitEE). */
    ONLINE("online", "P7"),
    /** P1-3T: exact device–edge–cloud partition of a DAG, three tiers in a line (P1 generalised). */
    TIERS("tiers", "P1-3T"),
    /** P2-3T: partition with early exits on three tiers in a line (P2 generalised as P1-3T generalises P1). */
    EXITS_TIERS("exits-tiers", "P2-3T"),
    /** P3-3T: heavy-load throughput on three tiers, a five-stage pipeline (P3 generalised). */
    THROUGHPUT_TIERS("throughput-tiers", "P3-3T");

    private final String key;
    private final String code;

    Family(String key, String code) {
        this.key = key;
        this.code = code;
    }

    /** The lower-case name used in files and on the command line, e.g. {@code partition}. */
    public String key() {
        return key;
    }

    /** The short code of DESIGN.md, e.g. {@code P1}. */
    public String code() {
        return code;
    }

    /** The family whose {@link #key()} is {@code key}. */
    public static Family fromKey(String key) {
        for (Family f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family \"" + key + "\"; known: partition, exits,"
                + " throughput, multiuser, upload, stopping, online, tiers, exits-tiers, throughput-tiers");
    }
}
