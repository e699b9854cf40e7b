package org.cleave.core.solve;

/** Whether a family's objective is minimised or maximised. */
public enum Sense {
    MINIMIZE,
    MAXIMIZE;

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }
}
