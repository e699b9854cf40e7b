package org.cleave.choco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PropReachSum} against brute force on random sums of tabulated terms: every assignment
 * of the drivers whose sum is ≤ the bound is a solution with the total equal to the sum, and no
 * other (the bounds filtering loses nothing and admits nothing).
 */
class PropReachSumTest {
    static LongStream seeds() {
        return Seeds.of(4242, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithBruteForce(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int pis = 1 + rng.nextInt(2);
        int[] rows = new int[pis];
        int bits = 1 + rng.nextInt(3);
        int terms = 1 + rng.nextInt(4);
        int[] piAt = new int[terms];
        int[] bitAt = new int[terms];
        int[] gateAt = new int[terms];
        long[][][][] values = new long[terms][][][];
        for (int i = 0; i < pis; i++) {
            rows[i] = 1 + rng.nextInt(3);
        }
        for (int t = 0; t < terms; t++) {
            int pi = rng.nextInt(pis);
            piAt[t] = pi;
            bitAt[t] = pis + rng.nextInt(bits);
            gateAt[t] = rng.nextBoolean() ? -1 : pis + rng.nextInt(bits);
            if (gateAt[t] == bitAt[t]) {
                gateAt[t] = -1;
            }
            values[t] = new long[rows[pi]][2][2];
            for (int p = 0; p < rows[pi]; p++) {
                for (int b = 0; b < 2; b++) {
                    for (int g = 0; g < 2; g++) {
                        values[t][p][b][g] = rng.nextInt(20);
                    }
                }
            }
        }
        int bound = rng.nextInt(10 * terms + 1);
        // brute force over all assignments of π's and bits
        int[] assignment = new int[pis + bits];
        int expected = count(assignment, 0, rows, bits, piAt, bitAt, gateAt, values, bound);

        Model model = new Model();
        IntVar total = model.intVar("total", 0, bound, true);
        IntVar[] vars = new IntVar[1 + pis + bits];
        vars[0] = total;
        for (int i = 0; i < pis; i++) {
            vars[1 + i] = model.intVar("pi" + i, 0, rows[i] - 1);
        }
        for (int j = 0; j < bits; j++) {
            BoolVar b = model.boolVar("b" + j);
            vars[1 + pis + j] = b;
        }
        int[] shiftedGate = new int[terms];
        int[] shiftedPi = new int[terms];
        int[] shiftedBit = new int[terms];
        for (int t = 0; t < terms; t++) {
            shiftedPi[t] = 1 + piAt[t];
            shiftedBit[t] = 1 + bitAt[t];
            shiftedGate[t] = gateAt[t] < 0 ? -1 : 1 + gateAt[t];
        }
        new Constraint("sum", new PropReachSum(vars, shiftedPi, shiftedBit, shiftedGate, values)).post();
        IntVar[] decisions = java.util.Arrays.copyOfRange(vars, 1, vars.length);
        model.getSolver().setSearch(org.chocosolver.solver.search.strategy.Search.inputOrderLBSearch(decisions));
        int found = 0;
        while (model.getSolver().solve()) {
            int[] a = new int[pis + bits];
            for (int i = 0; i < a.length; i++) {
                a[i] = decisions[i].getValue();
            }
            assertEquals(sum(a, piAt, bitAt, gateAt, values), total.getValue(), "total of a solution");
            found++;
        }
        assertEquals(expected, found, "solutions with sum <= " + bound);
    }

    private static long sum(int[] a, int[] piAt, int[] bitAt, int[] gateAt, long[][][][] values) {
        long s = 0;
        for (int t = 0; t < piAt.length; t++) {
            int g = gateAt[t] < 0 ? 1 : a[gateAt[t]];
            s += values[t][a[piAt[t]]][a[bitAt[t]]][g];
        }
        return s;
    }

    private static int count(int[] a, int i, int[] rows, int bits, int[] piAt, int[] bitAt, int[] gateAt,
                             long[][][][] values, int bound) {
        if (i == a.length) {
            return sum(a, piAt, bitAt, gateAt, values) <= bound ? 1 : 0;
        }
        int size = i < rows.length ? rows[i] : 2;
        int n = 0;
        for (int v = 0; v < size; v++) {
            a[i] = v;
            n += count(a, i + 1, rows, bits, piAt, bitAt, gateAt, values, bound);
        }
        return n;
    }
}
