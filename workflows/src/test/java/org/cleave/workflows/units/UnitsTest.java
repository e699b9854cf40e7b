package org.cleave.workflows.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {
    /** What the command line's bandwidth converter (cleave map --from/--to) accepted before the merge. */
    @ParameterizedTest
    @CsvSource({"0.1Mbps, 1e5", "10Gbps, 1e10", "500kbps, 5e5", "2e6, 2e6", "18.88 Mbps, 18.88e6", "2e6bps, 2e6",
            "10GBPS, 1e10", "3kbit/s, 3e3", "7, 7"})
    void acceptsTheOldMapRates(String text, double bitsPerSecond) {
        assertEquals(bitsPerSecond, Units.bitsPerSecond("rate", text), bitsPerSecond * 1e-12);
    }

    /** What the ground-truth axis parser accepted before the merge, including a prefix without a unit. */
    @ParameterizedTest
    @CsvSource({"5M, 5e6", "0.1Mbps, 1e5", "5.85Mbps, 5.85e6", "5.85e6, 5.85e6", "1000Mbps, 1e9", "2k, 2e3",
            "1G, 1e9", "4m, 4e6", "9bit/s, 9"})
    void acceptsTheOldAxisRates(String text, double bitsPerSecond) {
        assertEquals(bitsPerSecond, Units.bitsPerSecond("rate", text), bitsPerSecond * 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "", "0", "0Mbps", "-1Mbps", "5T", "1e400", "Mbps"})
    void rejectsWhatIsNotAPositiveRate(String text) {
        String m = assertThrows(IllegalArgumentException.class, () -> Units.bitsPerSecond("uplink", text)).getMessage();
        assertTrue(m.startsWith("uplink: ") && m.contains("'" + text + "'"), m);
    }

    @Test
    void parsesSizesInDecimalAndBinaryUnits() {
        assertEquals(512, Units.bytes("size", "512"));
        assertEquals(512, Units.bytes("size", "512B"));
        assertEquals(44.7e6, Units.bytes("size", "44.7MB"), 1e-6);
        assertEquals(2e3, Units.bytes("size", "2 kB"));
        assertEquals(1.5 * (1 << 30), Units.bytes("size", "1.5GiB"));
        assertEquals(3 * 1024, Units.bytes("size", "3KiB"));
        String m = assertThrows(IllegalArgumentException.class, () -> Units.bytes("paramBytes", "lots")).getMessage();
        assertTrue(m.startsWith("paramBytes: ") && m.contains("'lots'"), m);
    }

    @Test
    void parsesDurationsInShortAndIsoForm() {
        assertEquals(Duration.ofMillis(500), Units.duration("timeLimit", "500ms"));
        assertEquals(Duration.ofSeconds(10), Units.duration("timeLimit", "10s"));
        assertEquals(Duration.ofSeconds(90), Units.duration("timeLimit", "1.5m"));
        assertEquals(Duration.ofHours(1), Units.duration("timeLimit", "1h"));
        assertEquals(Duration.ofSeconds(10), Units.duration("timeLimit", "PT10S"));
        String m = assertThrows(IllegalArgumentException.class, () -> Units.duration("timeLimit", "soon")).getMessage();
        assertTrue(m.startsWith("timeLimit: expected a duration") && m.contains("'soon'"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Units.duration("timeLimit", "0s")).getMessage();
        assertTrue(m.contains("must be positive"), m);
    }
}
