package org.cleave.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cleave.core.solve.ProgressListener;
import org.cleave.workflows.units.Engineering;

/**
 * The progress line of {@code cleave solve} on standard error (issue 21, item 11): once a solve
 * has run {@code showAfter} (2 s), a line redrawn every second with the elapsed time and, when
 * the solver reports them through {@link ProgressListener} (CP-SAT does), the incumbent and the
 * bound; ended with a last line when the solve returns. Nothing goes to standard output;
 * {@code --quiet} does not create one.
 */
final class SolveProgress implements ProgressListener, AutoCloseable {
    /** When the line first appears. */
    static final Duration SHOW_AFTER = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final String solverId;
    private final long showAfterNanos;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile double incumbent = Double.NaN;
    private volatile double bound = Double.NaN;
    private boolean drawn;

    SolveProgress(PrintWriter err, String solverId, Duration showAfter) {
        this.err = err;
        this.solverId = solverId;
        this.showAfterNanos = showAfter.toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cleave-solve-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, showAfterNanos, TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
    }

    @Override
    public void improved(double newIncumbent, double newBound) {
        incumbent = newIncumbent;
        bound = newBound;
    }

    private synchronized void tick() {
        draw(System.nanoTime());
    }

    private void draw(long now) {
        StringBuilder line = new StringBuilder("\rsolving with ").append(solverId).append(": ")
                .append(Engineering.seconds((now - startNanos) / 1e9)).append(" elapsed");
        if (!Double.isNaN(incumbent)) {
            line.append(", incumbent ").append(SolveCommand.fmt(incumbent));
        }
        if (!Double.isNaN(bound)) {
            line.append(", bound ").append(SolveCommand.fmt(bound));
        }
        err.print(line.append("   "));
        err.flush();
        drawn = true;
    }

    /** Stops the ticker; draws a last line and ends it if the solve ran past {@code showAfter}. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        long now = System.nanoTime();
        if (drawn || now - startNanos >= showAfterNanos) {
            draw(now);
            err.println();
            err.flush();
        }
    }
}
