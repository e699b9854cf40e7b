package org.cleave.workflows.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionErrorsTest {
    @Test
    void reportsALibraryFieldUnderItsOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptionErrors.under(() -> {
            throw new IllegalArgumentException("users: must be >= 1, got 0");
        }, "--units", "--users"));
        assertEquals("--users: must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptionErrors.under(Map.of("solver", "--solvers"), () -> {
            throw new IllegalArgumentException("solver: no solver \"x\"");
        }));
        assertEquals("--solvers: no solver \"x\"", e.getMessage());
    }

    @Test
    void leavesOtherErrorsAndResultsAlone() {
        IllegalArgumentException other = new IllegalArgumentException("usersx: something else");
        assertSame(other, assertThrows(IllegalArgumentException.class, () -> OptionErrors.under(() -> {
            throw other;
        }, "--users")));
        assertEquals(7, OptionErrors.under(() -> 7, "--users"));
    }
}
