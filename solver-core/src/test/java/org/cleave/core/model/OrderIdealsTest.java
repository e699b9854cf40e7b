package org.cleave.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIdealsTest {
    @ParameterizedTest(name = "chain of {0}")
    @ValueSource(ints = {1, 2, 5, 17})
    void aChainOfNLayersHasNPlusOneIdeals(int n) {
        DnnGraph g = RandomGraphs.chain(n, new SplittableRandom(n));
        assertEquals(n + 1, OrderIdeals.count(g, 1000));
    }

    @Test
    void anAntichainOfKLayersHasTwoToTheKPlusOneIdeals() {
        // in -> k parallel layers -> out: 2^k choices with out on the edge, plus all-device
        int k = 6;
        DnnGraph.Builder b = DnnGraph.builder().addLayer(Layer.input("in", 1));
        b.addLayer(new Layer("out", 1, 1, 0));
        for (int i = 0; i < k; i++) {
            b.addLayer(new Layer("p" + i, 1, 1, 0)).addArc("in", "p" + i).addArc("p" + i, "out");
        }
        assertEquals((1 << k) + 1, OrderIdeals.count(b.build(), 10_000));
    }

    @Test
    void visitsDistinctMonotonePlacementsOnly() {
        DnnGraph g = RandomGraphs.layered(12, new SplittableRandom(3));
        Set<Placement> seen = new HashSet<>();
        OrderIdeals.forEach(g, Long.MAX_VALUE, () -> false, onEdge -> {
            Placement p = Placement.of(onEdge);
            p.requireMonotone(g);
            assertTrue(seen.add(p), "visited twice: " + p);
        });
        assertEquals(seen.size(), OrderIdeals.count(g, Long.MAX_VALUE - 1));
    }

    @Test
    void stopsAtTheCap() {
        DnnGraph g = RandomGraphs.chain(50, new SplittableRandom(1));
        long[] n = {0};
        assertEquals(OrderIdeals.Stop.CAP_REACHED, OrderIdeals.forEach(g, 10, () -> false, x -> n[0]++));
        assertEquals(10, n[0]);
        assertEquals(11, OrderIdeals.count(g, 10));
    }
}
