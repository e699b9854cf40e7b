package org.cleave.algorithms.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Verifier;
import org.cleave.core.stopping.RandomStoppingInstances;
import org.cleave.core.stopping.StageRule;
import org.cleave.core.stopping.StoppingInstances;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed-form placement for equal-neuron MLPs, and how OSLA relates to backward induction on them. */
class EqualLayerPlacementTest {
    private static final double TOL = 1e-9;

    /** A grid: layers × neurons × device FLOP/s × mean SNR × slot × placement cost per byte. */
    static Stream<Arguments> grid() {
        List<Arguments> out = new ArrayList<>();
        for (int layers : new int[] {1, 4, 9}) {
            for (int neurons : new int[] {64, 512}) {
                for (double flops : new double[] {1e7, 1e8, 1e9}) {
                    for (double snr : new double[] {1, 30}) {
                        for (double slot : new double[] {1e-3, 1e-2}) {
                            for (double kappa : new double[] {0, 1e-9, 1e-7}) {
                                out.add(Arguments.of(layers, neurons, flops, snr, slot, kappa));
                            }
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    static StoppingProblem mlp(int layers, int neurons, double flops, double snr, double slot, double kappa) {
        return StoppingInstances.mlp(layers, neurons, flops, 0.5, StoppingInstances.rayleighChannel(snr),
                new CostWeights(1, 0.3), slot, 0.05, kappa, 1000);
    }

    @ParameterizedTest(name = "L={0} n={1} F={2} snr={3} slot={4} kappa={5}")
    @MethodSource("grid")
    void closedFormEqualsExhaustiveSearchOverM(int layers, int neurons, double flops, double snr, double slot,
                                              double kappa) {
        StoppingProblem p = mlp(layers, neurons, flops, snr, slot, kappa);
        assertTrue(EqualLayerPlacement.isEqualLayered(p));
        double best = Double.POSITIVE_INFINITY;
        int argmin = -1;
        double[] values = new double[layers + 1];
        for (int m = 0; m <= layers; m++) {
            values[m] = p.evaluate(StoppingPolicies.oneStageLookAhead(p, m)).objective();
            double closed = EqualLayerPlacement.oslaObjective(p, m);
            assertTrue(Verifier.close(values[m], closed, TOL), "m = " + m + ": evaluator " + values[m]
                    + " vs closed form " + closed);
            if (values[m] < best) {
                best = values[m];
                argmin = m;
            }
        }
        EqualLayerPlacement.Placement cf = EqualLayerPlacement.closedForm(p);
        assertTrue(Verifier.close(best, values[cf.deviceLayers()], TOL), "closed-form m* = " + cf.deviceLayers()
                + " costs " + values[cf.deviceLayers()] + " but exhaustive m = " + argmin + " costs " + best);
        boolean unique = true;
        for (int m = 0; m <= layers; m++) {
            if (m != argmin && Verifier.close(values[m], best, TOL)) {
                unique = false;
            }
        }
        if (unique) {
            assertEquals(argmin, cf.deviceLayers());
        }
        assertEquals(argmin, new OslaStoppingSolver().solve(p).planOrThrow().deviceLayers());
    }

    @ParameterizedTest(name = "L={0} n={1} F={2} snr={3} slot={4} kappa={5}")
    @MethodSource("grid")
    void oslaDecisionsEqualBackwardInductionWhereTheTheoryClaimsIt(int layers, int neurons, double flops, double snr,
                                                                   double slot, double kappa) {
        StoppingProblem p = mlp(layers, neurons, flops, snr, slot, kappa);
        EqualLayerPlacement.Regime regime = EqualLayerPlacement.closedForm(p).regime();
        for (int m = 0; m <= layers; m++) {
            StoppingPlan bi = StoppingPolicies.backwardInduction(p, m);
            StoppingPlan osla = StoppingPolicies.oneStageLookAhead(p, m);
            int stages = bi.rules().size();
            // Regime COMPUTE: stages m−1 and m when m < L (BI's V_m is the deferral OSLA looks ahead
            // to), stage L−1 when m = L. Regime WAIT: BI waits where OSLA computes; only stage m < L.
            if (regime == EqualLayerPlacement.Regime.WAIT && m == layers) {
                continue;
            }
            int from = regime == EqualLayerPlacement.Regime.WAIT ? stages - 1
                    : m < layers ? Math.max(0, stages - 2) : stages - 1;
            for (int k = from; k < stages; k++) {
                assertSameRule(bi.rule(k), osla.rule(k), "m = " + m + ", stage " + k);
            }
        }
    }

    @Test
    void oslaIsNotOptimalAtEarlierStagesWhenComputingIsCheaperThanWaiting() {
        // A fast device (C − β < ω): BI's thresholds at stages <= m − 2 are strictly above OSLA's and
        // BI is strictly cheaper. This is the limit of the "OSLA is optimal on equal layers" claim under
        // i.i.d. fading; see docs/stopping.md.
        StoppingProblem p = mlp(6, 256, 1e9, 3, 1e-2, 0);
        assertEquals(EqualLayerPlacement.Regime.COMPUTE, EqualLayerPlacement.closedForm(p).regime());
        StoppingPlan bi = StoppingPolicies.backwardInduction(p, 6);
        StoppingPlan osla = StoppingPolicies.oneStageLookAhead(p, 6);
        assertTrue(bi.rule(0).offloadThreshold() > osla.rule(0).offloadThreshold() * (1 + 1e-6));
        assertTrue(p.evaluate(bi).objective() < p.evaluate(osla).objective() * (1 - 1e-9));
    }

    static Stream<Long> seeds() {
        return Seeds.of(131, 20).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void backwardInductionThresholdsAreNeverBelowOsla(long seed) {
        // K_BI = min(ω + E V_k, C + E V_{k+1}) <= min(ω + D_k, C + D_{k+1}) = K_OSLA since V <= D.
        StoppingProblem p = RandomStoppingInstances.random(seed, 1 + (int) (seed % 7));
        for (int m = 0; m <= p.layerCount(); m++) {
            StoppingPlan bi = StoppingPolicies.backwardInduction(p, m);
            StoppingPlan osla = StoppingPolicies.oneStageLookAhead(p, m);
            for (int k = 0; k < bi.rules().size(); k++) {
                assertTrue(bi.rule(k).offloadThreshold() >= osla.rule(k).offloadThreshold() * (1 - 1e-9),
                        "m = " + m + ", stage " + k + ": " + bi.rule(k) + " vs " + osla.rule(k));
            }
        }
    }

    @Test
    void refusesUnequalLayers() {
        StoppingProblem p = RandomStoppingInstances.random(1, 4);
        assertFalse(EqualLayerPlacement.isEqualLayered(p));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EqualLayerPlacement.closedForm(p));
        assertTrue(e.getMessage().contains("equal layers"), e.getMessage());
    }

    private static void assertSameRule(StageRule a, StageRule b, String label) {
        assertEquals(a.below(), b.below(), label);
        assertTrue(a.offloadThreshold() == b.offloadThreshold()
                        || Verifier.close(a.offloadThreshold(), b.offloadThreshold(), TOL),
                label + ": " + a + " vs " + b);
    }
}
