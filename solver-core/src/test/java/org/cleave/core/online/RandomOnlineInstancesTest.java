package org.cleave.core.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.model.InvalidModelException;
import org.junit.jupiter.api.Test;

class RandomOnlineInstancesTest {
    @Test
    void isReproducibleFromTheSeed() {
        Trace a = RandomOnlineInstances.DEFAULT.generate(200, 7);
        Trace b = RandomOnlineInstances.DEFAULT.generate(200, 7);
        Trace c = RandomOnlineInstances.DEFAULT.generate(200, 8);
        assertEquals(12, a.exits());
        assertTrue(a.hasCorrectness());
        for (int t = 0; t < 200; t++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(a.confidence(t, i), b.confidence(t, i));
                assertEquals(a.correct(t, i), b.correct(t, i));
            }
        }
        assertNotEquals(a.confidence(0, 0), c.confidence(0, 0));
    }

    @Test
    void confidenceRisesWithDepthAndCorrectnessFollowsConfidence() {
        int n = 20_000;
        Trace trace = RandomOnlineInstances.DEFAULT.generate(n, 1);
        double previousMean = 0;
        for (int i = 0; i < trace.exits(); i++) {
            double mean = 0;
            double accuracy = 0;
            double confident = 0;
            double confidentCorrect = 0;
            double unsure = 0;
            double unsureCorrect = 0;
            for (int t = 0; t < n; t++) {
                double c = trace.confidence(t, i);
                assertTrue(c > 0.5 && c < 1, "confidence " + c + " outside (1/K, 1)");
                mean += c;
                accuracy += trace.correct(t, i) ? 1 : 0;
                if (c >= 0.8) {
                    confident++;
                    confidentCorrect += trace.correct(t, i) ? 1 : 0;
                } else {
                    unsure++;
                    unsureCorrect += trace.correct(t, i) ? 1 : 0;
                }
            }
            mean /= n;
            accuracy /= n;
            assertTrue(mean > previousMean, "exit " + i + ": mean confidence " + mean + " not above " + previousMean);
            // calibrated: accuracy ≈ mean confidence (binomial standard error < 0.004)
            assertEquals(mean, accuracy, 0.02, "exit " + i);
            if (confident > 100 && unsure > 100) {
                assertTrue(confidentCorrect / confident > unsureCorrect / unsure, "exit " + i);
            }
            previousMean = mean;
        }
    }

    @Test
    void namesBadParameters() {
        assertEquals("classes: must be >= 2, got 1", assertThrows(InvalidModelException.class,
                () -> new RandomOnlineInstances(12, 1, 0, 1, 1, 1)).getMessage());
        assertEquals("samples: must be >= 1, got 0", assertThrows(InvalidModelException.class,
                () -> RandomOnlineInstances.DEFAULT.generate(0, 1)).getMessage());
    }
}
