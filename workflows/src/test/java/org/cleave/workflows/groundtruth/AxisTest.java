package org.cleave.workflows.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AxisTest {
    @Test
    void rateAxesTakeEveryRateTheUnitsParserTakesAndDefaultToLogSpacing() {
        Axis a = Axis.parse("uplink=5M:500Mbps:3");
        assertEquals(new Axis("uplink", 5e6, 5e8, 3, true), a);
        assertEquals(5e7, a.gridValue(1), 5e7 * 1e-12);
        Axis load = Axis.parse("load=0:0.8:5");
        assertEquals(new Axis("load", 0, 0.8, 5, false), load);
        assertEquals(0.4, load.gridValue(2), 1e-15);
    }

    @Test
    void messagesNameTheAxisNotACommandLineFlag() {
        String m = assertThrows(IllegalArgumentException.class, () -> Axis.parse("uplink=1Mbps:2Mbps:0")).getMessage();
        assertEquals("axis uplink: needs at least 1 point, got 0", m);
        m = assertThrows(IllegalArgumentException.class, () -> Axis.parse("uplink")).getMessage();
        assertTrue(m.startsWith("axis: expected name=from:to"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Axis.parse("load=0:x")).getMessage();
        assertEquals("axis load: not a number: 'x'", m);
    }
}
