package org.cleave.choco;

import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.events.IntEventType;
import org.chocosolver.util.ESat;

/**
 * total = Σ_t value_t(π_t, b_t, g_t): a sum of tabulated functions, each of one small integer
 * variable π (values 0 … rows − 1) and one or two Booleans (bit b, optional gate g; a missing gate
 * counts as 1). Used by {@link ChocoStopChain} for the reach-weighted costs: value_t is the
 * rounded cost of term t for the previous active stop π, the placement bit and the exit's
 * activity, so no product of a reach with a placement is linearised and no per-term variable is
 * needed.
 *
 * <p>Filtering (bounds of a sum of element constraints): with min_t / max_t the least / largest
 * value over the assignments still in the domains, total ∈ [Σ min_t, Σ max_t]; a value of a
 * driver of t whose least compatible value exceeds total.UB − (Σ min − min_t) is removed. When
 * every driver is fixed, total is exactly the sum (the check of a complete plan). Sums are kept in
 * {@code long}. O(Σ_t cases_t) per call.
 */
final class PropReachSum extends Propagator<IntVar> {
    /** Per term: index in vars of π, of the bit, of the gate (−1: none). */
    private final int[] piIndex;
    private final int[] bitIndex;
    private final int[] gateIndex;
    /** Per term: value[p][b][g]. */
    private final long[][][][] values;
    private final long[] min;

    /**
     * @param vars      vars[0] is the total; the others are the drivers
     * @param piIndex   per term, the index of its π in vars
     * @param bitIndex  per term, the index of its bit
     * @param gateIndex per term, the index of its gate, or −1
     * @param values    per term, value[p][b][g] (g = 1 only when there is no gate)
     */
    PropReachSum(IntVar[] vars, int[] piIndex, int[] bitIndex, int[] gateIndex, long[][][][] values) {
        super(vars, PropagatorPriority.LINEAR, false);
        this.piIndex = piIndex;
        this.bitIndex = bitIndex;
        this.gateIndex = gateIndex;
        this.values = values;
        this.min = new long[piIndex.length];
    }

    @Override
    public int getPropagationConditions(int vIdx) {
        return IntEventType.all();
    }

    private boolean possible(int index, int value) {
        return index < 0 ? value == 1 : vars[index].contains(value);
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        // Choco does not wake a propagator on its own removals: filter to a fixpoint here
        while (filter()) {
            // a driver value was removed: the bounds of the sum may have moved
        }
    }

    /** One round of bounds and pruning; true if a driver value was removed. */
    private boolean filter() throws ContradictionException {
        long lo = 0;
        long hi = 0;
        int terms = piIndex.length;
        for (int t = 0; t < terms; t++) {
            hi += scan(t, null);
            lo += min[t];
        }
        IntVar total = vars[0];
        total.updateBounds((int) Math.min(Integer.MAX_VALUE, lo), (int) Math.min(Integer.MAX_VALUE, hi), this);
        long ub = total.getUB();
        if (hi <= ub) {
            return false;
        }
        boolean removed = false;
        for (int t = 0; t < terms; t++) {
            removed |= prune(t, ub - (lo - min[t]));
        }
        return removed;
    }

    /**
     * Scans the assignments of term t still in the domains: sets min[t], fills {@code minima}
     * (when given) with the least value per π value (at 0 … rows − 1), per bit value (at rows,
     * rows + 1) and per gate value (at rows + 2, rows + 3), and returns the largest value.
     */
    private long scan(int t, long[] minima) {
        IntVar pi = vars[piIndex[t]];
        long[][][] v = values[t];
        long mn = Long.MAX_VALUE;
        long mx = Long.MIN_VALUE;
        int bit = v.length;
        int gate = bit + 2;
        if (minima != null) {
            java.util.Arrays.fill(minima, Long.MAX_VALUE);
        }
        for (int p = pi.getLB(); p <= pi.getUB(); p = pi.nextValue(p)) {
            for (int b = 0; b <= 1; b++) {
                if (!vars[bitIndex[t]].contains(b)) {
                    continue;
                }
                for (int g = 0; g <= 1; g++) {
                    if (possible(gateIndex[t], g)) {
                        long c = v[p][b][g];
                        mn = Math.min(mn, c);
                        mx = Math.max(mx, c);
                        if (minima != null) {
                            minima[p] = Math.min(minima[p], c);
                            minima[bit + b] = Math.min(minima[bit + b], c);
                            minima[gate + g] = Math.min(minima[gate + g], c);
                        }
                    }
                }
            }
        }
        min[t] = mn;
        return mx;
    }

    /** Removes the driver values of term t whose least compatible value exceeds {@code slack}; true if any. */
    private boolean prune(int t, long slack) throws ContradictionException {
        int bit = values[t].length;
        int gate = bit + 2;
        long[] minima = new long[gate + 2];
        scan(t, minima);
        boolean removed = false;
        IntVar pi = vars[piIndex[t]];
        for (int p = 0; p < bit; p++) {
            if (minima[p] != Long.MAX_VALUE && minima[p] > slack) {
                removed |= pi.removeValue(p, this);
            }
        }
        for (int b = 0; b <= 1; b++) {
            if (minima[bit + b] != Long.MAX_VALUE && minima[bit + b] > slack) {
                removed |= vars[bitIndex[t]].removeValue(b, this);
            }
            if (gateIndex[t] >= 0 && minima[gate + b] != Long.MAX_VALUE && minima[gate + b] > slack) {
                removed |= vars[gateIndex[t]].removeValue(b, this);
            }
        }
        return removed;
    }

    @Override
    public ESat isEntailed() {
        if (!isCompletelyInstantiated()) {
            return ESat.UNDEFINED;
        }
        long sum = 0;
        for (int t = 0; t < piIndex.length; t++) {
            int g = gateIndex[t] < 0 ? 1 : vars[gateIndex[t]].getValue();
            sum += values[t][vars[piIndex[t]].getValue()][vars[bitIndex[t]].getValue()][g];
        }
        return ESat.eval(sum == vars[0].getValue());
    }
}
