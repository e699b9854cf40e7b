package org.cleave.workflows.report;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on standard error for long runs: shown only once a run has taken
 * {@value #SHOW_AFTER_MILLIS} ms, redrawn at most every {@value #EVERY_MILLIS} ms, with the count,
 * the rate and the estimated time left. {@link #none()} is silent ({@code --quiet}).
 */
public class Progress {
    static final long SHOW_AFTER_MILLIS = 2000;
    static final long EVERY_MILLIS = 250;

    private final PrintWriter err;
    private final String label;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private boolean drawn;

    protected Progress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar on {@code err}. */
    public static Progress bar(PrintWriter err, String label) {
        return new Progress(err, label);
    }

    /** No output. */
    public static Progress none() {
        return new Progress(null, "") {
            @Override
            public void update(long done, long total, long resumedFrom) {
            }

            @Override
            public void finish(long done, long total, long resumedFrom) {
            }
        };
    }

    /** Reports that {@code done} of {@code total} items are finished, {@code resumedFrom} of them before this run. */
    public void update(long done, long total, long resumedFrom) {
        long now = System.nanoTime();
        if ((now - startNanos) / 1_000_000 < SHOW_AFTER_MILLIS || (now - lastDrawNanos) / 1_000_000 < EVERY_MILLIS) {
            return;
        }
        lastDrawNanos = now;
        draw(done, total, resumedFrom, now);
    }

    /** Final redraw and newline, if the bar was shown. */
    public void finish(long done, long total, long resumedFrom) {
        if (drawn) {
            draw(done, total, resumedFrom, System.nanoTime());
            err.println();
            err.flush();
        }
    }

    private void draw(long done, long total, long resumedFrom, long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = (done - resumedFrom) / seconds;
        double fraction = total == 0 ? 1 : (double) done / total;
        int width = 30;
        int filled = (int) Math.round(fraction * width);
        String eta = rate > 0 ? clock((total - done) / rate) : "--:--";
        err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %5.1f%%  %.1f/s  ETA %s ", label, "#".repeat(filled),
                ".".repeat(width - filled), done, total, 100 * fraction, rate, eta);
        err.flush();
        drawn = true;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
