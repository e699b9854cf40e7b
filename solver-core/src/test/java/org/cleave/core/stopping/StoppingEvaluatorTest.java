package org.cleave.core.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.CostWeights;
import org.cleave.core.solve.Verifier;
import org.cleave.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StoppingEvaluatorTest {
    static LongStream seeds() {
        return Seeds.of(5, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gainIntegralMeetsItsToleranceAgainstAdaptiveIntegration(long seed) {
        StoppingProblem p = RandomStoppingInstances.random(seed, 2);
        double mean = p.channel().fading().meanGain();
        for (double ratio : new double[] {1e-6, 1e-3, 0.05, 0.3, 1, 3, 10, 30}) {
            double theta = ratio * mean;
            double fast = p.evaluator().gainIntegral(theta);
            double reference = ReferenceStopping.gainIntegral(p, theta);
            assertTrue(Verifier.close(reference, fast, StoppingEvaluator.RELATIVE_TOLERANCE),
                    "θ/ḡ = " + ratio + ": " + fast + " vs reference " + reference);
        }
    }

    /**
     * The tabulated G against the adaptive reference over the whole range the table serves and
     * beyond it: θ log-uniform over 24 decades around ḡ, grid points themselves, and Rayleigh and
     * Nakagami laws (shapes 1.5, 4, 20).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tabulatedGainIntegralMeetsItsToleranceAcrossTheGrid(long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        StoppingProblem base = RandomStoppingInstances.random(seed, 2);
        Channel c = base.channel();
        double mean = c.fading().meanGain();
        Fading[] laws = {new Fading.Rayleigh(mean), new Fading.Nakagami(1.5, mean), new Fading.Nakagami(4, mean),
                new Fading.Nakagami(20, mean)};
        Fading law = laws[(int) (seed % laws.length)];
        StoppingProblem p = new StoppingProblem(base.inputBytes(), base.layers(), new Channel(c.bandwidthHertz(),
                c.transmitWatts(), c.noiseWattsPerHertz(), law), base.weights(), base.slotSeconds(), base.idleWatts(),
                base.placementCostPerByte(), base.inferencesPerUpdate());
        double scale = law instanceof Fading.Nakagami n ? mean / n.shape() : mean;
        List<Double> thetas = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            thetas.add(mean * Math.pow(10, -18 + 24 * rng.nextDouble()));
        }
        for (double t : new double[] {4 * scale, 5 * scale, 64 * scale, 4 * scale * Math.pow(2, -0.25),
                4 * scale * Math.pow(2, -60), 4 * scale * Math.pow(2, -60) * 0.999, 63.5 * scale}) {
            thetas.add(t);
        }
        for (double theta : thetas) {
            double fast = p.evaluator().gainIntegral(theta);
            double reference = ReferenceStopping.gainIntegral(p, theta);
            assertTrue(Verifier.close(reference, fast, StoppingEvaluator.RELATIVE_TOLERANCE), "seed " + seed + ", "
                    + law + ", θ = " + theta + ": " + fast + " vs reference " + reference);
        }
    }

    /**
     * G inside the grid's intervals, where the remainder comes from the per-interval Chebyshev
     * interpolant: θ log-uniform over the whole grid [4s·2^-60, 64s] and uniform over the body of
     * the law, against the adaptive reference, for Rayleigh and Nakagami laws with shape m from 1
     * to 1000; also F and 1 − F in closed form for Rayleigh against Commons Statistics.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gainIntegralInsideGridIntervalsMeetsItsToleranceForSeveralShapes(long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        StoppingProblem base = RandomStoppingInstances.random(seed, 2);
        Channel c = base.channel();
        double mean = c.fading().meanGain() * Math.pow(10, -2 + 4 * rng.nextDouble());
        double[] shapes = {1, 1.5, 2.5, 4, 7.3, 20, 100, 1000};
        double shape = shapes[(int) (seed % shapes.length)];
        Fading law = seed % 3 == 0 ? new Fading.Rayleigh(mean) : new Fading.Nakagami(shape, mean);
        StoppingProblem p = new StoppingProblem(base.inputBytes(), base.layers(), new Channel(c.bandwidthHertz(),
                c.transmitWatts(), c.noiseWattsPerHertz(), law), base.weights(), base.slotSeconds(), base.idleWatts(),
                base.placementCostPerByte(), base.inferencesPerUpdate());
        double scale = law instanceof Fading.Nakagami n ? mean / n.shape() : mean;
        StoppingEvaluator ev = p.evaluator();
        for (int k = 0; k < 60; k++) {
            double theta = k % 2 == 0 ? 4 * scale * Math.pow(2, -60 + 64 * rng.nextDouble())
                    : mean * (0.05 + 3 * rng.nextDouble());
            double fast = ev.gainIntegral(theta);
            double reference = ReferenceStopping.gainIntegral(p, theta);
            assertTrue(Verifier.close(reference, fast, StoppingEvaluator.RELATIVE_TOLERANCE), "seed " + seed + ", "
                    + law + ", θ = " + theta + ": " + fast + " vs reference " + reference);
            var d = law.distribution();
            assertTrue(Verifier.close(d.cumulativeProbability(theta), ev.below(theta), 1e-14), "seed " + seed
                    + ", F(" + theta + ") " + ev.below(theta) + " vs " + d.cumulativeProbability(theta));
            assertTrue(Verifier.close(d.survivalProbability(theta), ev.above(theta), 1e-14), "seed " + seed
                    + ", 1 - F(" + theta + ") " + ev.above(theta) + " vs " + d.survivalProbability(theta));
        }
    }

    @Test
    void deviceOnlyCostsTheSumOfLayerCosts() {
        StoppingProblem p = RandomStoppingInstances.random(3, 4);
        List<StageRule> rules = new ArrayList<>();
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            rules.add(StageRule.computeOn());
            sum += p.computeCost(k + 1);
        }
        StoppingCost c = p.evaluate(new StoppingPlan(4, rules));
        assertEquals(sum + p.placementCostPerInference(4), c.objective(), 1e-15 * sum);
    }

    @Test
    void thresholdSolvesTheIndifferenceEquation() {
        StoppingProblem p = RandomStoppingInstances.random(4, 3);
        double k = p.edgeRestCost(1) + 0.01;
        double theta = p.evaluator().threshold(1, k);
        assertEquals(k, p.offloadCost(1, theta), 1e-12 * k);
    }

    @Test
    void deferralIsAFixedPoint() {
        StoppingProblem p = RandomStoppingInstances.random(8, 3);
        StoppingEvaluator.Deferral d = p.evaluator().deferral(2);
        double again = p.evaluator().expectedMin(2, p.waitCost() + d.value());
        assertTrue(Verifier.close(d.value(), again, 1e-12), d.value() + " vs " + again);
    }

    @Test
    void rejectsMalformedPlansNamingTheField() {
        StoppingProblem p = RandomStoppingInstances.random(9, 3);
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> p.evaluate(new StoppingPlan(1, List.of(StageRule.computeOn(), StageRule.computeOn()))));
        assertTrue(e.getMessage().contains("rules[1].below"), e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> p.evaluate(new StoppingPlan(4, List.of())));
        assertTrue(e.getMessage().contains("deviceLayers"), e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> p.evaluate(new StoppingPlan(1, List.of())));
        assertTrue(e.getMessage().contains("rules"), e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> new StageRule(0, StageRule.Fallback.COMPUTE));
        assertTrue(e.getMessage().contains("offloadThreshold"), e.getMessage());
        e = assertThrows(InvalidModelException.class,
                () -> new StageRule(Double.POSITIVE_INFINITY, StageRule.Fallback.WAIT));
        assertTrue(e.getMessage().contains("wait forever"), e.getMessage());
    }

    @Test
    void rejectsFreeWaiting() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new StoppingProblem(1000,
                List.of(new StoppingLayer("a", 1e-3, 1e-3, 100, 1e-4, 0)), StoppingInstances.rayleighChannel(10),
                CostWeights.ENERGY, 1e-3, 0, 0, 10));
        assertTrue(e.getMessage().startsWith("slotSeconds"), e.getMessage());
    }

    @Test
    void rejectsBadNumbersNamingTheField() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new StoppingLayer("a", -1, 0, 10, 0, 0));
        assertTrue(e.getMessage().startsWith("deviceSeconds"), e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> new Fading.Nakagami(0.5, 1));
        assertTrue(e.getMessage().startsWith("shape"), e.getMessage());
        e = assertThrows(InvalidModelException.class, () -> new Fading.Rayleigh(Double.NaN));
        assertTrue(e.getMessage().startsWith("meanGain"), e.getMessage());
    }
}
