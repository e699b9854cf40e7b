package org.cleave.workflows.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EngineeringTest {
    @Test
    void prefixesAndThreeSignificantDigits() {
        assertEquals("12.3 ms", Engineering.seconds(0.012345));
        assertEquals("4.56 MB", Engineering.bytes(4.56e6));
        assertEquals("1.20 Gbit/s", Engineering.bitsPerSecond(1.2e9));
        assertEquals("484 ms", Engineering.seconds(0.48412));
        assertEquals("1.00 s", Engineering.seconds(0.9996));
        assertEquals("1.00 k", Engineering.format(999.7, ""));
        assertEquals("12.0 µs", Engineering.seconds(1.2e-5));
        assertEquals("-3.50 J", Engineering.joules(-3.5));
        assertEquals("7.00", Engineering.format(7, ""));
        assertEquals("150 kFLOP", Engineering.flops(150_000));
    }

    @Test
    void edgeCases() {
        assertEquals("0 s", Engineering.seconds(0));
        assertEquals("–", Engineering.seconds(Double.NaN));
        assertEquals("∞ s", Engineering.seconds(Double.POSITIVE_INFINITY));
        assertEquals("0 s", Engineering.seconds(1e-20));
        assertEquals("1.00e+21 B", Engineering.bytes(1e21));
    }

    @Test
    void percentages() {
        assertEquals("12.3 %", Engineering.percent(0.1234));
        assertEquals("100 %", Engineering.percent(1));
        assertEquals("0.500 %", Engineering.percent(0.005));
        assertEquals("0 %", Engineering.percent(0));
    }
}
