package org.cleave.algorithms.multiuser;

/**
 * A unit move judged lexicographically: first by the change in the number of users without an
 * admissible option (+∞ cost), then by the change in the finite cost. Immutable.
 */
record Move(int user, int other, int df, int db, int infeasibleChange, double costChange) {
    /** Relative tolerance below which a cost change is not an improvement. */
    static final double TOLERANCE = 1e-12;

    /** The change of moving from the costs {@code before} to {@code after} of the users involved. */
    static Move of(int user, int other, int df, int db, double[] before, double[] after) {
        int inf = 0;
        double cost = 0;
        double scale = 0;
        for (int k = 0; k < before.length; k++) {
            if (before[k] == Double.POSITIVE_INFINITY) {
                inf--;
            } else {
                cost -= before[k];
                scale = Math.max(scale, before[k]);
            }
            if (after[k] == Double.POSITIVE_INFINITY) {
                inf++;
            } else {
                cost += after[k];
                scale = Math.max(scale, after[k]);
            }
        }
        if (inf == 0 && Math.abs(cost) <= TOLERANCE * scale) {
            cost = 0;
        }
        return new Move(user, other, df, db, inf, cost);
    }

    /** Whether the move strictly improves. */
    boolean improves() {
        return infeasibleChange < 0 || (infeasibleChange == 0 && costChange < 0);
    }

    /** Whether this move is strictly better than {@code o} (null counts as worst), with costs per unit moved. */
    boolean betterThan(Move o) {
        if (o == null) {
            return true;
        }
        if (infeasibleChange != o.infeasibleChange) {
            return infeasibleChange < o.infeasibleChange;
        }
        return costChange / (df + db) < o.costChange / (o.df + o.db);
    }
}
