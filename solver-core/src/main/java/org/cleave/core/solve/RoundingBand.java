package org.cleave.core.solve;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * The exact re-check that follows an integer-scaled optimisation ({@link IntegerScaling}): once a
 * CP solver has proven the integer optimum q of a model whose k rounded terms are each off by at
 * most half a unit, every true optimum has an integer total within a small band above q. The
 * solver enumerates the plans of that band and offers each one here; the plan the family
 * evaluator prices lowest is the floating-point optimum, provided the band was enumerated to the
 * end (at most {@code maxPlans} plans).
 *
 * <p>Not thread-safe: one instance per enumeration (solvers stay stateless). Plans priced NaN are
 * not eligible (they are counted, but never kept). Of equal prices the first offered wins, unless
 * a tie-break order is given, which then prefers the smaller plan.
 *
 * @param <P> the plan type
 */
public final class RoundingBand<P> {
    /** The usual cap on the plans of one band. */
    public static final int MAX_PLANS = 100_000;

    private final int maxPlans;
    private final ToDoubleFunction<P> price;
    private final Comparator<P> tieBreak;
    private P best;
    private double bestPrice = Double.POSITIVE_INFINITY;
    private int plans;

    private RoundingBand(int maxPlans, ToDoubleFunction<P> price, Comparator<P> tieBreak) {
        if (maxPlans < 1) {
            throw new IllegalArgumentException("maxPlans must be >= 1, got " + maxPlans);
        }
        this.maxPlans = maxPlans;
        this.price = price;
        this.tieBreak = tieBreak;
    }

    /** A band of at most {@code maxPlans} plans priced by {@code price}; equal prices keep the first. */
    public static <P> RoundingBand<P> of(int maxPlans, ToDoubleFunction<P> price) {
        return new RoundingBand<>(maxPlans, price, null);
    }

    /** As {@link #of(int, ToDoubleFunction)}, equal prices broken towards the smaller plan by {@code tieBreak}. */
    public static <P> RoundingBand<P> of(int maxPlans, ToDoubleFunction<P> price, Comparator<P> tieBreak) {
        return new RoundingBand<>(maxPlans, price, tieBreak);
    }

    /** Starts from {@code incumbent} (not counted as a plan of the band): a plan must beat its price. */
    public RoundingBand<P> startingFrom(P incumbent) {
        best = incumbent;
        bestPrice = price.applyAsDouble(incumbent);
        return this;
    }

    /** Prices one plan of the band and keeps it if it is the best so far; false once the cap is reached. */
    public boolean offer(P plan) {
        plans++;
        double p = price.applyAsDouble(plan);
        if (!Double.isNaN(p)) {
            boolean better = best == null || p < bestPrice
                    || tieBreak != null && p == bestPrice && tieBreak.compare(plan, best) < 0;
            if (better) {
                best = plan;
                bestPrice = p;
            }
        }
        return plans < maxPlans;
    }

    /** Whether the cap is reached (no more plans should be enumerated). */
    public boolean full() {
        return plans >= maxPlans;
    }

    /**
     * What the band gave.
     *
     * @param best     the plan priced lowest (or the incumbent), null if none was eligible
     * @param price    its price
     * @param plans    plans offered
     * @param complete whether the whole band was enumerated: the search finished below the cap
     */
    public record Result<P>(P best, double price, int plans, boolean complete) {
    }

    /** The result, given whether the solver's enumeration ran to its end. */
    public Result<P> result(boolean searchFinished) {
        return new Result<>(best, bestPrice, plans, searchFinished && plans < maxPlans);
    }
}
