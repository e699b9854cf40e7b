package org.cleave.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnnGraphTest {
    private static DnnGraph.Builder diamond() {
        return DnnGraph.builder()
                .addLayer(Layer.input("in", 100))
                .addLayer(new Layer("a", 10, 10, 0))
                .addLayer(new Layer("b", 10, 10, 0))
                .addLayer(new Layer("c", 10, 10, 0))
                .addLayer(new Layer("out", 10, 10, 0))
                .addArc("in", "a").addArc("a", "b").addArc("a", "c").addArc("b", "out").addArc("c", "out");
    }

    private static String message(Runnable r) {
        return assertThrows(InvalidModelException.class, r::run).getMessage();
    }

    @Test
    void ordersTopologicallyAndFindsCutVertices() {
        DnnGraph g = diamond().build();
        assertEquals(List.of("in", "a", "b", "c", "out"), g.layers().stream().map(Layer::id).toList());
        assertTrue(g.isCutVertex(0));
        assertTrue(g.isCutVertex(1));
        assertFalse(g.isCutVertex(2));
        assertFalse(g.isCutVertex(3));
        assertTrue(g.isCutVertex(4));
        assertArrayEquals(new int[] {2, 3}, g.successors(1));
        assertFalse(g.isChain());
        assertEquals(5, g.asGraph().vertexSet().size());
        assertEquals(5, g.asGraph().edgeSet().size());
    }

    @Test
    void reordersLayersGivenOutOfOrder() {
        DnnGraph g = DnnGraph.builder().addLayer(Layer.input("in", 1)).addLayer(new Layer("z", 1, 1, 0))
                .addLayer(new Layer("y", 1, 1, 0)).addArc("in", "y").addArc("y", "z").build();
        assertEquals(List.of("in", "y", "z"), g.layers().stream().map(Layer::id).toList());
        assertTrue(g.isChain());
    }

    @Test
    void rejectsACycleNamingIt() {
        String m = message(() -> diamond().addArc("out", "a").build());
        assertTrue(m.startsWith("arcs: the graph has a cycle"), m);
        assertTrue(m.contains("\"a\"") && m.contains("\"out\""), m);
    }

    @Test
    void rejectsDanglingIds() {
        assertEquals("arcs[5].to: unknown layer id \"ghost\"", message(() -> diamond().addArc("a", "ghost").build()));
        assertEquals("arcs[5].from: unknown layer id \"ghost\"", message(() -> diamond().addArc("ghost", "a").build()));
    }

    @Test
    void rejectsDuplicatesAndSelfLoops() {
        assertTrue(message(() -> diamond().addLayer(new Layer("a", 1, 1, 0)).build())
                .startsWith("layers[5].id: duplicate id \"a\""));
        assertTrue(message(() -> diamond().addArc("a", "b").build()).startsWith("arcs[5]: duplicate arc"));
        assertEquals("arcs[5]: self-loop on \"b\"", message(() -> diamond().addArc("b", "b").build()));
    }

    @Test
    void rejectsSeveralSinksOrSources() {
        String m = message(() -> diamond().addLayer(new Layer("dangling", 1, 1, 0)).addArc("a", "dangling").build());
        assertTrue(m.contains("one sink") && m.contains("\"dangling\""), m);
        m = message(() -> diamond().addLayer(new Layer("src", 1, 1, 0)).addArc("src", "b").build());
        assertTrue(m.contains("one source") && m.contains("\"src\""), m);
    }

    @Test
    void rejectsAnInputWithFlops() {
        String m = message(() -> DnnGraph.builder().addLayer(new Layer("in", 5, 1, 0))
                .addLayer(new Layer("a", 1, 1, 0)).addArc("in", "a").build());
        assertEquals("layers[0].flops: the input vertex \"in\" must have 0 FLOPs, got 5.0", m);
    }

    @Test
    void rejectsBadNumbersNamingFieldAndValue() {
        assertEquals("flops: must be a finite number >= 0, got -1.0",
                message(() -> new Layer("x", -1, 1, 0)));
        assertEquals("outputBytes: must be a finite number >= 0, got NaN",
                message(() -> new Layer("x", 1, Double.NaN, 0)));
        assertEquals("paramBytes: must be a finite number >= 0, got Infinity",
                message(() -> new Layer("x", 1, 1, Double.POSITIVE_INFINITY)));
        assertEquals("flopsPerSecond: must be a finite number > 0, got 0.0", message(() -> new Device(0, 1, 1, 1)));
        assertEquals("uplinkBitsPerSecond: must be a finite number > 0, got 0.0", message(() -> new Link(0, 1, 0)));
        assertEquals("exitRate: must be a number in [0, 1], got 1.5", message(() -> new Exit("e", "a", 1, 1.5, 0.5)));
    }

    @Test
    void acceptsExitsOnCutVerticesInDepthOrder() {
        DnnGraph g = diamond().addExit(new Exit("final", "out", 0, 1.0, 0.9))
                .addExit(new Exit("early", "a", 100, 0.4, 0.7)).build();
        assertEquals(List.of("early", "final"), g.exits().stream().map(Exit::id).toList());
    }

    @Test
    void rejectsAMisplacedExit() {
        String m = message(() -> diamond().addExit(new Exit("e1", "b", 1, 0.5, 0.5)).build());
        assertTrue(m.startsWith("exits[0].afterLayer: layer \"b\" is not a cut vertex"), m);
        m = message(() -> diamond().addExit(new Exit("e1", "in", 1, 0.5, 0.5)).build());
        assertTrue(m.startsWith("exits[0].afterLayer: an exit cannot hang after the input"), m);
        m = message(() -> diamond().addExit(new Exit("e1", "nope", 1, 0.5, 0.5)).build());
        assertEquals("exits[0].afterLayer: unknown layer id \"nope\"", m);
    }

    @Test
    void rejectsDecreasingExitRates() {
        String m = message(() -> diamond().addExit(new Exit("deep", "out", 1, 1.0, 0.9))
                .addExit(new Exit("mid", "a", 1, 0.6, 0.5)).addExit(new Exit("bad", "in", 1, 0.7, 0.5)).build());
        assertTrue(m.startsWith("exits[2].afterLayer"), m);
        DnnGraph.Builder b = DnnGraph.builder().addLayer(Layer.input("in", 1)).addLayer(new Layer("a", 1, 1, 0))
                .addLayer(new Layer("b", 1, 1, 0)).addLayer(new Layer("c", 1, 1, 0))
                .addArc("in", "a").addArc("a", "b").addArc("b", "c")
                .addExit(new Exit("e1", "a", 1, 0.6, 0.5)).addExit(new Exit("e2", "b", 1, 0.4, 0.5));
        m = message(b::build);
        assertTrue(m.startsWith("exits[1].exitRate: exit rates must be nondecreasing"), m);
    }
}
