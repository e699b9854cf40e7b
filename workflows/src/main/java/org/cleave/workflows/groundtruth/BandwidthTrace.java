package org.cleave.workflows.groundtruth;

import java.nio.file.Path;

/**
 * A bandwidth trace as a state space (P1, P2 and the other single-user families with link axes):
 * a CSV of numbers ({@link NumericCsv}: header line, comma-separated, {@code #} comments) with the
 * columns {@value #TIME} (time of the sample, s), {@value #UPLINK} and {@value #DOWNLINK} (rates,
 * bit/s, {@code > 0}); other columns are ignored. Each row is one state: its uplink and downlink
 * replace the instance's rates (the link latency is kept). Rows are taken in file order; times need
 * not be increasing (they are recorded, not interpreted). Errors name the file, the line and the
 * column.
 *
 * <pre>
 *   time_s,uplink_bps,downlink_bps
 *   0,12.5e6,48e6
 *   1,9.1e6,40e6
 * </pre>
 */
public final class BandwidthTrace {
    /** Column of the sample time, s. */
    public static final String TIME = "time_s";
    /** Column of the uplink rate, bit/s. */
    public static final String UPLINK = "uplink_bps";
    /** Column of the downlink rate, bit/s. */
    public static final String DOWNLINK = "downlink_bps";

    private final double[] timeSeconds;
    private final double[] uplinkBitsPerSecond;
    private final double[] downlinkBitsPerSecond;
    private final String sha256;

    private BandwidthTrace(NumericCsv csv) {
        String f = "trace";
        this.timeSeconds = csv.column(f, TIME, null, null);
        this.uplinkBitsPerSecond = csv.column(f, UPLINK, v -> v > 0, "a rate must be > 0 bit/s");
        this.downlinkBitsPerSecond = csv.column(f, DOWNLINK, v -> v > 0, "a rate must be > 0 bit/s");
        this.sha256 = csv.sha256();
    }

    private BandwidthTrace(double[] timeSeconds, double[] uplinkBitsPerSecond, double[] downlinkBitsPerSecond,
                           String sha256) {
        if (timeSeconds.length == 0 || uplinkBitsPerSecond.length != timeSeconds.length
                || downlinkBitsPerSecond.length != timeSeconds.length) {
            throw new IllegalArgumentException("trace: needs >= 1 row and as many uplink and downlink rates as times,"
                    + " got " + timeSeconds.length + " times, " + uplinkBitsPerSecond.length + " uplink and "
                    + downlinkBitsPerSecond.length + " downlink rates");
        }
        for (int r = 0; r < timeSeconds.length; r++) {
            if (!Double.isFinite(timeSeconds[r])) {
                throw new IllegalArgumentException("trace: row " + r + ", " + TIME + ": not a finite number: "
                        + timeSeconds[r]);
            }
            if (!(uplinkBitsPerSecond[r] > 0) || !Double.isFinite(uplinkBitsPerSecond[r])) {
                throw new IllegalArgumentException("trace: row " + r + ", " + UPLINK + ": a rate must be > 0 bit/s,"
                        + " got " + uplinkBitsPerSecond[r]);
            }
            if (!(downlinkBitsPerSecond[r] > 0) || !Double.isFinite(downlinkBitsPerSecond[r])) {
                throw new IllegalArgumentException("trace: row " + r + ", " + DOWNLINK + ": a rate must be > 0 bit/s,"
                        + " got " + downlinkBitsPerSecond[r]);
            }
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("trace: sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        this.timeSeconds = timeSeconds.clone();
        this.uplinkBitsPerSecond = uplinkBitsPerSecond.clone();
        this.downlinkBitsPerSecond = downlinkBitsPerSecond.clone();
        this.sha256 = sha256;
    }

    /**
     * A trace from rows already parsed elsewhere, e.g. a copy shipped to another machine that cannot
     * read the file: {@code sha256} is the SHA-256 of the original file's text (as {@link #sha256()}
     * returned it there), so the copy has the original's fingerprint. The arrays are copied.
     *
     * @throws IllegalArgumentException ({@code trace: ...}) for no rows, unequal lengths, a non-finite
     *                                  time, a rate that is not {@code > 0} or a malformed digest
     */
    public static BandwidthTrace of(double[] timeSeconds, double[] uplinkBitsPerSecond,
                                    double[] downlinkBitsPerSecond, String sha256) {
        return new BandwidthTrace(timeSeconds, uplinkBitsPerSecond, downlinkBitsPerSecond, sha256);
    }

    /**
     * Reads the trace in {@code file}.
     *
     * @throws IllegalArgumentException ({@code trace: FILE line N, column C: ...}) for a malformed file
     */
    public static BandwidthTrace read(Path file) {
        return new BandwidthTrace(NumericCsv.read("trace", file));
    }

    /** Parses trace text; {@code source} names it in messages. */
    public static BandwidthTrace parse(String source, String text) {
        return new BandwidthTrace(NumericCsv.parse("trace", source, text));
    }

    /** Number of rows (states). */
    public int rows() {
        return timeSeconds.length;
    }

    /** Time of row {@code r}, s. */
    public double timeSeconds(int r) {
        return timeSeconds[r];
    }

    /** Uplink rate of row {@code r}, bit/s. */
    public double uplinkBitsPerSecond(int r) {
        return uplinkBitsPerSecond[r];
    }

    /** Downlink rate of row {@code r}, bit/s. */
    public double downlinkBitsPerSecond(int r) {
        return downlinkBitsPerSecond[r];
    }

    /** Hex SHA-256 of the file's text (what run fingerprints record, not the path). */
    public String sha256() {
        return sha256;
    }

    /** Identifies the contents (rows and SHA-256 of the text), for run fingerprints. */
    @Override
    public String toString() {
        return "trace(rows=" + rows() + ",sha256=" + sha256 + ")";
    }
}
