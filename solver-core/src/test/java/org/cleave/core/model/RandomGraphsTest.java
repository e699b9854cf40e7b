package org.cleave.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RandomGraphsTest {
    @ParameterizedTest
    @EnumSource(RandomGraphs.Shape.class)
    void makesTheAskedNumberOfLayersReproducibly(RandomGraphs.Shape shape) {
        for (int layers = 1; layers <= 20; layers++) {
            DnnGraph a = RandomGraphs.generate(shape, layers, new SplittableRandom(layers));
            DnnGraph b = RandomGraphs.generate(shape, layers, new SplittableRandom(layers));
            assertEquals(layers + 1, a.size(), shape + " " + layers);
            assertEquals(a.layers(), b.layers());
            assertEquals(0, a.input().flops());
            if (shape == RandomGraphs.Shape.CHAIN) {
                assertTrue(a.isChain());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = RandomGraphs.Shape.class, names = {"RESIDUAL", "INCEPTION", "LAYERED"})
    void makesRealJoins(RandomGraphs.Shape shape) {
        DnnGraph g = RandomGraphs.generate(shape, 16, new SplittableRandom(7));
        boolean join = false;
        for (int v = 0; v < g.size(); v++) {
            join |= g.inDegree(v) > 1;
        }
        assertTrue(join, shape + " has no join");
    }
}
