package org.cleave.core.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@link FiniteCosts}: the O(1) pre-check passes only models the per-layer check passes. */
class FiniteCostsTest {
    private static DnnGraph chain(Layer... layers) {
        DnnGraph.Builder b = DnnGraph.builder().addLayer(Layer.input("in", 1e3));
        String last = "in";
        for (Layer l : layers) {
            b.addLayer(l).addArc(last, l.id());
            last = l.id();
        }
        return b.build();
    }

    private static final Device DEVICE = new Device(1e9, 2, 1, 0.5);
    private static final EdgeServer EDGE = new EdgeServer(1e11);
    private static final Link LINK = new Link(1e6, 1e7, 0.01);

    @Test
    void namesTheFirstLayerBeyondTheLimitWithItsField() {
        DnnGraph g = chain(new Layer("a", 1e9, 1e3, 0), new Layer("b", 1e9, 1e307, 0), new Layer("c", 1e308, 1, 0));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> FiniteCosts.require("model", g, DEVICE, EDGE, LINK, 0));
        assertEquals("model.layers[2].outputBytes", e.getMessage().substring(0, "model.layers[2].outputBytes".length()),
                e.getMessage());
        DnnGraph h = chain(new Layer("a", 1e9, 1e3, 0), new Layer("b", 1e9, 1e3, 0,
                OptionalDouble.of(1e300), OptionalDouble.empty()));
        InvalidModelException f = assertThrows(InvalidModelException.class,
                () -> FiniteCosts.require("model", h, DEVICE, EDGE, LINK, 0.5));
        assertEquals("model.layers[2].measuredDeviceSeconds",
                f.getMessage().substring(0, "model.layers[2].measuredDeviceSeconds".length()), f.getMessage());
    }

    @Test
    void modelsBetweenAQuarterOfTheLimitAndTheLimitGoThroughThePerLayerCheck() {
        // total ≈ 3 (watts) · 1e308 FLOP / 1e9 FLOP/s = 3e299 s > LIMIT / 4: no shortcut, and it passes
        DnnGraph g = chain(new Layer("a", 1e308, 0, 0), new Layer("b", 1, 0, 0));
        assertDoesNotThrow(() -> FiniteCosts.require("model", g, DEVICE, EDGE, LINK, 0));
        // the same model at load 0.99 costs 100 times more: beyond the limit, named by the loop
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> FiniteCosts.require("model", g, DEVICE, EDGE, LINK, 0.99));
        assertEquals("model.layers[1].flops", e.getMessage().substring(0, "model.layers[1].flops".length()),
                e.getMessage());
    }

    @Test
    void ordinaryModelsPassAtAnyLoad() {
        DnnGraph g = chain(new Layer("a", 1e9, 1e6, 0), new Layer("b", 2e9, 1e5, 0, OptionalDouble.of(0.2),
                OptionalDouble.of(0.01)));
        for (double load : new double[] {0, 0.5, 0.999}) {
            assertDoesNotThrow(() -> FiniteCosts.require("model", g, DEVICE, EDGE, LINK, load));
        }
    }
}
