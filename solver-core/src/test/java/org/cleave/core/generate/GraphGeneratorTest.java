package org.cleave.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.cleave.core.model.DnnGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GraphGeneratorTest {
    @ParameterizedTest
    @EnumSource(GraphGenerator.Shape.class)
    void makesTheAskedNumberOfLayersReproducibly(GraphGenerator.Shape shape) {
        for (int layers = 1; layers <= 20; layers++) {
            DnnGraph a = GraphGenerator.generate(shape, layers, new SplittableRandom(layers));
            DnnGraph b = GraphGenerator.generate(shape, layers, new SplittableRandom(layers));
            assertEquals(layers + 1, a.size(), shape + " " + layers);
            assertEquals(a.layers(), b.layers());
            assertEquals(0, a.input().flops());
            if (shape == GraphGenerator.Shape.CHAIN) {
                assertTrue(a.isChain());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = GraphGenerator.Shape.class, names = {"RESIDUAL", "INCEPTION", "LAYERED"})
    void makesRealJoins(GraphGenerator.Shape shape) {
        DnnGraph g = GraphGenerator.generate(shape, 16, new SplittableRandom(7));
        boolean join = false;
        for (int v = 0; v < g.size(); v++) {
            join |= g.inDegree(v) > 1;
        }
        assertTrue(join, shape + " has no join");
    }
}
